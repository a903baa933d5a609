import { aliasedTable, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { EvaluationAudience, EvaluationStatus } from '../../shared/contracts/evaluations.ts';
import { users } from '../identity/schema.ts';
import { measures, measureSchemes } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { evaluations, evaluationShares, monthlyPoints } from './schema.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type EvaluationValues = typeof evaluations.$inferInsert;

const preparer = aliasedTable(users, 'eval_preparer');
const validator = aliasedTable(users, 'eval_validator');

function evaluationsWhere(q: Queryable, condition: ReturnType<typeof and>) {
  return q
    .select({
      evaluation: evaluations,
      preparedByName: preparer.fullName,
      validatedByName: validator.fullName,
    })
    .from(evaluations)
    .leftJoin(preparer, eq(preparer.id, evaluations.preparedByUserId))
    .leftJoin(validator, eq(validator.id, evaluations.validatedByUserId))
    .where(condition);
}
export type EvaluationRecord = Awaited<ReturnType<typeof evaluationsWhere>>[number];

/** The household's evaluations, newest period first, the final one before the interim one. */
export const householdEvaluations = (q: Queryable, householdId: string) =>
  evaluationsWhere(q, eq(evaluations.householdId, householdId)).orderBy(
    desc(evaluations.periodStart),
    desc(evaluations.kind),
    desc(evaluations.createdAt),
  );

export async function findEvaluation(q: Queryable, householdId: string, evaluationId: string) {
  const [row] = await evaluationsWhere(
    q,
    and(eq(evaluations.id, evaluationId), eq(evaluations.householdId, householdId)),
  );
  return row ?? null;
}

/** Inserts an evaluation; null when the measure already has one of that kind for the period. */
export async function insertEvaluation(q: Queryable, values: EvaluationValues): Promise<string | null> {
  const [row] = await q
    .insert(evaluations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: evaluations.id });
  return row?.id ?? null;
}

/** Changes an evaluation at the version read and in one of the statuses given; false otherwise. */
export async function updateEvaluationIf(
  q: Queryable,
  id: string,
  expected: { rowVersion: number; statuses: readonly EvaluationStatus[] },
  values: Partial<EvaluationValues>,
): Promise<boolean> {
  const rows = await q
    .update(evaluations)
    .set({ ...values, rowVersion: sql`${evaluations.rowVersion} + 1` })
    .where(
      and(
        eq(evaluations.id, id),
        eq(evaluations.rowVersion, expected.rowVersion),
        inArray(evaluations.status, [...expected.statuses]),
      ),
    )
    .returning({ id: evaluations.id });
  return rows.length > 0;
}

const shareColumns = {
  id: evaluationShares.id,
  evaluationId: evaluationShares.evaluationId,
  householdId: evaluationShares.householdId,
  audience: evaluationShares.audience,
  organisationId: evaluationShares.organisationId,
  organisationName: organisations.name,
  snapshot: evaluationShares.snapshot,
  sharedAt: evaluationShares.sharedAt,
  measureName: measureSchemes.name,
};

/** The shares with their recipient's name and the measure's scheme. */
const sharesSelect = (q: Queryable) =>
  q
    .select(shareColumns)
    .from(evaluationShares)
    .innerJoin(organisations, eq(organisations.id, evaluationShares.organisationId))
    .innerJoin(evaluations, eq(evaluations.id, evaluationShares.evaluationId))
    .innerJoin(measures, eq(measures.id, evaluations.measureId))
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId));
export type ShareRecord = Awaited<ReturnType<typeof sharesSelect>>[number];

/** Who received which version of these evaluations. */
export const sharesOfEvaluations = (q: Queryable, evaluationIds: readonly string[]) =>
  evaluationIds.length === 0
    ? Promise.resolve([])
    : sharesSelect(q)
        .where(inArray(evaluationShares.evaluationId, [...evaluationIds]))
        .orderBy(desc(evaluationShares.sharedAt));

/** The versions shared with an organisation, for one audience (and one household, if given). */
export const sharesFor = (
  q: Queryable,
  organisationId: string,
  audience: EvaluationAudience,
  householdId?: string,
) =>
  sharesSelect(q)
    .where(
      and(
        eq(evaluationShares.organisationId, organisationId),
        eq(evaluationShares.audience, audience),
        householdId ? eq(evaluationShares.householdId, householdId) : undefined,
      ),
    )
    .orderBy(desc(evaluationShares.sharedAt));

export async function insertShares(q: Queryable, values: (typeof evaluationShares.$inferInsert)[]) {
  if (values.length > 0) await q.insert(evaluationShares).values(values).onConflictDoNothing();
}

/** The report of the measure's last validated monthly point, for the evaluation's first notes. */
export async function lastPointReport(q: Queryable, measureId: string) {
  const [row] = await q
    .select({ month: monthlyPoints.month, report: monthlyPoints.report })
    .from(monthlyPoints)
    .where(and(eq(monthlyPoints.measureId, measureId), eq(monthlyPoints.status, 'validated')))
    .orderBy(desc(monthlyPoints.month), desc(monthlyPoints.version))
    .limit(1);
  return row ?? null;
}

/** One share, with the evaluation it came from. */
export async function findShare(q: Queryable, shareId: string) {
  const [row] = await sharesSelect(q).where(eq(evaluationShares.id, shareId));
  return row ?? null;
}
