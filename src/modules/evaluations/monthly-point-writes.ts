import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import { canReadMonthlyPoints, canWriteMonthlyPoint } from '../../shared/access/monthly-point-policy.ts';
import type { TMonthlyPoint } from '../../shared/contracts/evaluations.ts';
import { monthBounds, monthFigures, type MonthFigures } from '../../shared/evaluations/monthly-point.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { measureActivities } from '../journal/index.ts';
import type { MeasureRecord } from '../measures/index.ts';
import { audit } from '../../kernel/audit.ts';
import {
  findPoint,
  insertPoint,
  updateDraft,
  type MonthlyPointRecord,
  type MonthlyPointValues,
} from './monthly-points.repository.ts';
import { presentPoint } from './monthly-point.presenter.ts';
import { operatedMeasure, type FollowUpWriteRule } from './operated-measure.ts';

export const POINT_NOT_FOUND = 'Point mensuel introuvable.';
const REFUSAL = 'Seuls les travailleurs sociaux qui accompagnent le ménage font ses points mensuels.';

/** The household's social workers read and write its monthly points (403 for another party). */
export async function requireMonthlyPointAccess(ctx: Context, householdId: string): Promise<void> {
  if (!canReadMonthlyPoints(await requireHouseholdAccess(ctx, householdId))) throw forbidden(REFUSAL);
}

/** The rule of a monthly point's writer: the organisation that runs the measure. */
export const monthlyPointWriter = (ctx: Context): FollowUpWriteRule => ({
  canRead: canReadMonthlyPoints,
  canWrite: (level, measure) =>
    canWriteMonthlyPoint({ level, organisationId: ctx.actor.organisationId }, measure),
  readRefusal: REFUSAL,
  writeRefusal: 'Seule l’organisation qui conduit la mesure fait ses points mensuels.',
});

/** The month's journal of a measure summed up. */
export async function journalFigures(ctx: Context, measureId: string, month: string): Promise<MonthFigures> {
  const { from, to } = monthBounds(month);
  return monthFigures(await measureActivities(ctx.db, measureId, from, to));
}

/** The stored form of the figures. */
export const figureValues = (f: MonthFigures) => ({
  activities: f.activities,
  minutes: f.minutes,
  contacts: f.contacts,
  homeVisits: f.homeVisits,
  byBrique: f.byBrique,
  objectives: f.objectives,
});

/** A point of the household with the measure it belongs to (run by the actor's organisation). */
export async function requirePoint(
  ctx: Context,
  householdId: string,
  pointId: string,
): Promise<{ record: MonthlyPointRecord; measure: MeasureRecord }> {
  await requireMonthlyPointAccess(ctx, householdId);
  const record = await findPoint(ctx.db, householdId, pointId);
  if (!record) throw notFound(POINT_NOT_FOUND);
  return {
    record,
    measure: await operatedMeasure(ctx, householdId, record.point.measureId, monthlyPointWriter(ctx)),
  };
}

export async function pointAnswer(
  ctx: Context,
  householdId: string,
  pointId: string,
  measure: MeasureRecord,
): Promise<TMonthlyPoint> {
  const record = await findPoint(ctx.db, householdId, pointId);
  return presentPoint(record!, measure.measure.referentielVersion);
}

export const stalePoint = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Ce point mensuel a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le pour voir ses changements, puis refaites les vôtres.',
  );

export const validatedPoint = () =>
  new AppError(
    'INVALID_STATE',
    'Ce point mensuel est validé : il ne se modifie plus. Pour le rectifier, faites-en une correction (une nouvelle version).',
  );

/** The audited actions on a monthly point. */
type PointAction =
  'monthly_point.prepare' | 'monthly_point.update' | 'monthly_point.validate' | 'monthly_point.correct';

const auditPoint = (
  ctx: Context,
  action: PointAction,
  id: string,
  p: { householdId: string; month: string; version: number },
) =>
  audit(ctx.db, ctx.actor, {
    action,
    entityType: 'monthly_point',
    entityId: id,
    householdId: p.householdId,
    details: { month: p.month, version: p.version },
  });

/**
 * Writes a version of a month's point (the first one, or a correction): a draft holding the
 * month's journal figures now; null when the measure's month already has that version.
 */
export async function insertVersion(
  ctx: Context,
  p: { householdId: string; measureId: string; month: string; version: number; report: string },
  action: 'monthly_point.prepare' | 'monthly_point.correct',
): Promise<string | null> {
  const id = await insertPoint(ctx.db, {
    householdId: p.householdId,
    measureId: p.measureId,
    month: p.month,
    version: p.version,
    report: p.report,
    ...figureValues(await journalFigures(ctx, p.measureId, p.month)),
    organisationId: ctx.actor.organisationId,
    preparedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (id) await auditPoint(ctx, action, id, p);
  return id;
}

/**
 * Changes a draft at the version read (409 when it moved, or once validated), its figures taken
 * again from the month's journal; the change is audited and the point answered.
 */
export async function reviseDraft(
  ctx: Context,
  input: { householdId: string; pointId: string; rowVersion: number },
  revise: (point: MonthlyPointRecord['point']) => Partial<MonthlyPointValues>,
  action: 'monthly_point.update' | 'monthly_point.validate',
): Promise<TMonthlyPoint> {
  const { record, measure } = await requirePoint(ctx, input.householdId, input.pointId);
  const p = record.point;
  if (p.status !== 'draft') throw validatedPoint();
  const values = revise(p);
  const saved = await updateDraft(ctx.db, p.id, input.rowVersion, {
    ...values,
    ...figureValues(await journalFigures(ctx, p.measureId, p.month)),
    updatedAt: ctx.now,
  });
  if (!saved) throw stalePoint();
  await auditPoint(ctx, action, p.id, p);
  return pointAnswer(ctx, input.householdId, p.id, measure);
}
