import { and, asc, desc, eq, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TEvictionProcedure } from '../../shared/contracts/households.ts';
import { parisDate } from '../../shared/time.ts';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { evictionProcedureSteps, evictionProcedures } from '../households/schema.ts';
import { capacityAssessments, diagnosticShares, diagnostics } from './schema.ts';

export type DiagnosticRow = typeof diagnostics.$inferSelect;
export type DiagnosticPatch = Partial<
  Pick<
    DiagnosticRow,
    'status' | 'content' | 'authorship' | 'presentation' | 'approval' | 'disagreement' | 'approvedAt'
  >
>;

/** A diagnostic by id, whatever the reader: callers check household access right after. */
export async function unsafeLoadDiagnostic(q: Queryable, id: string): Promise<DiagnosticRow | null> {
  const [row] = await q.select().from(diagnostics).where(eq(diagnostics.id, id));
  return row ?? null;
}

/** The household a diagnostic belongs to (null for an unknown id), for the route layer's access check. */
export async function householdOfDiagnostic(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ householdId: diagnostics.householdId })
    .from(diagnostics)
    .where(eq(diagnostics.id, id));
  return row?.householdId ?? null;
}

/** The household's latest diagnostic it approved (null when none), for the documents that rest on it. */
export async function latestApprovedRow(q: Queryable, householdId: string): Promise<DiagnosticRow | null> {
  const [row] = await q
    .select()
    .from(diagnostics)
    .where(and(eq(diagnostics.householdId, householdId), isNotNull(diagnostics.approvedAt)))
    .orderBy(desc(diagnostics.version))
    .limit(1);
  return row ?? null;
}

/** The day the household approved a diagnostic: the day it signed, else the Paris day recorded. */
export const approvedOn = (row: DiagnosticRow): string =>
  row.approval?.signedOn ?? parisDate(row.approvedAt!);

/** The version and approval day of the household's latest approved diagnostic (the support contract cites it). */
export async function latestApprovedDiagnostic(
  q: Queryable,
  householdId: string,
): Promise<{ version: number; approvedOn: string } | null> {
  const row = await latestApprovedRow(q, householdId);
  return row ? { version: row.version, approvedOn: approvedOn(row) } : null;
}

export async function listDiagnosticVersions(q: Queryable, householdId: string) {
  return q
    .select()
    .from(diagnostics)
    .where(eq(diagnostics.householdId, householdId))
    .orderBy(desc(diagnostics.version));
}

export async function latestVersionNumber(q: Queryable, householdId: string): Promise<number> {
  const [row] = await q
    .select({ v: max(diagnostics.version) })
    .from(diagnostics)
    .where(eq(diagnostics.householdId, householdId));
  return row?.v ?? 0;
}

export async function insertDiagnostic(
  q: Queryable,
  values: typeof diagnostics.$inferInsert,
): Promise<DiagnosticRow> {
  const [row] = await q.insert(diagnostics).values(values).returning();
  return row!;
}

/** Applies a change at the rowVersion the writer read; null when someone else wrote in between. */
export async function updateDiagnosticIfRowVersion(
  q: Queryable,
  input: { id: string; expectedRowVersion: number; patch: DiagnosticPatch; at: Date },
): Promise<DiagnosticRow | null> {
  const [row] = await q
    .update(diagnostics)
    .set({ ...input.patch, rowVersion: sql`${diagnostics.rowVersion} + 1`, updatedAt: input.at })
    .where(and(eq(diagnostics.id, input.id), eq(diagnostics.rowVersion, input.expectedRowVersion)))
    .returning();
  return row ?? null;
}

export async function insertShares(q: Queryable, rows: (typeof diagnosticShares.$inferInsert)[]) {
  await q.insert(diagnosticShares).values(rows);
}

const shareColumns = {
  id: diagnosticShares.id,
  diagnosticId: diagnosticShares.diagnosticId,
  diagnosticVersion: diagnostics.version,
  audience: diagnosticShares.audience,
  organisationId: diagnosticShares.organisationId,
  organisationName: organisations.name,
  snapshot: diagnosticShares.snapshot,
  sharedByName: users.fullName,
  sharedByOrganisationId: diagnosticShares.sharedByOrganisationId,
  sharedAt: diagnosticShares.sharedAt,
};

function sharesQuery(q: Queryable) {
  return q
    .select(shareColumns)
    .from(diagnosticShares)
    .innerJoin(diagnostics, eq(diagnostics.id, diagnosticShares.diagnosticId))
    .innerJoin(organisations, eq(organisations.id, diagnosticShares.organisationId))
    .leftJoin(users, eq(users.id, diagnosticShares.sharedByUserId));
}

