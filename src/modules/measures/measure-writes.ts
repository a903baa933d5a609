import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../kernel/errors.ts';
import { canRunMeasure, measureFieldsFor } from '../../shared/access/measure-policy.ts';
import {
  MEASURE_STATUS_LABELS,
  SCHEME_RULE_LABELS,
  type MeasureEventKind,
  type MeasureStatus,
  type TMeasure,
} from '../../shared/contracts/measures.ts';
import type { SchemeRuleBreak } from '../../shared/measures/scheme-rules.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import {
  eventsOf,
  findMeasure,
  insertEvent,
  updateMeasure,
  type MeasureRecord,
} from './measures.repository.ts';
import { presentMeasure } from './measure.presenter.ts';
import type { measures } from './schema.ts';

/** A broken scheme rule, refused with the rule's name and the field it concerns. */
export const ruleRefusal = (field: string | null, broken: SchemeRuleBreak) =>
  invalid(
    field ? { [field]: broken.message } : {},
    `Règle du dispositif « ${SCHEME_RULE_LABELS[broken.rule]} » : ${broken.message}`,
  );

/**
 * The measure an operator's social worker acts on, after the household and operator checks; or,
 * `byDecision`, the one a committee decided on (the committees module checked its authority).
 */
export async function measureToRun(
  ctx: Context,
  householdId: string,
  measureId: string,
  by: 'operator' | 'decision' = 'operator',
) {
  if (by === 'operator') await requireHouseholdAccess(ctx, householdId);
  const record = await findMeasure(ctx.db, householdId, measureId);
  if (!record) throw notFound('Mesure introuvable.');
  if (by === 'operator' && !canRunMeasure(ctx.actor, record.measure))
    throw forbidden('Seuls les travailleurs sociaux de l’organisation qui porte la mesure la font avancer.');
  return record;
}

export interface Move {
  rowVersion: number;
  /** The statuses the action starts from. */
  from: readonly MeasureStatus[];
  values: Partial<typeof measures.$inferInsert>;
  event: MeasureEventKind;
  detail?: string | null;
  action: string;
  details?: Record<string, unknown>;
}

/**
 * Moves a measure on at the version its writer read, with its timeline event and audit entry in
 * the same transaction: 409 when someone else moved it first, or when it is no longer in a status
 * the action starts from.
 */
export async function moveMeasure(ctx: Context, record: MeasureRecord, move: Move): Promise<void> {
  const { db, actor, now } = ctx;
  const m = record.measure;
  if (!move.from.includes(m.status))
    throw new AppError(
      'INVALID_STATE',
      `Impossible : la mesure est au statut « ${MEASURE_STATUS_LABELS[m.status]} ».`,
    );
  const moved = await updateMeasure(
    db,
    { id: m.id, rowVersion: move.rowVersion, from: move.from, at: now },
    move.values,
  );
  if (!moved) throw versionConflict();
  await insertEvent(db, {
    measureId: m.id,
    kind: move.event,
    detail: move.detail ?? null,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await audit(db, actor, {
    action: move.action,
    entityType: 'measure',
    entityId: m.id,
    householdId: m.householdId,
    details: { scheme: record.schemeName, ...move.details },
  });
  await ctx.householdChanged?.(m.householdId);
}

/** The measure as its writer sees it after a change. */
export async function reloadMeasure(ctx: Context, householdId: string, measureId: string): Promise<TMeasure> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const record = (await findMeasure(ctx.db, householdId, measureId))!;
  return presentMeasure(
    record,
    measureFieldsFor(level),
    canRunMeasure(ctx.actor, record.measure),
    await eventsOf(ctx.db, [measureId]),
  );
}
