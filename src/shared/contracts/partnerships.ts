import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, list, requiredText } from './common.ts';
import { OCCUPANCY_KINDS, OCCUPANCY_KIND_LABELS, type DwellingStatus } from './housing-stock.ts';
import { ZBriqueCode } from '../referentiel/referentiel.ts';
import { GLA_TASK_KINDS } from '../partnerships/gla-plan.ts';

/**
 * Partnership conventions between a landlord and an association (fiche-action 10): the dwellings the
 * landlord makes available to the association, under which occupancy type, the management fee it
 * pays (per dwelling-year, or a share of the base rent), the association's support commitments, and
 * the yearly review computed from the data; the adapted rental management (GLA) of some dwellings and
 * its yearly plan.
 */

export const FEE_MODES = ['per_dwelling_year', 'rent_share'] as const;
export type FeeMode = (typeof FEE_MODES)[number];
export const FEE_MODE_LABELS: Record<FeeMode, string> = {
  per_dwelling_year: 'Par logement et par an',
  rent_share: 'Part du loyer hors charges',
};
export { OCCUPANCY_KIND_LABELS };

export const ZConventionFee = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('per_dwelling_year'), perDwellingYearCents: ZCents }),
    z.object({
      mode: z.literal('rent_share'),
      perMille: z
        .number({ message: 'Part attendue.' })
        .int({ message: 'Part en pour mille entière attendue.' })
        .min(0, { message: 'La part ne peut pas être négative.' })
        .max(1000, { message: 'La part ne peut pas dépasser le loyer.' }),
    }),
  ],
  { message: 'Choisissez le mode de la participation aux frais de gestion.' },
);

const ZCommitments = list(requiredText(500, 'Un engagement ne peut pas être vide.'), 30, 'engagements');

export const ZConventionCreate = z
  .object({
    /** The other party: the association when a landlord creates it, the landlord otherwise. */
    partnerOrganisationId: ZId,
    title: requiredText(200, 'Donnez un intitulé à la convention.'),
    startOn: ZIsoDate,
    endOn: ZIsoDate.nullish().transform((v) => v ?? null),
    fee: ZConventionFee,
    commitments: ZCommitments,
    briques: list(ZBriqueCode, 20, 'briques'),
  })
  .refine((v) => v.endOn === null || v.endOn >= v.startOn, {
    path: ['endOn'],
    message: 'La fin ne peut pas précéder le début.',
  });
export type TConventionCreate = z.input<typeof ZConventionCreate>;

export const ZConventionParams = z.object({ conventionId: ZId });

export const ZConventionDwellingCreate = z.object({
  dwellingId: ZId,
  occupancyKind: z.enum(OCCUPANCY_KINDS, { message: 'Type d’occupation inconnu.' }),
  availableFrom: ZIsoDate,
  /** Whether the association manages it under adapted rental management (GLA). */
  gla: z.boolean().default(false),
});
export type TConventionDwellingCreate = z.input<typeof ZConventionDwellingCreate>;

/** Why a dwelling leaves a convention, and the status it goes back to in the landlord's stock. */
export const AVAILABILITY_END_REASONS = ['returned_to_landlord', 'sold', 'works', 'other'] as const;
export type AvailabilityEndReason = (typeof AVAILABILITY_END_REASONS)[number];
export const AVAILABILITY_END_REASON_LABELS: Record<AvailabilityEndReason, string> = {
  returned_to_landlord: 'Rendu au bailleur',
  sold: 'Vendu',
  works: 'Travaux',
  other: 'Autre motif',
};
export const STATUS_AFTER_AVAILABILITY: Record<AvailabilityEndReason, DwellingStatus> = {
  returned_to_landlord: 'vacant',
  sold: 'vacant',
  works: 'works',
  other: 'vacant',
};

export const ZConventionDwelling = z.object({
  id: ZId,
  dwellingId: ZId,
  address: z.string(),
  occupancyKind: z.enum(OCCUPANCY_KINDS),
  availableFrom: ZIsoDate,
  /** The last day it was available (it left the convention), null while it is. */
  availableUntil: ZIsoDate.nullable(),
  endReason: z.enum(AVAILABILITY_END_REASONS).nullable(),
  endNote: z.string().nullable(),
  gla: z.boolean(),
});

export const ZConventionDwellingParams = z.object({ conventionId: ZId, entryId: ZId });

/** A dwelling leaves the convention: its last day available and why. */
export const ZAvailabilityEnd = z.object({
  lastDay: ZIsoDate,
  reason: z.enum(AVAILABILITY_END_REASONS, { message: 'Choisissez le motif.' }),
  note: z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(1000, { message: '1000 caractères au plus.' })
    .nullish()
    .transform((v) => v || null),
});
export type TAvailabilityEnd = z.input<typeof ZAvailabilityEnd>;

/**
 * An amendment (avenant): the terms it changes from its effective day — the fee, the commitments, the
 * convention's dates, the occupancy type of dwellings made available. Terms left out stay as they are.
 */
export const ZAmendmentCreate = z.object({
  effectiveOn: ZIsoDate,
  fee: ZConventionFee.optional(),
  /** The whole list of commitments once amended (left out: unchanged). */
  commitments: z
    .array(requiredText(500, 'Un engagement ne peut pas être vide.'), { message: 'Liste attendue.' })
    .max(30, { message: '30 engagements au plus.' })
    .optional(),
  startOn: ZIsoDate.optional(),
  endOn: ZIsoDate.nullable().optional(),
  dwellings: z
    .array(
      z.object({
        entryId: ZId,
        occupancyKind: z.enum(OCCUPANCY_KINDS, { message: 'Type d’occupation inconnu.' }),
      }),
      { message: 'Liste attendue.' },
    )
    .max(500, { message: '500 logements au plus.' })
    .optional(),
});
export type TAmendmentCreate = z.input<typeof ZAmendmentCreate>;

