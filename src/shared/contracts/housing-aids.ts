import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, ZRowVersion, requiredText } from './common.ts';

/**
 * Financial aids and guarantees of a household (issue 11 point 8; eviction-and-aids.md §3.3, §3.5,
 * §4, §7.1 AidRequest): what was asked of whom, for whom, in what form, and what became of it —
 * requested, then granted or refused, then paid (once or in several payments, never beyond the
 * amount granted). Paid to a rent account, each payment is posted to it as a credit.
 */

export const AID_KINDS = [
  'fsl_acces_installation',
  'fsl_acces_guarantee',
  'fsl_maintien',
  'loca_pass',
  'visale',
  'fsl_association_guarantee',
  'aide_sur_quittance',
  'small_grant',
] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_KIND_LABELS: Record<AidKind, string> = {
  fsl_acces_installation: 'FSL accès — installation',
  fsl_acces_guarantee: 'FSL accès — cautionnement',
  fsl_maintien: 'FSL maintien',
  loca_pass: 'Avance Loca-Pass',
  visale: 'Garantie Visale',
  fsl_association_guarantee: 'Garantie FSL de l’association',
  aide_sur_quittance: 'Aide sur quittance',
  small_grant: 'Petite subvention',
};

export const AID_FORMS = ['grant', 'loan', 'guarantee'] as const;
export type AidForm = (typeof AID_FORMS)[number];
export const AID_FORM_LABELS: Record<AidForm, string> = {
  grant: 'Subvention',
  loan: 'Prêt',
  guarantee: 'Garantie',
};

/** Who receives the money: the rent account of one of the household's contracts is credited directly. */
export const AID_PAYEES = ['household', 'landlord', 'association', 'rent_account'] as const;
export type AidPayee = (typeof AID_PAYEES)[number];
export const AID_PAYEE_LABELS: Record<AidPayee, string> = {
  household: 'Le ménage',
  landlord: 'Le bailleur',
  association: 'L’association',
  rent_account: 'Le compte locatif',
};

export const AID_STATUSES = ['requested', 'granted', 'refused', 'paid'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];
export const AID_STATUS_LABELS: Record<AidStatus, string> = {
  requested: 'Demandée',
  granted: 'Accordée',
  refused: 'Refusée',
  paid: 'Versée',
};

/** A loan's repayment: so much a month over so many months from a first instalment. */
export const ZRepaymentSchedule = z.object({
  firstInstalmentOn: ZIsoDate,
  monthlyCents: ZCents.min(1, { message: 'Mensualité supérieure à zéro attendue.' }),
  months: z
    .number({ message: 'Nombre de mois attendu.' })
    .int({ message: 'Nombre entier de mois attendu.' })
    .min(1, { message: 'Au moins un mois.' })
    .max(120, { message: '120 mois au plus.' }),
});
export type TRepaymentSchedule = z.infer<typeof ZRepaymentSchedule>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .nullish()
    .transform((v) => (v ? v : null));

export const ZAidCreate = z.object({
  kind: z.enum(AID_KINDS, { message: 'Type d’aide inconnu.' }),
  form: z.enum(AID_FORMS, { message: 'Forme d’aide inconnue.' }),
  funderName: requiredText(200, 'Indiquez le financeur (ou le payeur) de l’aide.'),
  funderOrganisationId: ZId.nullish().transform((v) => v ?? null),
  payee: z.enum(AID_PAYEES, { message: 'Bénéficiaire du versement inconnu.' }),
  /** The landlord or association paid (payee landlord or association). */
  payeeOrganisationId: ZId.nullish().transform((v) => v ?? null),
  /** The household's contract whose rent account is credited (payee rent_account). */
  contractId: ZId.nullish().transform((v) => v ?? null),
  requestedOn: ZIsoDate,
  amountRequestedCents: ZCents.min(1, { message: 'Montant demandé supérieur à zéro attendu.' }),
  /** Aide sur quittance: how many months of rent it covers (1 to 3). */
  months: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
  /** Aide sur quittance: the aid this one renews (once at most). */
  renewsAidId: ZId.nullish().transform((v) => v ?? null),
  note: optionalText(2000),
});
export type TAidCreate = z.input<typeof ZAidCreate>;

