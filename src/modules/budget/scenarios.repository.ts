import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TScenarioCreate } from '../../shared/contracts/budget.ts';
import { budgetScenarios } from './schema.ts';

export const listScenarios = (q: Queryable, householdId: string) =>
  q
    .select()
    .from(budgetScenarios)
    .where(eq(budgetScenarios.householdId, householdId))
    .orderBy(asc(budgetScenarios.createdAt), asc(budgetScenarios.id));

export async function findScenario(q: Queryable, householdId: string, scenarioId: string) {
  const [row] = await q
    .select()
    .from(budgetScenarios)
    .where(and(eq(budgetScenarios.householdId, householdId), eq(budgetScenarios.id, scenarioId)));
  return row ?? null;
}

export async function insertScenario(
  q: Queryable,
  input: TScenarioCreate & { householdId: string; createdBy: string; at: Date },
) {
  const { at, ...values } = input;
  const [row] = await q
    .insert(budgetScenarios)
    .values({ ...values, createdAt: at, updatedAt: at })
    .returning();
  return row!;
}

/** Updates when the stored version is the expected one; null otherwise (someone changed it). */
export async function updateScenarioIfVersion(
  q: Queryable,
  input: { householdId: string; scenarioId: string; rowVersion: number; values: TScenarioCreate; at: Date },
) {
  const [row] = await q
    .update(budgetScenarios)
    .set({ ...input.values, updatedAt: input.at, rowVersion: input.rowVersion + 1 })
    .where(
      and(
        eq(budgetScenarios.householdId, input.householdId),
        eq(budgetScenarios.id, input.scenarioId),
        eq(budgetScenarios.rowVersion, input.rowVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteScenario(q: Queryable, householdId: string, scenarioId: string) {
  const rows = await q
    .delete(budgetScenarios)
    .where(and(eq(budgetScenarios.householdId, householdId), eq(budgetScenarios.id, scenarioId)))
    .returning({ id: budgetScenarios.id });
  return rows.length > 0;
}
