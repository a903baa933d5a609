import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { canRunMeasure, measureFieldsFor } from '../../../shared/access/measure-policy.ts';
import type { TMeasure } from '../../../shared/contracts/measures.ts';
import { parisDate } from '../../../shared/time.ts';
import { householdWatchUntil } from '../../../shared/watch/rules.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { eventsOf, listHouseholdMeasures } from '../measures.repository.ts';
import { presentMeasure } from '../measure.presenter.ts';

/**
 * The household's support measures, latest first, as the reader's level allows, and the last day
 * of its watch when it is under one (every party sees it); the read is audited.
 */
export async function listMeasures(
  ctx: Context,
  householdId: string,
): Promise<{ items: TMeasure[]; watchUntil: string | null }> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const rows = await listHouseholdMeasures(ctx.db, householdId);
  const events = await eventsOf(
    ctx.db,
    rows.map((r) => r.measure.id),
  );
  await audit(ctx.db, ctx.actor, {
    action: 'measure.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  return {
    items: rows.map((r) =>
      presentMeasure(r, measureFieldsFor(level), canRunMeasure(ctx.actor, r.measure), events),
    ),
    watchUntil: householdWatchUntil(
      rows.map((r) => r.measure),
      parisDate(ctx.now),
    ),
  };
}
