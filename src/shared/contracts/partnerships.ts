import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, list, requiredText } from './common.ts';
import { OCCUPANCY_KINDS, OCCUPANCY_KIND_LABELS } from './housing-stock.ts';
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

export const ZConventionCreate = z
  .object({
    /** The other party: the association when a landlord creates it, the landlord otherwise. */
    partnerOrganisationId: ZId,
    title: requiredText(200, 'Donnez un intitulé à la convention.'),
    startOn: ZIsoDate,
    endOn: ZIsoDate.nullish().transform((v) => v ?? null),
    fee: ZConventionFee,
    commitments: list(requiredText(500, 'Un engagement ne peut pas être vide.'), 30, 'engagements'),
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

export const ZConventionDwelling = z.object({
  id: ZId,
  dwellingId: ZId,
  address: z.string(),
  occupancyKind: z.enum(OCCUPANCY_KINDS),
  availableFrom: ZIsoDate,
  availableUntil: ZIsoDate.nullable(),
  gla: z.boolean(),
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
});
export type TConvention = z.infer<typeof ZConvention>;

export const ZReviewQuery = z.object({
  year: z.coerce
    .number({ message: 'Année attendue.' })
    .int({ message: 'Année attendue.' })
    .min(2000, { message: 'Année invraisemblable.' })
    .max(2100, { message: 'Année invraisemblable.' }),
});

export const ZGlaTask = z.object({ kind: z.enum(GLA_TASK_KINDS), label: z.string(), dueOn: ZIsoDate });

export const ZConventionReview = z.object({
  conventionId: ZId,
  title: z.string(),
  landlordName: z.string(),
  associationName: z.string(),
  year: z.number().int(),
  dwellings: z.array(
    z.object({
      address: z.string(),
      occupancyKind: z.enum(OCCUPANCY_KINDS),
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
    }),
  ),
});
export type TGlaPlan = z.infer<typeof ZGlaPlan>;

export const ZGlaTaskParams = z.object({ conventionId: ZId, taskId: ZId });
export const ZGlaTaskDone = z.object({ doneOn: ZIsoDate });
export const ZGlaTaskDoneAnswer = ZGlaPlan.shape.tasks.element;
