import { z } from 'zod';

/** Alerts: deadlines and situations the daily run turns into tasks (issue 10, point 8). */
export const ALERT_RULES = [
  'measure_ending',
  'renewal_limit',
  'committee_review',
  'caseload_over_capacity',
  'referral_unanswered',
  'contract_unsigned',
  'no_contact',
  'home_visit_missing',
  'watch_visit_due',
  'watch_ending',
  'monthly_point_missing',
  'evaluation_due',
  'eviction_deadline',
  'eviction_regime_switch',
  'aid_undecided',
  'aid_repayment_missed',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  measure_ending: 'Fin de mesure proche',
  renewal_limit: 'Mesure qui ne peut plus être renouvelée',
  committee_review: 'Mesure à présenter en comité',
  caseload_over_capacity: 'File active au-delà de la capacité',
  referral_unanswered: 'Saisine sans réponse',
  contract_unsigned: 'Contrat d’accompagnement non signé',
  no_contact: 'Pas de contact avec le ménage',
  home_visit_missing: 'Visite à domicile annuelle à faire',
  watch_visit_due: 'Visite annuelle de veille à faire',
  watch_ending: 'Fin de la veille sociale',
  monthly_point_missing: 'Point mensuel manquant',
  evaluation_due: 'Évaluation à rédiger',
  eviction_deadline: 'Délai de la procédure d’expulsion',
  eviction_regime_switch: 'Impayé à réexaminer (règles de 2027)',
  aid_undecided: 'Aide financière sans décision',
  aid_repayment_missed: 'Remboursement de prêt manqué',
};

/** An organisation's alert settings, in days. */
export interface TAlertSettings {
  /** Days without a contact with the household before its référent is alerted. */
  noContactDays: number;
  /** Days before a measure's planned end when its référent is alerted. */
  measureEndingDays: number;
  /** Days before the planned end of a measure that can no longer be renewed. */
  renewalLimitDays: number;
  /** Days a referral may wait for an answer. */
  referralUnansweredDays: number;
  /** Days a support contract may wait for its signatures. */
  contractUnsignedDays: number;
  /** Days a financial aid may wait for its funder's decision. */
  aidDecisionDays: number;
}

/** The defaults, for an organisation that has not set its own. */
export const DEFAULT_ALERT_SETTINGS: TAlertSettings = {
  noContactDays: 30,
  measureEndingDays: 30,
  renewalLimitDays: 90,
  referralUnansweredDays: 8,
  contractUnsignedDays: 15,
  aidDecisionDays: 60,
};

export const ALERT_SETTING_LABELS: Record<keyof TAlertSettings, string> = {
  noContactDays: 'Jours sans contact avec le ménage',
  measureEndingDays: 'Jours avant la fin prévue d’une mesure',
  renewalLimitDays: 'Jours avant la fin d’une mesure non renouvelable',
  referralUnansweredDays: 'Jours d’attente d’une saisine sans réponse',
  contractUnsignedDays: 'Jours d’attente des signatures d’un contrat',
  aidDecisionDays: 'Jours d’attente de la décision sur une aide financière',
};

const days = z
  .number({ message: 'Indiquez un nombre de jours.' })
  .int({ message: 'Indiquez un nombre entier de jours.' })
  .min(1, { message: 'Au moins 1 jour.' })
  .max(365, { message: '365 jours au plus.' });

export const ZAlertSettingsInput = z.object({
  noContactDays: days,
  measureEndingDays: days,
  renewalLimitDays: days,
  referralUnansweredDays: days,
  contractUnsignedDays: days,
  aidDecisionDays: days,
  /** The version read; 0 while the organisation keeps the defaults. */
  rowVersion: z.number({ message: 'Version manquante.' }).int().min(0),
});
export type TAlertSettingsInput = z.input<typeof ZAlertSettingsInput>;

export const ZAlertSettings = ZAlertSettingsInput.extend({
  /** Whether these are the defaults (the organisation never saved its own). */
  isDefault: z.boolean(),
});
export type TAlertSettingsAnswer = z.infer<typeof ZAlertSettings>;

/** The user's choice about the daily email of alerts. */
export const ZDigestPreference = z.object({
  dailyDigest: z.boolean({ message: 'Choisissez oui ou non.' }),
});
export type TDigestPreference = z.infer<typeof ZDigestPreference>;
