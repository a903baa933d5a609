import { z } from 'zod';
import { ZId } from './common.ts';

/**
 * Monthly points (points mensuels) of the running measures: the month's journal summed up, the
 * short written report of the point held with the household, validated by the caseworker.
 */

export const MONTHLY_POINT_STATUSES = ['draft', 'validated'] as const;
export type MonthlyPointStatus = (typeof MONTHLY_POINT_STATUSES)[number];
export const MONTHLY_POINT_STATUS_LABELS: Record<MonthlyPointStatus, string> = {
  draft: 'Brouillon',
  validated: 'Validé',
};

const ZRowVersion = z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647);
export const ZMonth = z
  .string({ message: 'Mois attendu.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois invalide (attendu : année et mois).' });
const ZReport = z
  .string({ message: 'Texte attendu.' })
  .trim()
  .max(4000, { message: '4000 caractères au plus.' })
  .default('');

export const ZMonthlyPointParams = z.object({ id: ZId, pointId: ZId });

/** A point prepared for a month: its draft, from the month's journal, with a first report if written. */
export const ZMonthlyPointCreate = z.object({ month: ZMonth, report: ZReport });
export const ZMonthlyPointUpdate = z.object({ report: ZReport, rowVersion: ZRowVersion });
export const ZMonthlyPointAct = z.object({ rowVersion: ZRowVersion });

export const ZMonthFigures = z.object({
  activities: z.number(),
  minutes: z.number(),
  contacts: z.number(),
  homeVisits: z.number(),
  byBrique: z.array(
    z.object({ code: z.string(), label: z.string(), activities: z.number(), minutes: z.number() }),
  ),
  objectives: z.array(z.object({ title: z.string(), activities: z.number() })),
});
export type TMonthFigures = z.infer<typeof ZMonthFigures>;

export const ZMonthlyPoint = z.object({
  id: ZId,
  measureId: ZId,
  month: z.string(),
  version: z.number(),
  status: z.enum(MONTHLY_POINT_STATUSES),
  report: z.string(),
  /** The journal's figures: frozen at validation, refreshed at each save of a draft. */
  figures: ZMonthFigures,
  preparedByName: z.string().nullable(),
  validatedByName: z.string().nullable(),
  validatedAt: z.string().nullable(),
  updatedAt: z.string(),
  rowVersion: z.number(),
});
export type TMonthlyPoint = z.infer<typeof ZMonthlyPoint>;

/** A month a measure owes a point: its point (the latest version) if any, and the journal's figures now. */
export const ZMonthlyPointMonth = z.object({
  month: z.string(),
  point: ZMonthlyPoint.nullable(),
  /** A validated point earlier replaced by a correction still in draft. */
  validatedVersion: z.number().nullable(),
  journal: ZMonthFigures,
});

export const ZMonthlyPoints = z.object({
  measures: z.array(
    z.object({
      measureId: ZId,
      name: z.string(),
      active: z.boolean(),
      /** Newest month first. */
      months: z.array(ZMonthlyPointMonth),
    }),
  ),
});
export type TMonthlyPoints = z.infer<typeof ZMonthlyPoints>;
