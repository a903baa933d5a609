import { z } from 'zod';
import { ZId, ZIsoDate, ZPaging, ZRowVersion, requiredText, zPage } from './common.ts';
import { LESSOR_KINDS, OCCUPANCY_KINDS, OCCUPANCY_STATUSES } from './housing-stock.ts';
import { CONTRACT_EVENTS, LEASE_PARTIES, END_OUTCOMES } from '../leases/contract-rules.ts';
import { SLIDING_CRITERIA, SLIDING_DECISIONS, SLIDING_RATINGS } from '../leases/sliding.ts';

/**
 * Occupancy contracts (ADR 0024): a dwelling's occupation under one legal form, its parties, dates,
 * events, documents and, for a sliding sublease, the parties' evaluations and the joint decision.
 */

/** A text that may stay empty (null). */
const optionalText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const ZContractParams = z.object({ id: ZId });
export const ZDwellingContractsParams = z.object({ dwellingId: ZId });

export const ZContractCreate = z.object({
  dwellingId: ZId,
  kind: z.enum(OCCUPANCY_KINDS, { message: 'Type de contrat inconnu.' }),
  householdId: ZId.nullable().default(null),
  tenantName: optionalText(200),
  lessorOrganisationId: ZId.nullable().default(null),
  lessorName: optionalText(200),
  lessorKind: z.enum(LESSOR_KINDS, {
    message: 'Indiquez si le bailleur est une personne morale ou physique.',
  }),
  intermediaryOrganisationId: ZId.nullable().default(null),
  signedOn: ZIsoDate.nullable().default(null),
  startOn: ZIsoDate,
  endOn: ZIsoDate.nullable().default(null),
  slidingReviewOn: ZIsoDate.nullable().default(null),
});
export type TContractCreate = z.infer<typeof ZContractCreate>;

export const ZContractActivate = z.object({ rowVersion: ZRowVersion, on: ZIsoDate });

export const ZContractEventCreate = z.object({
  event: z.enum(CONTRACT_EVENTS, { message: 'Événement inconnu.' }),
  occurredOn: ZIsoDate,
  note: optionalText(2000),
});

export const ZContractRenew = z.object({
  rowVersion: ZRowVersion,
  on: ZIsoDate,
  /** A sliding sublease's next review (default: 12 months after the current one). */
  slidingReviewOn: ZIsoDate.nullable().default(null),
  /** A new last day, when the contract had one. */
  endOn: ZIsoDate.nullable().default(null),
  objectives: optionalText(4000),
});

export const ZContractEnd = z.object({
  rowVersion: ZRowVersion,
  endOn: ZIsoDate,
  outcome: z.enum(END_OUTCOMES, { message: 'Issue inconnue.' }),
  reason: optionalText(2000),
  party: z.enum(LEASE_PARTIES, { message: 'Partie inconnue.' }).nullable().default(null),
});

export const ZContractDocumentAttach = z.object({
  householdDocumentId: ZId,
  label: requiredText(200, 'Indiquez ce qu’est ce document.'),
});

/** Attaches the contract to the file of a household the actor reads (an imported tenant's contract has none). */
export const ZContractHouseholdLink = z.object({
  householdId: ZId,
  rowVersion: ZRowVersion,
});
export type TContractHouseholdLink = z.infer<typeof ZContractHouseholdLink>;

/** Detaches it from the file it was attached to by mistake, saying why. */
export const ZContractHouseholdUnlink = z.object({
  reason: requiredText(2000, 'Indiquez pourquoi le contrat est détaché de ce dossier.'),
  rowVersion: ZRowVersion,
});
export type TContractHouseholdUnlink = z.infer<typeof ZContractHouseholdUnlink>;

const ZRatingInput = z.object({
  rating: z.enum(SLIDING_RATINGS, { message: 'Appréciation attendue.' }),
  comment: optionalText(1000),
});
export const ZSlidingRatings = z.object(
  Object.fromEntries(SLIDING_CRITERIA.map((c) => [c, ZRatingInput])) as Record<
    (typeof SLIDING_CRITERIA)[number],
    typeof ZRatingInput
  >,
);
export const ZSlidingEvaluationParams = z.object({
  id: ZId,
  party: z.enum(LEASE_PARTIES, { message: 'Partie inconnue.' }),
});
export const ZSlidingEvaluationInput = z.object({
  /** The evaluation's version read; absent for the party's first evaluation of the round. */
  rowVersion: ZRowVersion.nullable().default(null),
  evaluatedOn: ZIsoDate,
  ratings: ZSlidingRatings,
  comment: optionalText(4000),
});

