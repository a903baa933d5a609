import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';
import { TYPOLOGIES } from './household-enums.ts';
import { ZCandidateExplanation } from './matching.ts';

/**
 * Designation and outcome (issue 12 points 4–5; allocation-rules.md §4.4–4.7): a designation meeting
 * puts up to three households forward on a vacancy, in order; each is asked and answers within at
 * least ten days (silence is a refusal, CCH R441-10); the landlord records the commission's decision
 * (CCH R441-3). Every refusal — by the household, the landlord or the commission — carries a reason
 * from one closed list, which the cool-off rule and the fairness view read.
 */

/** The household's answer to the offer (R441-10: no answer by the deadline is a refusal). */
export const PROPOSAL_ANSWERS = ['accepted', 'refused', 'silence'] as const;
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];
export const PROPOSAL_ANSWER_LABELS: Record<ProposalAnswer, string> = {
  accepted: 'Accepte la proposition',
  refused: 'Refuse la proposition',
  silence: 'Sans réponse dans le délai (vaut refus)',
};

/**
 * What the landlord records: the five decisions of the commission (R441-3, §4.4) and the landlord's
 * own refusal when instructing the file, before the commission.
 */
export const COMMISSION_DECISIONS = [
  'allocation',
  'allocation_by_rank',
  'conditional',
  'non_allocation',
  'rejection',
  'landlord_refusal',
] as const;
export type CommissionDecision = (typeof COMMISSION_DECISIONS)[number];
export const COMMISSION_DECISION_LABELS: Record<CommissionDecision, string> = {
  allocation: 'Attribution',
  allocation_by_rank: 'Attribution par classement',
  conditional: 'Attribution sous condition suspensive',
  non_allocation: 'Non-attribution',
  rejection: 'Rejet pour irrecevabilité',
  landlord_refusal: 'Refus du bailleur à l’instruction du dossier',
};

/** The decisions that give the dwelling to the household (possibly after a rank or a condition). */
export const ALLOCATING_DECISIONS: readonly CommissionDecision[] = [
  'allocation',
  'allocation_by_rank',
  'conditional',
];

/** The dwelling a commission gave a household, which it did not refuse: it is proposed nowhere else. */
export const ZGivenDwelling = z.object({
  on: ZIsoDate.nullable(),
  typology: z.enum(TYPOLOGIES).nullable(),
  decision: z.enum(COMMISSION_DECISIONS),
});
export type TGivenDwelling = z.infer<typeof ZGivenDwelling>;

/** Who refused: the household (or its silence), the landlord, the commission. */
export const REFUSAL_PARTIES = ['household', 'landlord', 'commission'] as const;
export type RefusalParty = (typeof REFUSAL_PARTIES)[number];
export const REFUSAL_PARTY_LABELS: Record<RefusalParty, string> = {
  household: 'Le ménage',
  landlord: 'Le bailleur',
  commission: 'La commission d’attribution',
};

/** One closed list of refusal reasons (§4.7), whoever refuses. */
export const REFUSAL_REASONS = [
  'size',
  'location',
  'cost',
  'accessibility',
  'dwelling_condition',
  'schooling_work',
  'safety',
  'health',
  'resources_over_ceiling',
  'incomplete_file',
  'household_not_ready',
  'other_candidate_preferred',
  'no_answer',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  size: 'Taille ou typologie du logement',
  location: 'Localisation (quartier, commune, éloignement)',
  cost: 'Loyer et charges trop élevés',
  accessibility: 'Accessibilité (étage, ascenseur, adaptation)',
  dwelling_condition: 'État du logement',
  schooling_work: 'Éloignement de l’école, du travail ou des soins',
  safety: 'Sécurité (violences, voisinage)',
  health: 'Raison de santé',
  resources_over_ceiling: 'Ressources au-dessus du plafond',
  incomplete_file: 'Dossier incomplet',
  household_not_ready: 'Ménage pas encore prêt à entrer dans un logement',
  other_candidate_preferred: 'Candidat mieux classé retenu',
  no_answer: 'Pas de réponse dans le délai',
  other: 'Autre motif',
};

/** The occupancy proposed with the dwelling (the CAL file states it). */
export const PROPOSED_OCCUPANCIES = ['direct_lease', 'bail_glissant', 'sublease'] as const;
export type ProposedOccupancy = (typeof PROPOSED_OCCUPANCIES)[number];
export const PROPOSED_OCCUPANCY_LABELS: Record<ProposedOccupancy, string> = {
  direct_lease: 'Bail direct',
  bail_glissant: 'Bail glissant (sous-location par l’association, puis glissement)',
  sublease: 'Sous-location (intermédiation locative)',
};

export const ZRefusalReason = z.enum(REFUSAL_REASONS, { message: 'Motif inconnu.' });

