import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';
import { MEASURE_END_REASONS, MEASURE_ORIENTATIONS, OCCUPANCY_OPTIONS, refineNextStep } from './measures.ts';

/**
 * Committees where partners decide together (seeds' committees table): the comité d'orientation et
 * de suivi, the cellule de coordination, the CCAPEX, pre-CAL commissions. A meeting's agenda is
 * built from what waits; each item gets one decision.
 */
export const COMMITTEE_KINDS = [
  'orientation_follow_up',
  'coordination_cell',
  'ccapex',
  'pre_cal',
  'designation',
] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  orientation_follow_up: 'Comité d’orientation et de suivi',
  coordination_cell: 'Cellule de coordination',
  ccapex: 'CCAPEX',
  pre_cal: 'Commission pré-CAL',
  designation: 'Réunion de désignation (logements vacants)',
};

export const CADENCES = ['monthly', 'six_weeks', 'quarterly', 'twice_yearly', 'on_demand'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  monthly: 'Tous les mois',
  six_weeks: 'Toutes les six semaines',
  quarterly: 'Tous les trimestres',
  twice_yearly: 'Deux fois par an',
  on_demand: 'À la demande',
};

export const ITEM_KINDS = ['referral', 'diagnostic', 'measure_review', 'measure_closing', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  referral: 'Saisine à présenter',
  diagnostic: 'Diagnostic approuvé à présenter',
  measure_review: 'Mesure à renouveler ou à revoir',
  measure_closing: 'Mesure proposée à la clôture',
  other: 'Autre situation',
};

export const HOUSEHOLD_PRESENCE = ['not_informed', 'informed', 'attended', 'declined'] as const;
export type HouseholdPresence = (typeof HOUSEHOLD_PRESENCE)[number];
export const HOUSEHOLD_PRESENCE_LABELS: Record<HouseholdPresence, string> = {
  not_informed: 'Ménage pas encore informé',
  informed: 'Ménage informé',
  attended: 'Ménage présent',
  declined: 'Ménage informé, absent',
};

export const DECISION_OUTCOMES = ['orientation', 'deferral', 'decline', 'renewal', 'closure'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  orientation: 'Orientation',
  deferral: 'Ajournement',
  decline: 'Refus',
  renewal: 'Renouvellement',
  closure: 'Clôture',
};

const text = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `${max} caractères au plus.` });

export const ZCommitteeCreate = z.object({
  name: text(160, 'Nom du comité obligatoire.'),
  kind: z.enum(COMMITTEE_KINDS, { message: 'Choisissez le type de comité.' }),
  cadence: z.enum(CADENCES, { message: 'Choisissez la fréquence des réunions.' }),
  /** Default: the convening organisation's département. */
  territoryId: ZId.nullish(),
  memberOrganisationIds: z.array(ZId).max(60).default([]),
});
export type TCommitteeCreate = z.input<typeof ZCommitteeCreate>;

export const ZCommitteePerson = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  fullName: z.string(),
  function: z.string().nullable(),
  /** Whether the person has a Relais account (then receives the invitations in the app). */
  hasAccount: z.boolean(),
  /** Whether it is the reader (who may withdraw themself). */
  isReader: z.boolean(),
});
export type TCommitteePerson = z.infer<typeof ZCommitteePerson>;

/** A member organisation to add. */
const ZChosenOrganisation = z.guid({ message: 'Choisissez une organisation.' });
export const ZCommitteeMemberInput = z.object({ organisationId: ZChosenOrganisation });
export const ZCommitteeMemberParams = z.object({ committeeId: ZId, organisationId: ZId });

/** A person who sits for an organisation: one of its users, or a person named with a function. */
export const ZCommitteePersonInput = z
  .object({
    organisationId: ZChosenOrganisation,
    userId: ZId.nullish(),
    fullName: z.string().trim().max(160, { message: '160 caractères au plus.' }).nullish(),
    function: z.string().trim().max(160, { message: '160 caractères au plus.' }).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && !v.fullName)
      ctx.addIssue({
        code: 'custom',
        path: ['fullName'],
        message: 'Choisissez un utilisateur de l’organisation ou indiquez le nom de la personne.',
      });
  });
export type TCommitteePersonInput = z.input<typeof ZCommitteePersonInput>;
export const ZCommitteePersonParams = z.object({ committeeId: ZId, personId: ZId });

export const ZCommitteeSummary = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(COMMITTEE_KINDS),
  cadence: z.enum(CADENCES),
  conveningOrganisationId: ZId,
  conveningOrganisationName: z.string(),
  territoryName: z.string().nullable(),
  members: z.array(z.object({ organisationId: ZId, name: z.string() })),
  /** Who sits on it, for the convening organisation or a member one. */
  people: z.array(ZCommitteePerson),
  /** Whether the reader's organisation convenes it (its coordinators prepare meetings and record decisions). */
  convenes: z.boolean(),
  meetings: z.array(
    z.object({
      id: ZId,
      startsAt: z.iso.datetime(),
      location: z.string().nullable(),
      items: z.number().int(),
    }),
  ),
});
export type TCommitteeSummary = z.infer<typeof ZCommitteeSummary>;
export const ZCommitteeList = z.object({ items: z.array(ZCommitteeSummary) });
export const ZCommitteeParams = z.object({ committeeId: ZId });

