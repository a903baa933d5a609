import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { EvictionFact } from '../../shared/eviction-prevention/alerts.ts';
import { evictionProcedureSteps, evictionProcedures } from '../households/schema.ts';
import { evictionProcedureBalances, evictionProcedureFacts } from './schema.ts';
import { debtOf, knownDebts, NO_KNOWN_DEBT } from './debt-balances.ts';

/**
 * The open procedures someone follows (their facts saved), with their steps and balances: what the
 * alert rules compute the deadlines' tasks from. One household's, or every household's; the debt as
 * the record shows it on `today` (noted, else the rent account's, else the landlord's arrears files),
 * read in a fixed number of queries whatever the number of procedures.
 */
export async function evictionAlertFacts(
  q: Queryable,
  today: string,
  householdId?: string,
): Promise<EvictionFact[]> {
  const rows = await q
    .select({ procedure: evictionProcedures, facts: evictionProcedureFacts })
    .from(evictionProcedures)
    .innerJoin(evictionProcedureFacts, eq(evictionProcedureFacts.procedureId, evictionProcedures.id))
    .where(
      and(
        isNull(evictionProcedures.closedOn),
        isNotNull(evictionProcedureFacts.followedByUserId),
        householdId ? eq(evictionProcedures.householdId, householdId) : undefined,
      ),
    );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.procedure.id);
  const [steps, balances, known] = await Promise.all([
    q
      .select({
        procedureId: evictionProcedureSteps.procedureId,
        step: evictionProcedureSteps.step,
        occurredOn: evictionProcedureSteps.occurredOn,
      })
      .from(evictionProcedureSteps)
      .where(inArray(evictionProcedureSteps.procedureId, ids)),
    q
      .select({
        procedureId: evictionProcedureBalances.procedureId,
        on: evictionProcedureBalances.on,
        amountCents: evictionProcedureBalances.amountCents,
      })
      .from(evictionProcedureBalances)
      .where(inArray(evictionProcedureBalances.procedureId, ids))
      .orderBy(asc(evictionProcedureBalances.on)),
    knownDebts(q, [...new Set(rows.map((r) => r.procedure.householdId))], today),
  ]);
  const out: EvictionFact[] = [];
  for (const { procedure, facts } of rows) {
    const noted = balances.filter((b) => b.procedureId === procedure.id);
    out.push({
      procedureId: procedure.id,
      householdId: procedure.householdId,
      openedOn: procedure.openedOn,
      ownerUserId: facts.followedByUserId!,
      ownerOrganisationId: facts.followedByOrganisationId!,
      facts,
      steps: steps.filter((s) => s.procedureId === procedure.id),
      // As the file shows it (see getEvictionPrevention).
      balances: debtOf(noted, known.get(procedure.householdId) ?? NO_KNOWN_DEBT),
    });
  }
  return out;
}