const change = <T extends z.ZodType>(t: T) => z.object({ before: t, after: t });
/** What an amendment changed, each term before and after (stored with it). */
export const ZAmendmentChanges = z.object({
  fee: change(ZConventionFee).optional(),
  commitments: change(z.array(z.string())).optional(),
  startOn: change(ZIsoDate).optional(),
  endOn: change(ZIsoDate.nullable()).optional(),
  dwellings: z
    .array(z.object({ entryId: ZId, address: z.string(), ...change(z.enum(OCCUPANCY_KINDS)).shape }))
    .optional(),
});
export type TAmendmentChanges = z.infer<typeof ZAmendmentChanges>;

export const ZAmendment = z.object({
  id: ZId,
  /** Avenant n° 1, 2…, in the order they were agreed. */
  number: z.number().int(),
  effectiveOn: ZIsoDate,
  /** What it changed, in French, one line per term. */
  changes: z.array(z.string()),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

export const ZConventionSummary = z.object({
  id: ZId,
  title: z.string(),
  landlordOrganisationId: ZId,
  landlordName: z.string(),
  associationOrganisationId: ZId,
  associationName: z.string(),
  startOn: ZIsoDate,
  endOn: ZIsoDate.nullable(),
  dwellingCount: z.number().int(),
});

export const ZConventionList = z.object({
  items: z.array(ZConventionSummary),
  /** Which side the reader's organisation may create a convention from (null: none). */
  canCreateAs: z.enum(['landlord', 'association']).nullable(),
});

export const ZConvention = ZConventionSummary.extend({
  fee: ZConventionFee,
  commitments: z.array(z.string()),
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
  dwellings: z.array(ZConventionDwelling),
  /** The landlord's own dwellings it may still make available (for its staff only). */
  candidateDwellings: z.array(z.object({ id: ZId, label: z.string() })),
  canManageDwellings: z.boolean(),
  /** Its amendments, latest first. */
  amendments: z.array(ZAmendment),
  /** Whether the reader may amend it and end a dwelling's availability (either side's staff). */
  canAmend: z.boolean(),
});
export type TConvention = z.infer<typeof ZConvention>;

export const ZReviewQuery = z.object({
  year: z.coerce
    .number({ message: 'Année attendue.' })
    .int({ message: 'Année attendue.' })
    .min(2000, { message: 'Année invraisemblable.' })
    .max(2100, { message: 'Année invraisemblable.' }),
});

export const ZGlaTask = z.object({
  kind: z.enum(GLA_TASK_KINDS),
  label: z.string(),
  dueOn: ZIsoDate,
  /** The day it was done in « Mes tâches », once the plan is written as tasks. */
  doneOn: ZIsoDate.nullable(),
});

export const ZConventionReview = z.object({
  conventionId: ZId,
  title: z.string(),
  landlordName: z.string(),
  associationName: z.string(),
  year: z.number().int(),
  dwellings: z.array(
    z.object({
      address: z.string(),
      /** The occupancy type at the end of its part of the year, and its types over the year in words. */
      occupancyKind: z.enum(OCCUPANCY_KINDS),
      occupancyText: z.string(),
      /** The day it left the convention, and why, when that is within the year. */
      endedOn: ZIsoDate.nullable(),
      endReason: z.enum(AVAILABILITY_END_REASONS).nullable(),
      availableDays: z.number().int(),
      occupiedDays: z.number().int(),
      vacantDays: z.number().int(),
      baseRentCents: z.number().int(),
      feeCents: z.number().int(),
      gla: z
        .object({
          costCents: z.number().int(),
          perDwellingYearCents: z.number().int(),
          schemeSource: z.string(),
          tasks: z.array(ZGlaTask),
          /** The monthly contacts planned for the year and those done (noted in « Mes tâches »). */
          contactsPlanned: z.number().int(),
          contactsDone: z.number().int(),
          /** The plan's tasks done, all kinds. */
          tasksDone: z.number().int(),
        })
        .nullable(),
    }),
  ),
  totals: z.object({
    dwellings: z.number().int(),
    availableDays: z.number().int(),
    occupiedDays: z.number().int(),
    vacantDays: z.number().int(),
    feeCents: z.number().int(),
    glaCostCents: z.number().int(),
  }),
  feeText: z.string(),
  /** The amendments that took effect during the year, in words. */
  amendments: z.array(z.string()),
  commitments: z.array(z.string()),
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type TConventionReview = z.infer<typeof ZConventionReview>;

export const ZGlaPlanInput = z.object({ year: ZReviewQuery.shape.year });
export const ZGlaPlan = z.object({
  /** How many tasks this run added (those already planned are kept). */
  added: z.number().int(),
  tasks: z.array(
    z.object({
      id: ZId,
      address: z.string(),
      kind: z.enum(GLA_TASK_KINDS),
      dueOn: ZIsoDate,
      doneOn: ZIsoDate.nullable(),
      /** Who sees it in « Mes tâches »: the worker, or every social worker of the association. */
      ownerName: z.string(),
    }),
  ),
});
export type TGlaPlan = z.infer<typeof ZGlaPlan>;
