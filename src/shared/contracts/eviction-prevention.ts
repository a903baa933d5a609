import { z } from 'zod';
import { LESSOR_KINDS } from './housing-stock.ts';
import { optText } from '../households/registry.ts';
import { ZCents, ZId, ZIsoDate, ZRowVersion } from './common.ts';

/** The instruments of prevention a support worker uses against an eviction (eviction-and-aids §3). */
export const PREVENTION_INSTRUMENTS = [
  'fsl_maintien',
  'repayment_plan',
  'protocol',
  'over_indebtedness',
  'payment_delays',
  'sublease_or_sauvegarde',
  'transfer',
] as const;
export type PreventionInstrument = (typeof PREVENTION_INSTRUMENTS)[number];
export const PREVENTION_INSTRUMENT_LABELS: Record<PreventionInstrument, string> = {
  fsl_maintien: 'FSL maintien',
  repayment_plan: 'Plan d’apurement',
  protocol: 'Protocole de cohésion sociale',
  over_indebtedness: 'Dossier de surendettement',
  payment_delays: 'Délais de paiement (juge)',
  sublease_or_sauvegarde: 'Sous-location ou bail de sauvegarde',
  transfer: 'Mutation dans le parc du bailleur',
};

export const INSTRUMENT_STATUSES = ['considered', 'requested', 'granted', 'refused', 'ended'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];
export const INSTRUMENT_STATUS_LABELS: Record<InstrumentStatus, string> = {
  considered: 'Envisagé',
  requested: 'Demandé',
  granted: 'Obtenu',
  refused: 'Refusé',
  ended: 'Terminé',
};

/** Where a procedure's debt is read: balances noted on it, the rent account in Relais, the landlord's files. */
export const DEBT_SOURCES = ['noted', 'rent_account', 'landlord_file'] as const;
export type DebtSource = (typeof DEBT_SOURCES)[number];

export const BENEFIT_PAYEES = ['landlord', 'tenant', 'none'] as const;
export type BenefitPayee = (typeof BENEFIT_PAYEES)[number];
export const BENEFIT_PAYEE_LABELS: Record<BenefitPayee, string> = {
  landlord: 'Versée au bailleur (tiers payant)',
  tenant: 'Versée au locataire',
  none: 'Pas d’aide au logement',
};

/** What the deadlines are computed from, beyond the procedure's steps: the lease, the rent, the hearing. */
export const ZProcedureFactsInput = z.object({
  leaseSignedOn: ZIsoDate.nullable(),
  lessorKind: z.enum(LESSOR_KINDS, { message: 'Type de bailleur inconnu.' }).nullable(),
  monthlyRentCents: ZCents.nullable(),
  monthlyChargesCents: ZCents.nullable(),
  monthlyBenefitCents: ZCents.nullable(),
  benefitPaidTo: z.enum(BENEFIT_PAYEES, { message: 'Destinataire de l’aide inconnu.' }),
  /** The hearing's date as the assignation gives it: ahead of the hearing, so never a step yet. */
  hearingScheduledOn: ZIsoDate.nullable(),
  version: ZRowVersion.nullable(),
});
export type TProcedureFactsInput = z.input<typeof ZProcedureFactsInput>;

export const ZProcedureBalanceCreate = z.object({
  on: ZIsoDate,
  amountCents: ZCents,
});
export type TProcedureBalanceCreate = z.input<typeof ZProcedureBalanceCreate>;

export const ZInstrumentCreate = z.object({
  instrument: z.enum(PREVENTION_INSTRUMENTS, { message: 'Outil de prévention inconnu.' }),
  status: z.enum(INSTRUMENT_STATUSES, { message: 'État inconnu.' }),
  on: ZIsoDate,
  note: optText(1000),
});
export type TInstrumentCreate = z.input<typeof ZInstrumentCreate>;

export const ZInstrumentChange = z.object({
  status: z.enum(INSTRUMENT_STATUSES, { message: 'État inconnu.' }),
  on: ZIsoDate,
  note: optText(1000),
});
export type TInstrumentChange = z.input<typeof ZInstrumentChange>;

export const ZInstrumentParams = z.object({ id: ZId, instrumentId: ZId });

const ZDeadline = z.object({
  code: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  rule: z.string().nullable(),
});

export const ZEvictionPrevention = z.object({
  procedureId: ZId,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  facts: z.object({
    leaseSignedOn: z.string().nullable(),
    lessorKind: z.enum(LESSOR_KINDS).nullable(),
    monthlyRentCents: z.number().int().nullable(),
    monthlyChargesCents: z.number().int().nullable(),
    monthlyBenefitCents: z.number().int().nullable(),
    benefitPaidTo: z.enum(BENEFIT_PAYEES),
    hearingScheduledOn: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
  balances: z.array(z.object({ id: ZId, on: z.string(), amountCents: z.number().int() })),
  /** The debt as the household's rent account in Relais states it, used when no balance is noted. */
  accountBalances: z.array(z.object({ on: z.string(), amountCents: z.number().int() })),
  /**
   * Without either, the landlord's monthly arrears files of a contract attached to the file (its latest
   * file's day, the landlord, each balance with the months of rent it stood for); null without any.
   */
  landlordFile: z
    .object({
      landlordName: z.string().nullable(),
      asOf: z.string(),
      balances: z.array(
        z.object({ on: z.string(), amountCents: z.number().int(), months: z.number().nullable() }),
      ),
    })
    .nullable(),
  /** Where the debt the deadlines are computed from comes from; null when no debt is known. */
  debtSource: z.enum(DEBT_SOURCES).nullable(),
  deadlines: z.array(ZDeadline),
  /** Why no deadline could be computed (inconsistent dates), in French; null when they are. */
  timelineProblem: z.string().nullable(),
  /** The stage the procedure has reached, and what the support worker can do at each one. */
  stages: z.array(
    z.object({ label: z.string(), actions: z.string(), reached: z.boolean(), current: z.boolean() }),
  ),
  instruments: z.array(
    z.object({
      id: ZId,
      instrument: z.enum(PREVENTION_INSTRUMENTS),
      status: z.enum(INSTRUMENT_STATUSES),
      on: z.string(),
      note: z.string().nullable(),
      history: z.array(z.object({ status: z.enum(INSTRUMENT_STATUSES), on: z.string() })),
    }),
  ),
});
export type TEvictionPrevention = z.infer<typeof ZEvictionPrevention>;
