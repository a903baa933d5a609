import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TMonthlyPoints } from '../../../shared/contracts/evaluations.ts';
import {
  monthBounds,
  monthFigures,
  monthlyPointMonths,
  monthOf,
} from '../../../shared/evaluations/monthly-point.ts';
import { measureActivities } from '../../journal/index.ts';
import { listHouseholdMeasures } from '../../measures/index.ts';
import { householdPoints } from '../monthly-points.repository.ts';
import { presentFigures, presentPoint } from '../monthly-point.presenter.ts';
import { requireMonthlyPointAccess } from '../monthly-point-writes.ts';

/**
 * The monthly points of every measure the household has started, month by month (newest first):
 * each month's latest point version, and the journal's figures now (the draft a new point starts from).
 */
export async function listMonthlyPoints(ctx: Context, householdId: string): Promise<TMonthlyPoints> {
  await requireMonthlyPointAccess(ctx, householdId);
  const started = (await listHouseholdMeasures(ctx.db, householdId)).filter((m) => m.measure.startOn);
  const points = await householdPoints(ctx.db, householdId);
  const measures = [];
  for (const m of started) {
    const version = m.measure.referentielVersion;
    const owed = monthlyPointMonths(m.measure, ctx.now);
    // One read of the measure's journal over all its months, summed up month by month below.
    const activities = owed.length
      ? await measureActivities(
          ctx.db,
          m.measure.id,
          monthBounds(owed[0]!).from,
          monthBounds(owed.at(-1)!).to,
        )
      : [];
    const months = [];
    for (const month of owed.reverse()) {
      const versions = points.filter((p) => p.point.measureId === m.measure.id && p.point.month === month);
      const latest = versions[0];
      months.push({
        month,
        point: latest ? presentPoint(latest, version) : null,
        validatedVersion: versions.find((p) => p.point.status === 'validated')?.point.version ?? null,
        journal: presentFigures(
          monthFigures(activities.filter((a) => monthOf(a.occurredAt) === month)),
          version,
        ),
      });
    }
    measures.push({
      measureId: m.measure.id,
      name: m.schemeName,
      active: m.measure.status === 'active',
      months,
    });
  }
  await audit(ctx.db, ctx.actor, {
    action: 'monthly_point.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { measures: measures.length },
  });
  return { measures };
}
