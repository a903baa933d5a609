import type { Context } from '../../kernel/context.ts';
import { forbidden, notFound } from '../../kernel/errors.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { findMeasure, type MeasureRecord } from '../measures/index.ts';

/** Who may read a household's follow-up documents and who may write them for a measure. */
export interface FollowUpWriteRule {
  canRead(level: HouseholdAccessLevel): boolean;
  canWrite(level: HouseholdAccessLevel, measure: MeasureRecord['measure']): boolean;
  readRefusal: string;
  writeRefusal: string;
}

/**
 * A measure of the household (404 otherwise) whose monthly point or evaluation the actor may write:
 * 403 with the rule's refusal for a reader the rule does not admit, or for a writer of another
 * organisation than the one that runs the measure.
 */
export async function operatedMeasure(
  ctx: Context,
  householdId: string,
  measureId: string,
  rule: FollowUpWriteRule,
): Promise<MeasureRecord> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!rule.canRead(level)) throw forbidden(rule.readRefusal);
  const measure = await findMeasure(ctx.db, householdId, measureId);
  if (!measure) throw notFound('Mesure introuvable.');
  if (!rule.canWrite(level, measure.measure)) throw forbidden(rule.writeRefusal);
  return measure;
}