export const listSharesOfDiagnostic = (q: Queryable, diagnosticId: string) =>
  sharesQuery(q)
    .where(eq(diagnosticShares.diagnosticId, diagnosticId))
    .orderBy(asc(diagnosticShares.sharedAt));

/** Partner versions one organisation received for a household, newest first. */
export const listSharesReceived = (q: Queryable, householdId: string, organisationId: string) =>
  sharesQuery(q)
    .where(
      and(eq(diagnosticShares.householdId, householdId), eq(diagnosticShares.organisationId, organisationId)),
    )
    .orderBy(desc(diagnosticShares.sharedAt));

export async function insertCapacityAssessment(
  q: Queryable,
  values: typeof capacityAssessments.$inferInsert,
) {
  const [row] = await q.insert(capacityAssessments).values(values).returning({ id: capacityAssessments.id });
  return row!;
}

/** The household's grids, oldest first, so the change over time reads top to bottom. */
export const listCapacityAssessments = (q: Queryable, householdId: string) =>
  q
    .select({ row: capacityAssessments, assessedByName: users.fullName })
    .from(capacityAssessments)
    .leftJoin(users, eq(users.id, capacityAssessments.assessedByUserId))
    .where(eq(capacityAssessments.householdId, householdId))
    .orderBy(asc(capacityAssessments.assessedOn), asc(capacityAssessments.createdAt));

/**
 * The grid an evaluation measures the change from: the latest one recorded with the household's
 * diagnostic, or else its latest grid; null when the household has none.
 */
export async function diagnosticCapacityGrid(q: Queryable, householdId: string) {
  const [row] = await q
    .select({ assessedOn: capacityAssessments.assessedOn, scores: capacityAssessments.scores })
    .from(capacityAssessments)
    .where(eq(capacityAssessments.householdId, householdId))
    .orderBy(
      sql`${capacityAssessments.diagnosticId} is null`,
      desc(capacityAssessments.assessedOn),
      desc(capacityAssessments.createdAt),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The household's eviction procedure as it was at `asOf` (as it stands when null): the procedure
 * open then (else the latest one), with the steps recorded by then. A frozen diagnostic reads it so,
 * and shows what the household approved however the procedure went on.
 */
export async function evictionProcedureAt(
  q: Queryable,
  householdId: string,
  asOf: Date | null,
): Promise<TEvictionProcedure | null> {
  const p = evictionProcedures;
  const day = asOf ? parisDate(asOf) : null;
  const openThen = day
    ? sql`(${p.closedOn} is null or ${p.closedOn} > ${day}::date)`
    : sql`${p.closedOn} is null`;
  const [procedure] = await q
    .select({ id: p.id, openedOn: p.openedOn, closedOn: p.closedOn })
    .from(p)
    .where(and(eq(p.householdId, householdId), asOf ? lte(p.createdAt, asOf) : undefined))
    .orderBy(desc(openThen), desc(p.openedOn))
    .limit(1);
  if (!procedure) return null;
  const s = evictionProcedureSteps;
  const steps = await q
    .select({ id: s.id, step: s.step, occurredOn: s.occurredOn, note: s.note })
    .from(s)
    .where(and(eq(s.procedureId, procedure.id), asOf ? lte(s.recordedAt, asOf) : undefined))
    .orderBy(asc(s.occurredOn), asc(s.recordedAt));
  const closedOn = procedure.closedOn && (!day || procedure.closedOn <= day) ? procedure.closedOn : null;
  return { ...procedure, closedOn, steps };
}

/** The household's diagnostic versions (created, approved), for its timeline. */
export const diagnosticVersionsOf = (q: Queryable, householdId: string) =>
  q
    .select({
      id: diagnostics.id,
      version: diagnostics.version,
      createdAt: diagnostics.createdAt,
      approvedAt: diagnostics.approvedAt,
      byName: users.fullName,
      byOrganisationId: diagnostics.createdByOrganisationId,
      byOrganisationName: organisations.name,
    })
    .from(diagnostics)
    .leftJoin(users, eq(users.id, diagnostics.createdByUserId))
    .leftJoin(organisations, eq(organisations.id, diagnostics.createdByOrganisationId))
    .where(eq(diagnostics.householdId, householdId))
    .orderBy(asc(diagnostics.version));

/** The partner versions shared for a household (to one organisation, or to all), for its timeline. */
export const diagnosticSharesOf = (q: Queryable, householdId: string, organisationId?: string) =>
  sharesQuery(q)
    .where(
      and(
        eq(diagnosticShares.householdId, householdId),
        organisationId ? eq(diagnosticShares.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(asc(diagnosticShares.sharedAt));