export const ZMeetingCreate = z.object({
  startsAt: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  durationMinutes: z.number().int().min(15).max(600).default(120),
  location: z.string().trim().max(300).nullish(),
});
export type TMeetingCreate = z.input<typeof ZMeetingCreate>;
export const ZMeetingParams = z.object({ meetingId: ZId });
export const ZItemParams = z.object({ meetingId: ZId, itemId: ZId });

export const ZDecision = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: z.string(),
  summary: z.string(),
  reason: z.string().nullable(),
  /** The measure the decision created or acted on, when the reader may open the file. */
  measureId: ZId.nullable(),
});

export const ZMeetingItem = z.object({
  id: ZId,
  kind: z.enum(ITEM_KINDS),
  /** The file's number: every member may know which file is discussed, not what is in it. */
  fileLabel: z.string(),
  title: z.string(),
  /** Set when the reader's organisation is a current party to the household (it may open the file). */
  householdId: ZId.nullable(),
  /** The diagnostic's committee version, when it was shared with the reader's organisation. */
  committeeDiagnosticId: ZId.nullable(),
  /** The measure under review or proposed, with its scheme (no personal data). */
  measure: z
    .object({
      id: ZId,
      schemeId: ZId,
      schemeName: z.string(),
      operatorOrganisationId: ZId,
      /** In words (« Proposée »…), and whether an orientation would prescribe it as it stands. */
      status: z.string(),
      proposed: z.boolean(),
      plannedEndOn: z.string().nullable(),
    })
    .nullable(),
  addedByOrganisationName: z.string(),
  /** Whether the reader may record the household's information and presence (coordinators, the adder). */
  canSetPresence: z.boolean(),
  householdPresence: z.enum(HOUSEHOLD_PRESENCE),
  decision: ZDecision.nullable(),
});
export type TMeetingItem = z.infer<typeof ZMeetingItem>;

/** Something waiting that the coordinator may put on the agenda. */
export const ZAgendaSuggestion = z.object({
  kind: z.enum(ITEM_KINDS),
  householdId: ZId,
  fileLabel: z.string(),
  title: z.string(),
  referenceId: ZId,
});
export type TAgendaSuggestion = z.infer<typeof ZAgendaSuggestion>;

export const ZMeeting = z.object({
  id: ZId,
  committeeId: ZId,
  committeeName: z.string(),
  committeeKind: z.enum(COMMITTEE_KINDS),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  convenes: z.boolean(),
  /** Who sits on the committee. */
  people: z.array(ZCommitteePerson),
  items: z.array(ZMeetingItem),
  /** For the convening coordinators: referrals, approved diagnostics and measures waiting. */
  suggestions: z.array(ZAgendaSuggestion),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZItemCreate = z.object({
  kind: z.enum(ITEM_KINDS, { message: 'Choisissez le type de point.' }),
  householdId: ZId,
  /** The referral, diagnostic or measure the item presents. */
  referenceId: ZId.nullish(),
  title: text(300, 'Intitulé du point obligatoire.'),
});
export type TItemCreate = z.input<typeof ZItemCreate>;

export const ZHouseholdPresenceInput = z.object({ presence: z.enum(HOUSEHOLD_PRESENCE) });

const months = z.number().int().min(1).max(60);
export const ZDecisionInput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('orientation'),
    decidedOn: ZIsoDate,
    /** Not needed when the item presents a proposed measure: the orientation prescribes that one. */
    schemeId: ZId.nullish(),
    operatorOrganisationId: ZId.nullish(),
    briques: z.array(z.string().trim().min(1).max(10)).max(30).default([]),
    visitsPerMonth: z.number().int().min(0).max(31).nullish(),
    occupancy: z.enum(OCCUPANCY_OPTIONS, { message: 'Choisissez un statut d’occupation.' }).nullish(),
    initialMonths: months.nullish(),
    note: z.string().trim().max(2000).nullish(),
  }),
  z.object({
    outcome: z.literal('deferral'),
    decidedOn: ZIsoDate,
    reason: text(2000, 'Indiquez pourquoi le point est ajourné.'),
  }),
  z.object({
    outcome: z.literal('decline'),
    decidedOn: ZIsoDate,
    reason: text(2000, 'Indiquez le motif du refus.'),
  }),
  z.object({
    outcome: z.literal('renewal'),
    decidedOn: ZIsoDate,
    months: months.nullish(),
    reason: text(2000, 'Résumez l’évaluation qui justifie le renouvellement.'),
  }),
  z
    .object({
      outcome: z.literal('closure'),
      decidedOn: ZIsoDate,
      endReason: z.enum(MEASURE_END_REASONS, { message: 'Choisissez le motif de fin.' }),
      orientation: z.enum(MEASURE_ORIENTATIONS, {
        message: 'Indiquez la suite pour le ménage : une mesure ne se clôt pas sans orientation.',
      }),
      watchMonths: months.nullish(),
      relayOrganisationId: ZId.nullish(),
      reason: z.string().trim().max(2000).nullish(),
    })
    .superRefine(refineNextStep),
]);
export type TDecisionInput = z.input<typeof ZDecisionInput>;
