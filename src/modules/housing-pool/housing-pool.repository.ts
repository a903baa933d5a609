import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { capacityAssessments } from '../diagnostics/schema.ts';
import { householdVisibleTo } from '../households/index.ts';
import { householdMembers, households } from '../households/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { housingProjects } from './schema.ts';

export type ProjectRow = typeof housingProjects.$inferSelect;
export type ProjectValues = typeof housingProjects.$inferInsert;

export async function findProject(q: Queryable, householdId: string, opts: { lock?: boolean } = {}) {
  const query = q.select().from(housingProjects).where(eq(housingProjects.householdId, householdId));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertProject(q: Queryable, values: ProjectValues): Promise<void> {
  await q.insert(housingProjects).values(values);
}

/** Changes the project and moves its version on (the caller holds its row lock). */
export async function updateProject(q: Queryable, id: string, values: Partial<ProjectValues>): Promise<void> {
  await q
    .update(housingProjects)
    .set({ ...values, rowVersion: sql`${housingProjects.rowVersion} + 1` })
    .where(eq(housingProjects.id, id));
}

/** The latest capacity grid's confirmed opinion (the caseworker's, not the derived one). */
export async function latestReadiness(q: Queryable, householdId: string) {
  const [row] = await q
    .select({ opinion: capacityAssessments.opinion, assessedOn: capacityAssessments.assessedOn })
    .from(capacityAssessments)
    .where(eq(capacityAssessments.householdId, householdId))
    .orderBy(desc(capacityAssessments.assessedOn), desc(capacityAssessments.createdAt))
    .limit(1);
  return row ?? null;
}

/** What the file says that the project reads: the numéro unique, the entry in shelter, DALO. */
export async function fileFacts(q: Queryable, householdId: string) {
  const [row] = await q
    .select({
      applicationNumber: households.applicationNumber,
      housingSince: households.housingSince,
      shelterName: households.shelterName,
      daloRecognised: households.daloRecognised,
      daloDecisionDate: households.daloDecisionDate,
    })
    .from(households)
    .where(eq(households.id, householdId));
  return row!;
}

export async function territoryNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(inArray(territories.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The communes among these territories (a wish names communes only). */
export async function communeIdsAmong(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .select({ id: territories.id })
    .from(territories)
    .where(and(inArray(territories.id, [...ids]), eq(territories.kind, 'commune')));
  return new Set(rows.map((r) => r.id));
}

export async function organisationLabel(q: Queryable, organisationId: string) {
  const [row] = await q
    .select({ id: organisations.id, name: organisations.name, type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row!;
}

/**
 * The pool an organisation holds: its projects whose household it is still a current party to, with
 * the file's facts, the reference person's name, the number of persons and the latest confirmed
 * readiness — one statement.
 */
export async function poolRows(q: Queryable, organisationId: string, at: Date) {
  const latest = sql<string | null>`(select ${capacityAssessments.opinion} from ${capacityAssessments}
    where ${capacityAssessments.householdId} = ${households.id}
    order by ${capacityAssessments.assessedOn} desc, ${capacityAssessments.createdAt} desc limit 1)`;
  const persons = sql<number>`(select count(*)::int from ${householdMembers} where ${householdMembers.householdId} = ${households.id})`;
  const name = sql<string | null>`(select ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}
    from ${householdMembers} where ${householdMembers.householdId} = ${households.id}
    order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} limit 1)`;
  return q
    .select({
      project: housingProjects,
      fileNumber: households.fileNumber,
      applicationNumber: households.applicationNumber,
      housingSince: households.housingSince,
      daloRecognised: households.daloRecognised,
      daloDecisionDate: households.daloDecisionDate,
      readiness: latest,
      persons,
      name,
    })
    .from(housingProjects)
    .innerJoin(households, eq(households.id, housingProjects.householdId))
    .where(
      and(eq(housingProjects.poolOrganisationId, organisationId), householdVisibleTo(organisationId, at)),
    )
    .orderBy(asc(households.housingSince));
}

/** The organisations that hold a pool (at least one project opened in it). */
export async function poolHolderIds(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ id: housingProjects.poolOrganisationId }).from(housingProjects);
  return rows.map((r) => r.id);
}
