import type { AidForm, AidKind, AidPayee, AidStatus, TRepaymentSchedule } from '../contracts/housing-aids.ts';

/**
 * The rules of an aid's life, pure: the server applies them, the web client offers only what they
 * allow. Each answers the field → French message of what is wrong (empty when all is right).
 */
export type AidFieldErrors = Record<string, string>;

/** The forms each kind may take (eviction-and-aids.md §3.3, §3.5, §4). */
export const AID_KIND_FORMS: Record<AidKind, readonly AidForm[]> = {
  fsl_acces_installation: ['grant', 'loan'],
  fsl_acces_guarantee: ['guarantee'],
  fsl_maintien: ['grant', 'loan'],
  loca_pass: ['loan'],
  visale: ['guarantee'],
  fsl_association_guarantee: ['guarantee'],
  aide_sur_quittance: ['grant'],
  small_grant: ['grant'],
};

/** An aide sur quittance covers 1 to 3 months of rent, and is renewed once at most (seeds-digest F8). */
export const QUITTANCE_MONTHS = { min: 1, max: 3 } as const;

export interface AidRequestFacts {
  kind: AidKind;
  form: AidForm;
  payee: AidPayee;
  payeeOrganisationId: string | null;
  contractId: string | null;
  requestedOn: string;
  months: number | null;
  renewsAidId: string | null;
}

/** The aid a renewal would renew, as the server found it among the household's aids. */
export interface RenewedAid {
  kind: AidKind;
  status: AidStatus;
  renewsAidId: string | null;
  /** Whether another aid already renews it. */
  renewed: boolean;
}

/** What is wrong with a request, `today` being the Paris day it is recorded. */
export function aidRequestErrors(
  aid: AidRequestFacts,
  today: string,
  renewed: RenewedAid | null,
): AidFieldErrors {
  const errors: AidFieldErrors = {};
  if (!AID_KIND_FORMS[aid.kind].includes(aid.form))
    errors.form = 'Cette forme n’existe pas pour ce type d’aide.';
  if (aid.requestedOn > today) errors.requestedOn = 'La demande ne peut pas être datée dans le futur.';
  if (aid.payee === 'rent_account' && !aid.contractId)
    errors.contractId = 'Choisissez le contrat dont le compte locatif reçoit l’aide.';
  if (aid.payee !== 'rent_account' && aid.contractId)
    errors.contractId = 'Un contrat n’est indiqué que pour un versement au compte locatif.';
  if (aid.payee === 'household' && aid.payeeOrganisationId)
    errors.payeeOrganisationId = 'Une aide versée au ménage n’est versée à aucune organisation.';
  if (aid.kind === 'aide_sur_quittance') {
    if (aid.months === null || aid.months < QUITTANCE_MONTHS.min || aid.months > QUITTANCE_MONTHS.max)
      errors.months = 'Une aide sur quittance couvre de 1 à 3 mois de loyer.';
  } else {
    if (aid.months !== null) errors.months = 'Seule une aide sur quittance se compte en mois.';
    if (aid.renewsAidId) errors.renewsAidId = 'Seule une aide sur quittance se renouvelle.';
  }
  if (aid.kind === 'aide_sur_quittance' && aid.renewsAidId) {
    const refusal = renewalRefusal(renewed);
    if (refusal) errors.renewsAidId = refusal;
  }
  return errors;
}

/** Why an aide sur quittance may not be renewed (null when it may). */
export function renewalRefusal(renewed: RenewedAid | null): string | null {
  if (!renewed || renewed.kind !== 'aide_sur_quittance')
    return 'Le renouvellement porte sur une aide sur quittance du ménage.';
  if (renewed.status !== 'granted' && renewed.status !== 'paid')
    return 'Seule une aide sur quittance accordée peut être renouvelée.';
  if (renewed.renewsAidId !== null || renewed.renewed)
    return 'Une aide sur quittance n’est renouvelable qu’une fois : ce second renouvellement est refusé.';
  return null;
}

export interface AidState {
  form: AidForm;
  status: AidStatus;
  requestedOn: string;
  decidedOn: string | null;
  amountGrantedCents: number | null;
  amountPaidCents: number;
  lastPaidOn: string | null;
}

