import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { EvictionStep } from '../../shared/contracts/household-enums.ts';
import { evictionProcedureSteps, evictionProcedures, tenancies } from './schema.ts';

export type StepSource = (typeof evictionProcedureSteps.$inferInsert)['sourceType'];

export async function openProcedure(q: Queryable, householdId: string) {
  const [row] = await q
    .select()
    .from(evictionProcedures)
    .where(and(eq(evictionProcedures.householdId, householdId), isNull(evictionProcedures.closedOn)));
  return row ?? null;
}

/** The household's open procedure, opened on `day` (on its current tenancy) if there is none. */
export async function openOrStartProcedure(q: Queryable, householdId: string, day: string, at: Date) {
  const open = await openProcedure(q, householdId);
  if (open) return { procedure: open, started: false };
  const [tenancy] = await q
    .select({ id: tenancies.id })
    .from(tenancies)
    .where(and(eq(tenancies.householdId, householdId), isNull(tenancies.endDate)));
  const [procedure] = await q
    .insert(evictionProcedures)
    .values({ householdId, tenancyId: tenancy?.id ?? null, openedOn: day, createdAt: at })
    .returning();
  return { procedure: procedure!, started: true };
}

/** Records a step once: the same step on the same day is the same fact, whoever reports it. */
export async function insertStepOnce(
  q: Queryable,
  input: {
    procedureId: string;
    step: EvictionStep;
    occurredOn: string;
    note: string | null;
    sourceType: StepSource;
    sourceId: string | null;
    userId: string;
    organisationId: string;
    at: Date;
  },
): Promise<string | null> {
  const [existing] = await q
    .select({ id: evictionProcedureSteps.id })
    .from(evictionProcedureSteps)
    .where(
      and(
        eq(evictionProcedureSteps.procedureId, input.procedureId),
        eq(evictionProcedureSteps.step, input.step),
        eq(evictionProcedureSteps.occurredOn, input.occurredOn),
      ),
    );
  if (existing) return null;
  const [row] = await q
    .insert(evictionProcedureSteps)
    .values({
      procedureId: input.procedureId,
      step: input.step,
      occurredOn: input.occurredOn,
      note: input.note,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      recordedByUserId: input.userId,
      recordedByOrganisationId: input.organisationId,
      recordedAt: input.at,
    })
    .returning({ id: evictionProcedureSteps.id });
  return row!.id;
}

export async function closeProcedure(q: Queryable, procedureId: string, day: string, reason: string) {
  await q
    .update(evictionProcedures)
    .set({ closedOn: day, closedReason: reason })
    .where(eq(evictionProcedures.id, procedureId));
}