export const ZAidDecision = z.discriminatedUnion(
  'outcome',
  [
    z.object({
      outcome: z.literal('granted'),
      decidedOn: ZIsoDate,
      amountGrantedCents: ZCents.min(1, { message: 'Montant accordé supérieur à zéro attendu.' }),
      repaymentSchedule: ZRepaymentSchedule.nullish().transform((v) => v ?? null),
      rowVersion: ZRowVersion,
    }),
    z.object({
      outcome: z.literal('refused'),
      decidedOn: ZIsoDate,
      reason: requiredText(1000, 'Indiquez le motif du refus.'),
      rowVersion: ZRowVersion,
    }),
  ],
  { message: 'Indiquez si l’aide est accordée ou refusée.' },
);
export type TAidDecision = z.input<typeof ZAidDecision>;

export const ZAidPayment = z.object({
  paidOn: ZIsoDate,
  amountCents: ZCents.min(1, { message: 'Montant versé supérieur à zéro attendu.' }),
  rowVersion: ZRowVersion,
});
export type TAidPayment = z.input<typeof ZAidPayment>;

/** A repayment of a loan by the household. */
export const ZAidRepayment = z.object({
  paidOn: ZIsoDate,
  amountCents: ZCents.min(1, { message: 'Montant remboursé supérieur à zéro attendu.' }),
});
export type TAidRepayment = z.input<typeof ZAidRepayment>;

export const ZAidParams = z.object({ id: ZId, aidId: ZId });

export const ZAidEvent = z.object({
  status: z.enum(AID_STATUSES),
  occurredOn: ZIsoDate,
  amountCents: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
});

/** A loan's instalment on its schedule, and whether the repayments cover it (shared/housing-aids/loans.ts). */
export const ZLoanInstalment = z.object({
  dueOn: ZIsoDate,
  amountCents: z.number().int(),
  status: z.enum(['repaid', 'missed', 'upcoming']),
  shortfallCents: z.number().int(),
});

export const ZAid = z.object({
  id: ZId,
  householdId: ZId,
  kind: z.enum(AID_KINDS),
  form: z.enum(AID_FORMS),
  funderName: z.string(),
  payee: z.enum(AID_PAYEES),
  payeeOrganisationId: ZId.nullable(),
  payeeName: z.string().nullable(),
  contractId: ZId.nullable(),
  /** The contract in words (its kind and dwelling's address), never its identifier. */
  contractLabel: z.string().nullable(),
  status: z.enum(AID_STATUSES),
  requestedOn: ZIsoDate,
  amountRequestedCents: z.number().int(),
  decidedOn: ZIsoDate.nullable(),
  amountGrantedCents: z.number().int().nullable(),
  refusalReason: z.string().nullable(),
  amountPaidCents: z.number().int(),
  lastPaidOn: ZIsoDate.nullable(),
  months: z.number().int().nullable(),
  renewsAidId: ZId.nullable(),
  renewedByAidId: ZId.nullable(),
  repaymentSchedule: ZRepaymentSchedule.nullable(),
  /** A loan's repayments recorded, their total, and its instalments checked against them. */
  repayments: z.array(
    z.object({ paidOn: ZIsoDate, amountCents: z.number().int(), recordedByName: z.string().nullable() }),
  ),
  repaidCents: z.number().int(),
  instalments: z.array(ZLoanInstalment),
  note: z.string().nullable(),
  rowVersion: z.number().int(),
  events: z.array(ZAidEvent),
});
export type TAid = z.infer<typeof ZAid>;

export const ZAidOption = z.object({ id: ZId, label: z.string() });

export const ZAidList = z.object({
  items: z.array(ZAid),
  /** Whether the reader may request, decide and record payments (the household's social workers). */
  canManage: z.boolean(),
  /** The household's contracts whose rent account an aid may credit. */
  contracts: z.array(ZAidOption),
});
export type TAidList = z.infer<typeof ZAidList>;