export const ZSlidingRequest = z.object({
  party: z.enum(LEASE_PARTIES, { message: 'Partie inconnue.' }),
  on: ZIsoDate,
  note: optionalText(2000),
});

export const ZSlidingDecision = z.object({
  rowVersion: ZRowVersion,
  decision: z.enum(SLIDING_DECISIONS, { message: 'Décision attendue.' }),
  /** Slide: the sublease's last day (the direct lease starts the next); end: its last day; renew: the day of the renewal. */
  on: ZIsoDate,
  slidingReviewOn: ZIsoDate.nullable().default(null),
  objectives: optionalText(4000),
  note: optionalText(2000),
});

export const ZContractListQuery = ZPaging.extend({
  status: z.enum(OCCUPANCY_STATUSES, { message: 'Statut inconnu.' }).optional(),
});

const ZNamedRef = z.object({ id: z.string(), name: z.string() });

export const ZContractSummary = z.object({
  id: z.string(),
  kind: z.enum(OCCUPANCY_KINDS),
  status: z.enum(OCCUPANCY_STATUSES),
  dwelling: z.object({ id: z.string(), address: z.string() }),
  household: ZNamedRef.nullable(),
  occupantName: z.string().nullable(),
  lessorName: z.string().nullable(),
  intermediaryName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  slidingReviewOn: z.string().nullable(),
});
export type TContractSummary = z.infer<typeof ZContractSummary>;
export const ZContractList = z.object({ items: z.array(ZContractSummary) });
export const ZContractPage = zPage(ZContractSummary);

export const ZContractEvent = z.object({
  id: z.string(),
  event: z.enum(CONTRACT_EVENTS),
  occurredOn: z.string(),
  note: z.string().nullable(),
  party: z.enum(LEASE_PARTIES).nullable(),
  recordedByName: z.string().nullable(),
});

const ZRating = z.object({ rating: z.enum(SLIDING_RATINGS), comment: z.string().nullable() });
export const ZSlidingEvaluation = z.object({
  id: z.string(),
  party: z.enum(LEASE_PARTIES),
  reviewOn: z.string(),
  evaluatedOn: z.string(),
  ratings: z.object(
    Object.fromEntries(SLIDING_CRITERIA.map((c) => [c, ZRating])) as Record<
      (typeof SLIDING_CRITERIA)[number],
      typeof ZRating
    >,
  ),
  comment: z.string().nullable(),
  recordedByName: z.string().nullable(),
  rowVersion: z.number().int(),
});

export const ZContractDocument = z.object({
  id: z.string(),
  label: z.string(),
  fileName: z.string(),
  householdDocumentId: z.string(),
  attachedOn: z.string(),
});

export const ZContract = ZContractSummary.extend({
  lessorKind: z.enum(LESSOR_KINDS),
  lessorOrganisationId: z.string().nullable(),
  intermediaryOrganisationId: z.string().nullable(),
  tenantReference: z.string().nullable(),
  signedOn: z.string().nullable(),
  endOutcome: z.enum(END_OUTCOMES).nullable(),
  endReason: z.string().nullable(),
  endedByParty: z.enum(LEASE_PARTIES).nullable(),
  objectives: z.string().nullable(),
  previousContractId: z.string().nullable(),
  nextContractId: z.string().nullable(),
  rowVersion: z.number().int(),
  events: z.array(ZContractEvent),
  documents: z.array(ZContractDocument),
  /** The evaluations of the current review round (sliding kinds). */
  evaluations: z.array(ZSlidingEvaluation),
  /** What the reader may do: manage (activate, events, renew, end, decide) and evaluate for which parties. */
  canManage: z.boolean(),
  evaluatesFor: z.array(z.enum(LEASE_PARTIES)),
  /** Whether the reader may attach the contract to a household's file (it has none), or detach it. */
  canLinkHousehold: z.boolean(),
  canUnlinkHousehold: z.boolean(),
});
export type TContract = z.infer<typeof ZContract>;
