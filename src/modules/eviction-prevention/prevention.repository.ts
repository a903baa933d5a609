import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type {
  TInstrumentChange,
  TInstrumentCreate,
  TProcedureFactsInput,
} from '../../shared/contracts/eviction-prevention.ts';
import type { DatedBalance, ProcedureFacts } from '../../shared/eviction-prevention/timeline.ts';
import {
  evictionProcedureBalances,
  evictionProcedureFacts,
  preventionInstrumentStates,
  preventionInstruments,
} from './schema.ts';

export type FactsRow = typeof evictionProcedureFacts.$inferSelect;

export const NO_FACTS: ProcedureFacts = {
  leaseSignedOn: null,
  lessorKind: null,
  monthlyRentCents: null,
  monthlyChargesCents: null,
  monthlyBenefitCents: null,
  benefitPaidTo: 'none',
  hearingScheduledOn: null,
};

export async function factsOf(q: Queryable, procedureId: string): Promise<FactsRow | null> {
  const [row] = await q
    .select()
    .from(evictionProcedureFacts)
    .where(eq(evictionProcedureFacts.procedureId, procedureId));
  return row ?? null;
}

/** Saves the facts at the version read (null: none saved yet); false when someone saved them meanwhile. */
export async function saveFacts(
  q: Queryable,
  procedureId: string,
  input: Omit<TProcedureFactsInput, 'version'>,
  expectedVersion: number | null,
  by: { userId: string; organisationId: string },
  at: Date,
): Promise<boolean> {
  const values = {
    leaseSignedOn: input.leaseSignedOn,
    lessorKind: input.lessorKind,
    monthlyRentCents: input.monthlyRentCents,
    monthlyChargesCents: input.monthlyChargesCents,
    monthlyBenefitCents: input.monthlyBenefitCents,
    benefitPaidTo: input.benefitPaidTo,
    hearingScheduledOn: input.hearingScheduledOn,
    followedByUserId: by.userId,
    followedByOrganisationId: by.organisationId,
    updatedAt: at,
  };
  if (expectedVersion === null) {
    const inserted = await q
      .insert(evictionProcedureFacts)
      .values({ procedureId, ...values })
      .onConflictDoNothing()
      .returning({ id: evictionProcedureFacts.procedureId });
    return inserted.length === 1;
  }
  const updated = await q
    .update(evictionProcedureFacts)
    .set({ ...values, rowVersion: sql`${evictionProcedureFacts.rowVersion} + 1` })
    .where(
      and(
        eq(evictionProcedureFacts.procedureId, procedureId),
        eq(evictionProcedureFacts.rowVersion, expectedVersion),
      ),
    )
    .returning({ id: evictionProcedureFacts.procedureId });
  return updated.length === 1;
}

export const balancesOf = (q: Queryable, procedureId: string) =>
  q
    .select({
      id: evictionProcedureBalances.id,
      on: evictionProcedureBalances.on,
      amountCents: evictionProcedureBalances.amountCents,
    })
    .from(evictionProcedureBalances)
    .where(eq(evictionProcedureBalances.procedureId, procedureId))
    .orderBy(asc(evictionProcedureBalances.on));

/** Adds the debt of a day; null when the day already has one. */
export async function insertBalance(
  q: Queryable,
  procedureId: string,
  balance: DatedBalance,
  userId: string,
  at: Date,
): Promise<string | null> {
  const [row] = await q
    .insert(evictionProcedureBalances)
    .values({
      procedureId,
      on: balance.on,
      amountCents: balance.amountCents,
      recordedByUserId: userId,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: evictionProcedureBalances.id });
  return row?.id ?? null;
}

export async function deleteBalance(
  q: Queryable,
  procedureId: string,
  balanceId: string,
): Promise<DatedBalance | null> {
  const [row] = await q
    .delete(evictionProcedureBalances)
    .where(
      and(
        eq(evictionProcedureBalances.procedureId, procedureId),
        eq(evictionProcedureBalances.id, balanceId),
      ),
    )
    .returning({ on: evictionProcedureBalances.on, amountCents: evictionProcedureBalances.amountCents });
  return row ?? null;
}

/** The procedure's instruments, each with its dated states, oldest first. */
export async function instrumentsOf(q: Queryable, procedureId: string) {
  const rows = await q
    .select()
    .from(preventionInstruments)
    .where(eq(preventionInstruments.procedureId, procedureId))
    .orderBy(asc(preventionInstruments.createdAt));
  const states = rows.length
    ? await q
        .select()
        .from(preventionInstrumentStates)
        .where(
          inArray(
            preventionInstrumentStates.instrumentId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(preventionInstrumentStates.position))
    : [];
  return rows.map((r) => ({
    id: r.id,
    instrument: r.instrument,
    status: r.status,
    on: r.on,
    note: r.note,
    history: states.filter((s) => s.instrumentId === r.id).map((s) => ({ status: s.status, on: s.on })),
  }));
}

export async function insertInstrument(
  q: Queryable,
  procedureId: string,
  input: TInstrumentCreate & { note: string | null },
  userId: string,
  at: Date,
): Promise<string> {
  const [row] = await q
    .insert(preventionInstruments)
    .values({
      procedureId,
      instrument: input.instrument,
      status: input.status,
      on: input.on,
      note: input.note,
      createdAt: at,
    })
    .returning({ id: preventionInstruments.id });
  await q.insert(preventionInstrumentStates).values({
    instrumentId: row!.id,
    position: 1,
    status: input.status,
    on: input.on,
    recordedByUserId: userId,
    recordedAt: at,
  });
  return row!.id;
}

/** The instrument of the procedure, locked for its change; null when the procedure has no such one. */
export async function lockInstrument(q: Queryable, procedureId: string, instrumentId: string) {
  const [row] = await q
    .select()
    .from(preventionInstruments)
    .where(
      and(eq(preventionInstruments.procedureId, procedureId), eq(preventionInstruments.id, instrumentId)),
    )
    .for('update');
  return row ?? null;
}

export async function changeInstrumentState(
  q: Queryable,
  instrumentId: string,
  input: TInstrumentChange & { note: string | null },
  userId: string,
  at: Date,
): Promise<void> {
  await q
    .update(preventionInstruments)
    .set({ status: input.status, on: input.on, ...(input.note !== null ? { note: input.note } : {}) })
    .where(eq(preventionInstruments.id, instrumentId));
  await q.insert(preventionInstrumentStates).values({
    instrumentId,
    position: sql`(select coalesce(max(${preventionInstrumentStates.position}), 0) + 1 from ${preventionInstrumentStates} where ${preventionInstrumentStates.instrumentId} = ${instrumentId})`,
    status: input.status,
    on: input.on,
    recordedByUserId: userId,
    recordedAt: at,
  });
}