export type AidDecisionFacts =
  | {
      outcome: 'granted';
      decidedOn: string;
      amountGrantedCents: number;
      repaymentSchedule: TRepaymentSchedule | null;
    }
  | { outcome: 'refused'; decidedOn: string };

/** What is wrong with the funder's decision on this aid. */
export function aidDecisionErrors(aid: AidState, decision: AidDecisionFacts, today: string): AidFieldErrors {
  const errors: AidFieldErrors = {};
  if (aid.status !== 'requested')
    errors.outcome = 'Cette aide a déjà reçu sa décision : elle ne peut pas être décidée deux fois.';
  if (decision.decidedOn < aid.requestedOn) errors.decidedOn = 'La décision ne peut pas précéder la demande.';
  else if (decision.decidedOn > today) errors.decidedOn = 'La décision ne peut pas être datée dans le futur.';
  if (decision.outcome === 'granted' && decision.repaymentSchedule) {
    if (aid.form !== 'loan') errors.repaymentSchedule = 'Seul un prêt a un échéancier de remboursement.';
    else if (decision.repaymentSchedule.firstInstalmentOn < decision.decidedOn)
      errors['repaymentSchedule.firstInstalmentOn'] =
        'La première échéance ne peut pas précéder la décision.';
    else if (
      decision.repaymentSchedule.monthlyCents * decision.repaymentSchedule.months <
      decision.amountGrantedCents
    )
      errors['repaymentSchedule.months'] = 'L’échéancier ne rembourse pas tout le montant accordé.';
  }
  return errors;
}

/** What is wrong with recording a payment of the aid. */
export function aidPaymentErrors(
  aid: AidState,
  payment: { paidOn: string; amountCents: number },
  today: string,
): AidFieldErrors {
  if (aid.status === 'requested')
    return { amountCents: 'Une aide ne peut pas être versée avant d’avoir été accordée.' };
  if (aid.status === 'refused') return { amountCents: 'Une aide refusée ne peut pas être versée.' };
  const errors: AidFieldErrors = {};
  if (aid.decidedOn && payment.paidOn < aid.decidedOn)
    errors.paidOn = 'Le versement ne peut pas précéder la décision d’accord.';
  else if (payment.paidOn > today) errors.paidOn = 'Le versement ne peut pas être daté dans le futur.';
  const left = (aid.amountGrantedCents ?? 0) - aid.amountPaidCents;
  if (payment.amountCents > left)
    errors.amountCents =
      left === 0
        ? 'Le montant accordé a déjà été entièrement versé.'
        : 'Le total versé ne peut pas dépasser le montant accordé.';
  return errors;
}

/** The aid after a payment: paid from its first payment on, the amounts summed. */
export const afterPayment = <A extends AidState>(
  aid: A,
  payment: { paidOn: string; amountCents: number },
): A => ({
  ...aid,
  status: 'paid',
  amountPaidCents: aid.amountPaidCents + payment.amountCents,
  lastPaidOn: aid.lastPaidOn && aid.lastPaidOn > payment.paidOn ? aid.lastPaidOn : payment.paidOn,
});

/** What is wrong with recording a repayment of a loan, `repaidCents` being what was repaid before. */
export function aidRepaymentErrors(
  aid: AidState,
  repaidCents: number,
  repayment: { paidOn: string; amountCents: number },
  today: string,
): AidFieldErrors {
  if (aid.form !== 'loan') return { amountCents: 'Seul un prêt se rembourse.' };
  if (aid.status !== 'paid') return { amountCents: 'Un prêt se rembourse une fois versé.' };
  const errors: AidFieldErrors = {};
  if (aid.decidedOn && repayment.paidOn < aid.decidedOn)
    errors.paidOn = 'Le remboursement ne peut pas précéder l’accord du prêt.';
  else if (repayment.paidOn > today) errors.paidOn = 'Le remboursement ne peut pas être daté dans le futur.';
  if (repayment.amountCents > aid.amountPaidCents - repaidCents)
    errors.amountCents =
      repaidCents >= aid.amountPaidCents
        ? 'Le prêt est déjà entièrement remboursé.'
        : 'Le total remboursé ne peut pas dépasser le montant prêté.';
  return errors;
}