/** One household put forward, in order: its place in the list is its rank. */
export const ZDesignationCandidate = z.object({
  householdId: ZId,
  occupancy: z.enum(PROPOSED_OCCUPANCIES, { message: 'Mode d’occupation inconnu.' }),
});

const note = z.string().trim().max(2000, { message: '2000 caractères au plus.' }).nullable().default(null);

export const ZDesignationCreate = z.object({
  /** The designation meeting (a committee of kind « désignation » of the designating organisation), if any. */
  meetingId: ZId.nullable().default(null),
  designatedOn: ZIsoDate,
  candidates: z
    .array(ZDesignationCandidate, { message: 'Liste attendue.' })
    .min(1, { message: 'Désignez au moins un ménage.' })
    .max(3, { message: 'Trois ménages au plus sont désignés pour un logement.' }),
  notifiedOn: ZIsoDate,
  /** Null: the legal deadline (ten days counted as the CPC counts, R441-10). */
  answerDue: ZIsoDate.nullable().default(null),
  /** Why fewer than three households are put forward (R441-3). */
  fewerReason: z.string().trim().max(1000, { message: '1000 caractères au plus.' }).nullable().default(null),
});
export type TDesignationCreate = z.input<typeof ZDesignationCreate>;

export const ZProposalAnswerCreate = z.object({
  answer: z.enum(['accepted', 'refused'], { message: 'Réponse attendue : accepte ou refuse.' }),
  reason: ZRefusalReason.nullable().default(null),
  note,
  answeredOn: ZIsoDate,
});
export type TProposalAnswerCreate = z.input<typeof ZProposalAnswerCreate>;

export const ZDecisionCreate = z.object({
  decision: z.enum(COMMISSION_DECISIONS, { message: 'Décision inconnue.' }),
  decisionRank: z
    .number({ message: 'Rang attendu.' })
    .int({ message: 'Rang entier attendu.' })
    .min(1, { message: 'Le rang commence à 1.' })
    .max(99, { message: 'Rang invraisemblable.' })
    .nullable()
    .default(null),
  condition: z.string().trim().max(1000, { message: '1000 caractères au plus.' }).nullable().default(null),
  conditionDue: ZIsoDate.nullable().default(null),
  reason: ZRefusalReason.nullable().default(null),
  note,
  decidedOn: ZIsoDate,
});
export type TDecisionCreate = z.input<typeof ZDecisionCreate>;

export const ZProposalParams = z.object({ proposalId: ZId });
export const ZHouseholdProposalsParams = z.object({ householdId: ZId });

/** A proposal as its readers see it: the landlord of the vacancy, the social workers of the household's parties. */
export const ZProposal = z.object({
  id: z.string(),
  vacancyId: z.string(),
  householdId: z.string(),
  /** The reference person's name, as the CAL file names the household. */
  name: z.string(),
  rank: z.number().int(),
  occupancy: z.enum(PROPOSED_OCCUPANCIES),
  poolOrganisationName: z.string(),
  designatedOn: z.string(),
  notifiedOn: z.string(),
  answerDue: z.string(),
  answer: z.enum(PROPOSAL_ANSWERS).nullable(),
  answerReason: z.enum(REFUSAL_REASONS).nullable(),
  answerNote: z.string().nullable(),
  answeredOn: z.string().nullable(),
  decision: z.enum(COMMISSION_DECISIONS).nullable(),
  decisionRank: z.number().int().nullable(),
  condition: z.string().nullable(),
  conditionDue: z.string().nullable(),
  decisionReason: z.enum(REFUSAL_REASONS).nullable(),
  decisionNote: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** Where it stands, in words. */
  state: z.string(),
  /** Why the household was a candidate, as ranked when designated (its parties' social workers only). */
  explanation: ZCandidateExplanation.nullable(),
  canAnswer: z.boolean(),
  canDecide: z.boolean(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZVacancyProposals = z.object({ items: z.array(ZProposal) });
export type TVacancyProposals = z.infer<typeof ZVacancyProposals>;

export const ZDesignation = z.object({
  id: z.string(),
  vacancyId: z.string(),
  meetingId: z.string().nullable(),
  designatedOn: z.string(),
  policyVersion: z.number().int(),
  fewerReason: z.string().nullable(),
  proposals: z.array(ZProposal),
});
export type TDesignation = z.infer<typeof ZDesignation>;

/** A household's proposals history: each dwelling it was put forward on, and what came of it. */
export const ZHouseholdProposal = ZProposal.extend({
  dwelling: z.object({
    address: z.string(),
    commune: z.string().nullable(),
    typology: z.enum(TYPOLOGIES).nullable(),
  }),
  landlordName: z.string(),
  /** Who refused, why and when (the household, the landlord or the commission), in words. */
  refusal: z.string().nullable(),
});
export const ZHouseholdProposals = z.object({ items: z.array(ZHouseholdProposal) });
export type THouseholdProposals = z.infer<typeof ZHouseholdProposals>;
