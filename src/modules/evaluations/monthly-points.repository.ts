import { aliasedTable, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { users } from '../identity/schema.ts';
import { monthlyPoints } from './schema.ts';

export type MonthlyPointRow = typeof monthlyPoints.$inferSelect;
export type MonthlyPointValues = typeof monthlyPoints.$inferInsert;

const preparer = aliasedTable(users, 'preparer');
const validator = aliasedTable(users, 'validator');

function pointsWhere(q: Queryable, condition: ReturnType<typeof and>) {
  return q
    .select({ point: monthlyPoints, preparedByName: preparer.fullName, validatedByName: validator.fullName })
    .from(monthlyPoints)
    .leftJoin(preparer, eq(preparer.id, monthlyPoints.preparedByUserId))
    .leftJoin(validator, eq(validator.id, monthlyPoints.validatedByUserId))
    .where(condition);
}
export type MonthlyPointRecord = Awaited<ReturnType<typeof pointsWhere>>[number];

/** Every version of every point of the household's measures, latest version first. */
export const householdPoints = (q: Queryable, householdId: string) =>
  pointsWhere(q, eq(monthlyPoints.householdId, householdId)).orderBy(
    desc(monthlyPoints.month),
    desc(monthlyPoints.version),
  );

export async function findPoint(q: Queryable, householdId: string, pointId: string) {
  const [row] = await pointsWhere(
    q,
    and(eq(monthlyPoints.id, pointId), eq(monthlyPoints.householdId, householdId)),
  );
  return row ?? null;
}

/** The latest version of the point of a measure's month, if any. */
export async function latestVersion(q: Queryable, measureId: string, month: string) {
  const [row] = await q
    .select({ version: monthlyPoints.version })
    .from(monthlyPoints)
    .where(and(eq(monthlyPoints.measureId, measureId), eq(monthlyPoints.month, month)))
    .orderBy(desc(monthlyPoints.version))
    .limit(1);
  return row?.version ?? null;
}

/** Inserts a version; null when the measure's month already has it (a concurrent preparation). */
export async function insertPoint(q: Queryable, values: MonthlyPointValues): Promise<string | null> {
  const [row] = await q
    .insert(monthlyPoints)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: monthlyPoints.id });
  return row?.id ?? null;
}

/** Changes a draft at the version read; false when it moved since (or is no longer a draft). */
export async function updateDraft(
  q: Queryable,
  id: string,
  rowVersion: number,
  values: Partial<MonthlyPointValues>,
): Promise<boolean> {
  const rows = await q
    .update(monthlyPoints)
    .set({ ...values, rowVersion: sql`${monthlyPoints.rowVersion} + 1` })
    .where(
      and(
        eq(monthlyPoints.id, id),
        eq(monthlyPoints.rowVersion, rowVersion),
        eq(monthlyPoints.status, 'draft'),
      ),
    )
    .returning({ id: monthlyPoints.id });
  return rows.length > 0;
}

/**
 * The last validated monthly point of each measure (its month, version, when and its figures), for
 * the alerts and the reports: measures without one are absent from the map.
 */
export async function latestMonthlyPoints(q: Queryable, measureIds: readonly string[]) {
  if (measureIds.length === 0) return new Map<string, LatestMonthlyPoint>();
  const rows = await q
    .selectDistinctOn([monthlyPoints.measureId], {
      measureId: monthlyPoints.measureId,
      month: monthlyPoints.month,
      version: monthlyPoints.version,
      validatedAt: monthlyPoints.validatedAt,
      activities: monthlyPoints.activities,
      minutes: monthlyPoints.minutes,
      contacts: monthlyPoints.contacts,
      homeVisits: monthlyPoints.homeVisits,
    })
    .from(monthlyPoints)
    .where(and(inArray(monthlyPoints.measureId, [...measureIds]), eq(monthlyPoints.status, 'validated')))
    .orderBy(monthlyPoints.measureId, desc(monthlyPoints.month), desc(monthlyPoints.version));
  return new Map(rows.map((r) => [r.measureId, { ...r, validatedAt: r.validatedAt! }]));
}
export interface LatestMonthlyPoint {
  measureId: string;
  month: string;
  version: number;
  validatedAt: Date;
  activities: number;
  minutes: number;
  contacts: number;
  homeVisits: number;
}
