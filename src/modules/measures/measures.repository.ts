import { aliasedTable, and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { preparedPerHandle, type Queryable } from '../../kernel/db.ts';
import type { MeasureStatus } from '../../shared/contracts/measures.ts';
import { households } from '../households/schema.ts';
import { memberships, users } from '../identity/schema.ts';
import { activeMemberName } from '../identity/index.ts';
import { organisations } from '../organisations/schema.ts';
import { referrals } from '../referrals/schema.ts';
import {
  caseloadCapacities,
  measureEvents,
  measures,
  measureSchemes,
  measureSchemeVersions,
  watchIncidents,
} from './schema.ts';

const funder = aliasedTable(organisations, 'funder');
const operator = aliasedTable(organisations, 'operator');

const measureColumns = {
  measure: measures,
  fileNumber: households.fileNumber,
  schemeName: measureSchemes.name,
  schemeCode: measureSchemes.code,
  schemeKind: measureSchemes.kind,
  funderOrganisationId: measureSchemes.funderOrganisationId,
  funderName: funder.name,
  versionFrom: measureSchemeVersions.effectiveFrom,
  rules: measureSchemeVersions.rules,
  operatorName: operator.name,
  caseworkerName: users.fullName,
  // A subquery: a second left join on an aliased table collapses Drizzle's row type.
  relayName: sql<
    string | null
  >`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${measures.relayOrganisationId})`,
  // The measure that reopened a case after this one's watch (raw SQL: a self-join needs an alias).
  reopenedByMeasureId: sql<
    string | null
  >`(select reopening.id from measures reopening where reopening.reopened_from_measure_id = ${measures.id} order by reopening.created_at limit 1)`,
};

function measuresWhere(q: Queryable, condition: SQL | undefined) {
  return q
    .select(measureColumns)
    .from(measures)
    .innerJoin(households, eq(households.id, measures.householdId))
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .innerJoin(measureSchemeVersions, eq(measureSchemeVersions.id, measures.schemeVersionId))
    .innerJoin(funder, eq(funder.id, measureSchemes.funderOrganisationId))
    .innerJoin(operator, eq(operator.id, measures.operatorOrganisationId))
    .leftJoin(users, eq(users.id, measures.caseworkerUserId))
    .where(condition);
}
export type MeasureRecord = Awaited<ReturnType<typeof measuresWhere>>[number];

export const listHouseholdMeasures = (q: Queryable, householdId: string) =>
  measuresWhere(q, eq(measures.householdId, householdId)).orderBy(desc(measures.createdAt));

export async function findMeasure(q: Queryable, householdId: string, measureId: string) {
  const [row] = await measuresWhere(
    q,
    and(eq(measures.id, measureId), eq(measures.householdId, householdId)),
  );
  return row ?? null;
}

export async function findFundedMeasure(q: Queryable, funderOrganisationId: string, measureId: string) {
  const [row] = await measuresWhere(
    q,
    and(eq(measures.id, measureId), eq(measureSchemes.funderOrganisationId, funderOrganisationId)),
  );
  return row ?? null;
}

/**
 * One page of the measures prescribed on a funder's schemes, oldest prescription first, with how many
 * wait in all: a département funder may have hundreds waiting, and the page is what it reads.
 */
export async function pendingFundedMeasures(
  q: Queryable,
  funderOrganisationId: string,
  paging: { page: number; pageSize: number },
) {
  const pending = and(
    eq(measureSchemes.funderOrganisationId, funderOrganisationId),
    eq(measures.status, 'prescribed'),
  );
  const [rows, [count]] = await Promise.all([
    measuresWhere(q, pending)
      .orderBy(asc(measures.prescribedOn), asc(measures.createdAt), asc(measures.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    q
      .select({ total: sql<number>`count(*)::int` })
      .from(measures)
      .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
      .where(pending),
  ]);
  return { rows, total: count!.total };
}

export async function insertMeasure(q: Queryable, values: typeof measures.$inferInsert): Promise<string> {
  const [row] = await q.insert(measures).values(values).returning({ id: measures.id });
  return row!.id;
}

/**
 * Moves a measure on, at the version its writer read and from the status the action starts from:
 * false when someone else changed it first (the caller answers 409).
 */
export async function updateMeasure(
  q: Queryable,
  input: { id: string; rowVersion: number; from: readonly MeasureStatus[]; at: Date },
  values: Partial<typeof measures.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(measures)
    .set({ ...values, updatedAt: input.at, rowVersion: sql`${measures.rowVersion} + 1` })
    .where(
      and(
        eq(measures.id, input.id),
        eq(measures.rowVersion, input.rowVersion),
        inArray(measures.status, [...input.from]),
      ),
    )
    .returning({ id: measures.id });
  return rows.length > 0;
}

export async function insertEvent(q: Queryable, values: typeof measureEvents.$inferInsert) {
  await q.insert(measureEvents).values(values);
}

export function eventsOf(q: Queryable, measureIds: string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: measureEvents.id,
      measureId: measureEvents.measureId,
      kind: measureEvents.kind,
      detail: measureEvents.detail,
      at: measureEvents.at,
      byName: users.fullName,
      byOrganisationId: measureEvents.organisationId,
      byOrganisationName: organisations.name,
    })
    .from(measureEvents)
    .leftJoin(users, eq(users.id, measureEvents.userId))
    .leftJoin(organisations, eq(organisations.id, measureEvents.organisationId))
    .where(inArray(measureEvents.measureId, measureIds))
    .orderBy(asc(measureEvents.seq));
}

/** The household's other measures that count for the sequencing rule: their scheme and end. */
export const sequencingHistory = (q: Queryable, householdId: string) =>
  q
    .select({ scheme: measureSchemes.code, endedOn: measures.endedOn })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(and(eq(measures.householdId, householdId), inArray(measures.status, ['active', 'ended'])));

/** Whether the user is a social worker of the organisation (who may be a measure's référent). */
export const isSocialWorkerOf = async (q: Queryable, userId: string, organisationId: string) =>
  (await activeMemberName(q, userId, organisationId, ['caseworker', 'team_manager'])) !== null;

export async function userName(q: Queryable, userId: string) {
  const [row] = await q.select({ name: users.fullName }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}

/** Measures that hold a caseworker's time: from prescription until they end. */
export const HOLDING: MeasureStatus[] = ['prescribed', 'validated', 'active'];
/** Schemes that count in a caseworker's access load (the others in the maintenance load). */
export const accessKinds = sql<boolean>`${measureSchemes.kind} in ('access', 'access_or_maintenance', 'rental_management')`;

/**
 * Households each social worker of the organisation follows, on access and on maintenance measures
 * (a household counts once per kind however many measures it has), with their capacities.
 */
export async function caseloads(q: Queryable, organisationId: string) {
  const loads = q
    .select({
      userId: measures.caseworkerUserId,
      access: sql<number>`count(distinct ${measures.householdId}) filter (where ${accessKinds})`.as('access'),
      maintenance:
        sql<number>`count(distinct ${measures.householdId}) filter (where not (${accessKinds}))`.as(
          'maintenance',
        ),
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(and(eq(measures.operatorOrganisationId, organisationId), inArray(measures.status, HOLDING)))
    .groupBy(measures.caseworkerUserId)
    .as('loads');
  const own = aliasedTable(caseloadCapacities, 'own');
  const fallback = aliasedTable(caseloadCapacities, 'fallback');
  return q
    .selectDistinctOn([users.fullName, users.id], {
      userId: users.id,
      name: users.fullName,
      accessHouseholds: sql<number>`coalesce(${loads.access}, 0)::int`,
      maintenanceHouseholds: sql<number>`coalesce(${loads.maintenance}, 0)::int`,
      accessCapacity: sql<number>`coalesce(${own.accessCapacity}, ${fallback.accessCapacity}, 20)::int`,
      maintenanceCapacity: sql<number>`coalesce(${own.maintenanceCapacity}, ${fallback.maintenanceCapacity}, 16)::int`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(loads, eq(loads.userId, users.id))
    .leftJoin(own, and(eq(own.organisationId, organisationId), eq(own.userId, users.id)))
    .leftJoin(fallback, and(eq(fallback.organisationId, organisationId), sql`${fallback.userId} is null`))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ['caseworker', 'team_manager']),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id));
}

export async function setCapacity(
  q: Queryable,
  input: {
    organisationId: string;
    userId: string;
    accessCapacity: number;
    maintenanceCapacity: number;
    at: Date;
  },
) {
  await q
    .insert(caseloadCapacities)
    .values({ ...input, updatedAt: input.at })
    .onConflictDoUpdate({
      target: [caseloadCapacities.organisationId, caseloadCapacities.userId],
      targetWhere: sql`${caseloadCapacities.userId} is not null`,
      set: {
        accessCapacity: input.accessCapacity,
        maintenanceCapacity: input.maintenanceCapacity,
        updatedAt: input.at,
      },
    });
}

/** Funded measures by scheme and operator, running or validated and waiting to start. */
export const fundedCounts = (q: Queryable, funderOrganisationId: string) =>
  q
    .select({
      schemeName: measureSchemes.name,
      operatorName: operator.name,
      active: sql<number>`(count(*) filter (where ${measures.status} = 'active'))::int`,
      validated: sql<number>`(count(*) filter (where ${measures.status} = 'validated'))::int`,
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .innerJoin(operator, eq(operator.id, measures.operatorOrganisationId))
    .where(
      and(
        eq(measureSchemes.funderOrganisationId, funderOrganisationId),
        inArray(measures.status, ['validated', 'active']),
      ),
    )
    .groupBy(measureSchemes.name, operator.name)
    .orderBy(asc(measureSchemes.name), asc(operator.name));

/** What each funded measure spans, for the programmes' consumption. */
export const fundedSpans = (q: Queryable, funderOrganisationId: string) =>
  q
    .select({
      schemeId: measures.schemeId,
      startOn: measures.startOn,
      plannedEndOn: measures.plannedEndOn,
      endedOn: measures.endedOn,
      initialMonths: measures.initialMonths,
      decidedOn: measures.decidedOn,
      costs: measureSchemeVersions.costs,
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .innerJoin(measureSchemeVersions, eq(measureSchemeVersions.id, measures.schemeVersionId))
    .where(
      and(
        eq(measureSchemes.funderOrganisationId, funderOrganisationId),
        inArray(measures.status, ['validated', 'active', 'ended']),
      ),
    );

const sender = aliasedTable(organisations, 'sender');
const receiver = aliasedTable(organisations, 'receiver');

/** The referrals of the households whose measures the funder pays for, latest first. */
export const referralsBehind = (q: Queryable, funderOrganisationId: string) =>
  q
    .selectDistinctOn([referrals.createdAt, referrals.id], {
      householdId: referrals.householdId,
      fileNumber: households.fileNumber,
      kind: referrals.kind,
      fromOrganisationName: sender.name,
      toOrganisationName: receiver.name,
      sentAt: referrals.createdAt,
      status: referrals.status,
      schemeName: measureSchemes.name,
    })
    .from(referrals)
    .innerJoin(measures, eq(measures.householdId, referrals.householdId))
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .innerJoin(households, eq(households.id, referrals.householdId))
    .innerJoin(sender, eq(sender.id, referrals.fromOrganisationId))
    .innerJoin(receiver, eq(receiver.id, referrals.toOrganisationId))
    .where(
      and(
        eq(measureSchemes.funderOrganisationId, funderOrganisationId),
        inArray(measures.status, ['prescribed', 'validated', 'active', 'ended']),
      ),
    )
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(100);

/** What a measure's support contract states of it, and who runs it (null when unknown in the household). */
export async function measureForContract(q: Queryable, householdId: string, measureId: string) {
  const r = await findMeasure(q, householdId, measureId);
  if (!r) return null;
  const m = r.measure;
  return {
    id: m.id,
    householdId: m.householdId,
    status: m.status,
    schemeName: r.schemeName,
    schemeKind: r.schemeKind,
    funderName: r.funderName,
    operatorOrganisationId: m.operatorOrganisationId,
    operatorName: r.operatorName,
    caseworkerName: r.caseworkerName,
    initialMonths: m.initialMonths,
    totalMonths: m.totalMonths,
    startOn: m.startOn,
    plannedEndOn: m.plannedEndOn,
    occupancy: m.occupancy,
    referentielVersion: m.referentielVersion,
    briques: m.briques,
    visitsPerMonth: m.visitsPerMonth,
  };
}
export type MeasureForContract = NonNullable<Awaited<ReturnType<typeof measureForContract>>>;

/** The incidents reported during the watches of a household's measures, latest first. */
export function incidentsOf(q: Queryable, householdId: string, incidentId?: string) {
  return q
    .select({
      incident: watchIncidents,
      schemeName: measureSchemes.name,
      operatorOrganisationId: measures.operatorOrganisationId,
      reportedByName: users.fullName,
      reportedByOrganisationName: organisations.name,
    })
    .from(watchIncidents)
    .innerJoin(measures, eq(measures.id, watchIncidents.measureId))
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .leftJoin(users, eq(users.id, watchIncidents.reportedByUserId))
    .leftJoin(organisations, eq(organisations.id, watchIncidents.reportedByOrganisationId))
    .where(
      and(
        eq(watchIncidents.householdId, householdId),
        incidentId ? eq(watchIncidents.id, incidentId) : undefined,
      ),
    )
    .orderBy(desc(watchIncidents.reportedAt), desc(watchIncidents.id));
}
export type IncidentRecord = Awaited<ReturnType<typeof incidentsOf>>[number];

export async function insertIncident(q: Queryable, values: typeof watchIncidents.$inferInsert) {
  const [row] = await q.insert(watchIncidents).values(values).returning({ id: watchIncidents.id });
  return row!.id;
}

/** Links the incident to the measure it reopened, unless one was already (false then). */
export async function markIncidentReopened(q: Queryable, incidentId: string, measureId: string) {
  const rows = await q
    .update(watchIncidents)
    .set({ reopenedMeasureId: measureId })
    .where(and(eq(watchIncidents.id, incidentId), sql`${watchIncidents.reopenedMeasureId} is null`))
    .returning({ id: watchIncidents.id });
  return rows.length > 0;
}

/** The measures' dates of a page of households (every list page reads it). */
function prepareMeasureDates(q: Queryable) {
  return q
    .select({
      householdId: measures.householdId,
      startOn: measures.startOn,
      endedOn: measures.endedOn,
      watchMonths: measures.watchMonths,
    })
    .from(measures)
    .where(sql`${measures.householdId} = any(${sql.placeholder('householdIds')}::uuid[])`)
    .prepare('measure_dates_of_households');
}

const measureDates = preparedPerHandle(prepareMeasureDates);

/**
 * The dates the watch status reads of every measure of the given households, in one query: what
 * the household list shows (« En veille jusqu'au … ») for a page of households.
 */
export async function measureDatesOf(q: Queryable, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  return measureDates(q).execute({ householdIds: [...householdIds] });
}
