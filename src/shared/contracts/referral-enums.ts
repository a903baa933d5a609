export const REFERRAL_KINDS = ['maintenance', 'access'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const REFERRAL_KIND_LABELS: Record<ReferralKind, string> = {
  maintenance: 'Maintien dans le logement',
  access: 'Accès au logement',
};

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'redirected', 'case_opened'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: 'Envoyée',
  accepted: 'Acceptée — prise de contact',
  declined: 'Refusée',
  redirected: 'Réorientée',
  case_opened: 'Accompagnement ouvert',
};

export const MAINTENANCE_REASONS = [
  'arrears',
  'eviction_procedure',
  'neighbour_trouble',
  'poor_upkeep',
  'loss_of_contact',
  'health_isolation',
] as const;
export type MaintenanceReason = (typeof MAINTENANCE_REASONS)[number];
export const MAINTENANCE_REASON_LABELS: Record<MaintenanceReason, string> = {
  arrears: 'Impayés de loyer',
  eviction_procedure: "Procédure d'expulsion",
  neighbour_trouble: 'Troubles de voisinage',
  poor_upkeep: 'Défaut d’entretien du logement',
  loss_of_contact: 'Perte de contact',
  health_isolation: 'Santé / isolement',
};

/** Stages of the eviction procedure, in order. */
export const CONTACT_METHODS = ['letter', 'registered_letter', 'home_visit', 'phone'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  letter: 'Courrier simple',
  registered_letter: 'Courrier recommandé',
  home_visit: 'Visite à domicile',
  phone: 'Téléphone',
};

export const CONTACT_OUTCOMES = ['no_answer', 'reached', 'appointment_set', 'refused'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  no_answer: 'Sans réponse',
  reached: 'Ménage joint',
  appointment_set: 'Rendez-vous fixé',
  refused: 'Refus du ménage',
};
