import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from './common.ts';
import { ZMonth } from './evaluations.ts';
import {
  MANUAL_KINDS,
  PAYMENT_METHODS,
  POSTING_KINDS,
  type PaymentMethod,
} from '../rent-accounts/postings.ts';
import { MAX_INSTALMENTS } from '../rent-accounts/plans.ts';

/**
 * Rent accounts (comptes locatifs) of occupancy contracts, their lines, statements and repayment
 * plans. The kinds of line and their labels are in shared/rent-accounts/postings.ts.
 */

export const ACCOUNT_STATUSES = ['open', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = { open: 'Ouvert', closed: 'Clos' };

export const PLAN_STATUSES = ['active', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  active: 'En cours',
  superseded: 'Remplacé par une renégociation',
};

export const INSTALMENT_STATUS_LABELS = {
  kept: 'Tenue',
  missed: 'Manquée',
  upcoming: 'À venir',
} as const;

/** A signed amount in cents (a regularisation may be a refund). */
const ZSignedCents = z
  .number({ message: 'Montant invalide.' })
  .int({ message: 'Montant en centimes entiers attendu.' })
  .min(-100_000_000, { message: 'Montant invraisemblable.' })
  .max(100_000_000, { message: 'Montant invraisemblable.' });
const ZPositiveCents = ZSignedCents.min(1, { message: 'Le montant doit être positif.' });
const ZLabel = z
  .string({ message: 'Texte attendu.' })
  .trim()
  .max(200, { message: '200 caractères au plus.' })
  .nullable()
  .default(null);

export const ZContractParams = z.object({ contractId: ZId });
export const ZPlanParams = z.object({ contractId: ZId, planId: ZId });

export const ZAccountOpen = z.object({ on: ZIsoDate });
export const ZAccountClose = z.object({ on: ZIsoDate });

export const ZMonthlyCalls = z.object({
  month: ZMonth,
  /** The day the calls are posted (default: the month's first day). */
  on: ZIsoDate.optional(),
  /** The RLS of a whole month, deducted from the call (0 when none; prorated with the rent). */
  rlsCents: ZCents.default(0),
  /** The housing benefit paid to the collector for a whole month (0 when none; prorated with the rent). */
  housingBenefitCents: ZCents.default(0),
});

export const ZPaymentInput = z.object({
  on: ZIsoDate,
  amountCents: ZPositiveCents,
  method: z.enum(PAYMENT_METHODS, { message: 'Choisissez le moyen de paiement.' }),
  reference: ZLabel,
});

export const ZManualPosting = z.object({
  on: ZIsoDate,
  kind: z.enum(MANUAL_KINDS, { message: 'Choisissez le type d’écriture.' }),
  /** Signed: positive adds to what the occupant owes. */
  amountCents: ZSignedCents,
  label: ZLabel,
});

export const ZCounterEntry = z.object({
  on: ZIsoDate,
  reversesPostingId: ZId,
  label: ZLabel,
});

export const ZPostingsQuery = z.object({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  kind: z.enum(POSTING_KINDS, { message: 'Type d’écriture inconnu.' }).optional(),
});

export const ZStatementQuery = z.object({ from: ZIsoDate, to: ZIsoDate });

export const ZPlanInput = z.object({
  debtCents: ZPositiveCents,
  instalmentCount: z
    .number({ message: 'Nombre de mensualités attendu.' })
    .int({ message: 'Nombre entier attendu.' })
    .min(1, { message: 'Au moins une mensualité.' })
    .max(MAX_INSTALMENTS, { message: `${MAX_INSTALMENTS} mensualités au plus.` }),
  startMonth: ZMonth,
  note: ZLabel,
});

export const ZPosting = z.object({
  id: ZId,
  kind: z.enum(POSTING_KINDS),
  amountCents: z.number().int(),
  postedOn: ZIsoDate,
  periodMonth: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS).nullable(),
  label: z.string().nullable(),
  reversesPostingId: ZId.nullable(),
  reversed: z.boolean(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type TPosting = z.infer<typeof ZPosting>;

export const ZMonthArrears = z.object({
  month: z.string(),
  calledCents: z.number().int(),
  paidCents: z.number().int(),
  balanceAtEndCents: z.number().int(),
  monthlyChargeCents: z.number().int(),
  monthsOfArrears: z.number(),
});

export const ZInstalment = z.object({
  month: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['kept', 'missed', 'upcoming']),
  shortfallCents: z.number().int(),
});

export const ZPlan = z.object({
  id: ZId,
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  debtCents: z.number().int(),
  instalmentCount: z.number().int(),
  startMonth: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  instalments: z.array(ZInstalment),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZRentAccount = z.object({
  contractId: ZId,
  exists: z.boolean(),
  status: z.enum(ACCOUNT_STATUSES).nullable(),
  openedOn: ZIsoDate.nullable(),
  closedOn: ZIsoDate.nullable(),
  occupant: z.string(),
  dwelling: z.string(),
  collector: z.string(),
  canPost: z.boolean(),
  callsCents: z.number().int(),
  paymentsCents: z.number().int(),
  aidsCents: z.number().int(),
  balanceCents: z.number().int(),
  arrears: z.array(ZMonthArrears),
  calledMonths: z.array(z.string()),
  plans: z.array(ZPlan),
});
export type TRentAccount = z.infer<typeof ZRentAccount>;

export const ZPostings = z.object({ items: z.array(ZPosting) });
export const ZPlanCheck = z.object({ missedMonths: z.array(z.string()), tasksRaised: z.number().int() });

export type { PaymentMethod };
