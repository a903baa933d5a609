import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { monthlyPoints } from './schema.ts';

/**
 * The measures among `measureIds` whose monthly point of `month` is validated (a version of it at
 * least: a correction in progress leaves the month validated), for the alerts' « point mensuel
 * manquant ». One query, whatever the number of measures.
 */
export async function validatedMonthlyPoints(
  q: Queryable,
  measureIds: readonly string[],
  month: string,
): Promise<{ measureId: string; month: string }[]> {
  if (measureIds.length === 0) return [];
  return q
    .selectDistinct({ measureId: monthlyPoints.measureId, month: monthlyPoints.month })
    .from(monthlyPoints)
    .where(
      and(
        inArray(monthlyPoints.measureId, [...measureIds]),
        eq(monthlyPoints.month, month),
        eq(monthlyPoints.status, 'validated'),
      ),
    );
}
