import { aliasedTable, and, asc, eq, gte, inArray, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { diagnostics, diagnosticShares } from '../diagnostics/schema.ts';
import { householdParties, households } from '../households/schema.ts';
import { partyIsCurrent } from '../households/index.ts';
import { measures, measureSchemes } from '../measures/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { referrals } from '../referrals/schema.ts';
import { users } from '../identity/schema.ts';
import {
  committeeMeetings,
  committeeMembers,
  committeePeople,
  committees,
  meetingDecisions,
  meetingItems,
} from './schema.ts';

/** Committees the organisation convenes or sits on (only that one when a committee is given). */
export async function committeesOf(q: Queryable, organisationId: string, committeeId?: string) {
  const member = q
    .select({ id: committeeMembers.committeeId })
    .from(committeeMembers)
    .where(eq(committeeMembers.organisationId, organisationId));
  return q
    .select({
      committee: committees,
      conveningOrganisationName: organisations.name,
      territoryName: territories.name,
    })
    .from(committees)
    .innerJoin(organisations, eq(organisations.id, committees.organisationId))
    .leftJoin(territories, eq(territories.id, committees.territoryId))
    .where(
      and(
        or(eq(committees.organisationId, organisationId), inArray(committees.id, member)),
        committeeId ? eq(committees.id, committeeId) : undefined,
      ),
    )
    .orderBy(asc(committees.name));
}

/** Meetings starting between two instants, of the committees the organisation convenes or sits on. */
export function meetingsOfOrganisationBetween(
  q: Queryable,
  input: { organisationId: string; from: Date; until: Date },
) {
  const member = q
    .select({ id: committeeMembers.committeeId })
    .from(committeeMembers)
    .where(eq(committeeMembers.organisationId, input.organisationId));
  return q
    .select({
      id: committeeMeetings.id,
      committeeName: committees.name,
      startsAt: committeeMeetings.startsAt,
      durationMinutes: committeeMeetings.durationMinutes,
      location: committeeMeetings.location,
    })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(
      and(
        or(eq(committees.organisationId, input.organisationId), inArray(committees.id, member)),
        gte(committeeMeetings.startsAt, input.from),
        lt(committeeMeetings.startsAt, input.until),
      ),
    )
    .orderBy(asc(committeeMeetings.startsAt));
}

export async function findCommittee(q: Queryable, committeeId: string) {
  const [row] = await q.select().from(committees).where(eq(committees.id, committeeId));
  return row ?? null;
}

export function membersOf(q: Queryable, committeeIds: string[]) {
  if (committeeIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      committeeId: committeeMembers.committeeId,
      organisationId: committeeMembers.organisationId,
      name: organisations.name,
    })
    .from(committeeMembers)
    .innerJoin(organisations, eq(organisations.id, committeeMembers.organisationId))
    .where(inArray(committeeMembers.committeeId, committeeIds))
    .orderBy(asc(organisations.name));
}

/** Who sits on the committees, by organisation then name; with the e-mail of those who have an account. */
export function peopleOf(q: Queryable, committeeIds: string[]) {
  if (committeeIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: committeePeople.id,
      committeeId: committeePeople.committeeId,
      organisationId: committeePeople.organisationId,
      organisationName: organisations.name,
      userId: committeePeople.userId,
      email: users.email,
      fullName: committeePeople.fullName,
      function: committeePeople.function,
    })
    .from(committeePeople)
    .innerJoin(organisations, eq(organisations.id, committeePeople.organisationId))
    .leftJoin(users, eq(users.id, committeePeople.userId))
    .where(inArray(committeePeople.committeeId, committeeIds))
    .orderBy(asc(organisations.name), asc(committeePeople.fullName));
}
export type CommitteePersonRecord = Awaited<ReturnType<typeof peopleOf>>[number];

export async function addMember(q: Queryable, committeeId: string, organisationId: string) {
  await q.insert(committeeMembers).values({ committeeId, organisationId }).onConflictDoNothing();
}

/** Removes a member organisation and the people who sat for it; false when it was not a member. */
export async function removeMember(q: Queryable, committeeId: string, organisationId: string) {
  const removed = await q
    .delete(committeeMembers)
    .where(
      and(eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.organisationId, organisationId)),
    )
    .returning({ organisationId: committeeMembers.organisationId });
  await q
    .delete(committeePeople)
    .where(
      and(eq(committeePeople.committeeId, committeeId), eq(committeePeople.organisationId, organisationId)),
    );
  return removed.length > 0;
}

/** Adds a person; false when that user already sits on the committee. */
export async function insertPerson(q: Queryable, values: typeof committeePeople.$inferInsert) {
  const rows = await q
    .insert(committeePeople)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: committeePeople.id });
  return rows.length > 0;
}

export async function findPerson(q: Queryable, committeeId: string, personId: string) {
  const [row] = await q
    .select()
    .from(committeePeople)
    .where(and(eq(committeePeople.committeeId, committeeId), eq(committeePeople.id, personId)));
  return row ?? null;
}

export async function deletePerson(q: Queryable, committeeId: string, personId: string) {
  const rows = await q
    .delete(committeePeople)
    .where(and(eq(committeePeople.committeeId, committeeId), eq(committeePeople.id, personId)))
    .returning({ fullName: committeePeople.fullName });
  return rows[0] ?? null;
}

export function meetingsOf(q: Queryable, committeeIds: string[]) {
  if (committeeIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: committeeMeetings.id,
      committeeId: committeeMeetings.committeeId,
      startsAt: committeeMeetings.startsAt,
      location: committeeMeetings.location,
      // A join, not a correlated subquery: Drizzle leaves a single-table select's columns unqualified,
      // and "meeting_id" = "id" inside the subquery would compare two columns of the items.
      items: sql<number>`count(${meetingItems.id})::int`,
    })
    .from(committeeMeetings)
    .leftJoin(meetingItems, eq(meetingItems.meetingId, committeeMeetings.id))
    .where(inArray(committeeMeetings.committeeId, committeeIds))
    .groupBy(committeeMeetings.id)
    .orderBy(asc(committeeMeetings.startsAt));
}

export async function insertCommittee(
  q: Queryable,
  values: typeof committees.$inferInsert,
  memberOrganisationIds: string[],
) {
  const [row] = await q.insert(committees).values(values).returning({ id: committees.id });
  if (memberOrganisationIds.length > 0)
    await q
      .insert(committeeMembers)
      .values(memberOrganisationIds.map((organisationId) => ({ committeeId: row!.id, organisationId })));
  return row!.id;
}

export async function existingOrganisations(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return (
    await q.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))
  ).map((r) => r.id);
}

export async function insertMeeting(q: Queryable, values: typeof committeeMeetings.$inferInsert) {
  const [row] = await q.insert(committeeMeetings).values(values).returning({ id: committeeMeetings.id });
  return row!.id;
}

export async function findMeeting(q: Queryable, meetingId: string) {
  const [row] = await q
    .select({ meeting: committeeMeetings, committee: committees })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(eq(committeeMeetings.id, meetingId));
  return row ?? null;
}
export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function isMember(q: Queryable, committeeId: string, organisationId: string) {
  const [row] = await q
    .select({ id: committeeMembers.committeeId })
    .from(committeeMembers)
    .where(
      and(eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.organisationId, organisationId)),
    );
  return row !== undefined;
}

const addedBy = aliasedTable(organisations, 'added_by');

/**
 * The meeting's items, with what the reader's organisation may know of each: whether it is a
 * current party to the household, and whether the diagnostic presented was shared with it in its
 * committee version.
 */
export function itemsOf(q: Queryable, meetingId: string, readerOrganisationId: string, at: Date) {
  const party = sql<boolean>`exists (select 1 from ${householdParties} where ${and(
    eq(householdParties.householdId, meetingItems.householdId),
    eq(householdParties.organisationId, readerOrganisationId),
    partyIsCurrent(at),
  )})`;
  const committeeShare = sql<boolean>`exists (select 1 from ${diagnosticShares} where ${and(
    sql`${diagnosticShares.diagnosticId} = ${meetingItems.referenceId}`,
    eq(diagnosticShares.organisationId, readerOrganisationId),
    eq(diagnosticShares.audience, 'committee'),
  )})`;
  return q
    .select({
      item: meetingItems,
      fileNumber: households.fileNumber,
      addedByName: addedBy.name,
      party,
      committeeShare,
      decision: meetingDecisions,
      measureSchemeId: measures.schemeId,
      measureSchemeName: measureSchemes.name,
      measureOperatorId: measures.operatorOrganisationId,
      measureStatus: measures.status,
      measurePlannedEndOn: measures.plannedEndOn,
    })
    .from(meetingItems)
    .innerJoin(households, eq(households.id, meetingItems.householdId))
    .innerJoin(addedBy, eq(addedBy.id, meetingItems.addedByOrganisationId))
    .leftJoin(meetingDecisions, eq(meetingDecisions.itemId, meetingItems.id))
    .leftJoin(measures, eq(measures.id, meetingItems.referenceId))
    .leftJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(eq(meetingItems.meetingId, meetingId))
    .orderBy(asc(meetingItems.position));
}
export type ItemRecord = Awaited<ReturnType<typeof itemsOf>>[number];

export async function findItem(q: Queryable, meetingId: string, itemId: string) {
  const [row] = await q
    .select({
      item: meetingItems,
      decisionId: meetingDecisions.id,
      measureStatus: measures.status,
      measureSchemeId: measures.schemeId,
      measureOperatorId: measures.operatorOrganisationId,
    })
    .from(meetingItems)
    .leftJoin(meetingDecisions, eq(meetingDecisions.itemId, meetingItems.id))
    .leftJoin(measures, eq(measures.id, meetingItems.referenceId))
    .where(and(eq(meetingItems.id, itemId), eq(meetingItems.meetingId, meetingId)));
  return row ?? null;
}

export async function insertItem(q: Queryable, values: Omit<typeof meetingItems.$inferInsert, 'position'>) {
  const [row] = await q
    .insert(meetingItems)
    .values({
      ...values,
      position: sql`(select coalesce(max(${meetingItems.position}), 0) + 1 from ${meetingItems} where ${meetingItems.meetingId} = ${values.meetingId})`,
    })
    .returning({ id: meetingItems.id });
  return row!.id;
}

export async function setPresence(
  q: Queryable,
  itemId: string,
  presence: (typeof meetingItems.$inferSelect)['householdPresence'],
) {
  await q.update(meetingItems).set({ householdPresence: presence }).where(eq(meetingItems.id, itemId));
}

/** Records the decision; false when the item already has one (two coordinators at once). */
export async function insertDecision(q: Queryable, values: typeof meetingDecisions.$inferInsert) {
  const rows = await q
    .insert(meetingDecisions)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: meetingDecisions.id });
  return rows.length > 0;
}

/** Serialises the decisions on one item. */
export const lockItem = (q: Queryable, itemId: string) =>
  q.execute(sql`select id from ${meetingItems} where ${meetingItems.id} = ${itemId} for update`);

/** Not yet on one of this committee's agendas. */
const notOnAgenda = (committeeId: string, reference: ReturnType<typeof sql>) =>
  notExists(
    sql`(select 1 from ${meetingItems} inner join ${committeeMeetings} on ${committeeMeetings.id} = ${meetingItems.meetingId} where ${committeeMeetings.committeeId} = ${committeeId} and ${meetingItems.referenceId} = ${reference})`,
  );

/** Households the member organisations are current parties to. */
const followedByMembers = (orgIds: string[], at: Date, householdId: ReturnType<typeof sql>) =>
  sql`exists (select 1 from ${householdParties} where ${householdParties.householdId} = ${householdId} and ${inArray(
    householdParties.organisationId,
    orgIds,
  )} and ${partyIsCurrent(at)})`;

/**
 * What waits for the committee, among the households its members follow: accepted referrals,
 * approved diagnostics, proposed measures, measures ending within two months of the meeting and
 * those past their planned end (to close),
 * each not yet presented to this committee.
 */
export async function waitingFor(
  q: Queryable,
  input: { committeeId: string; memberOrganisationIds: string[]; meetingDay: string; at: Date },
) {
  const orgs = input.memberOrganisationIds;
  if (orgs.length === 0) return { referrals: [], diagnostics: [], measures: [] };
  const horizon = sql`(${input.meetingDay}::date + interval '2 months')::date`;
  const [waitingReferrals, waitingDiagnostics, waitingMeasures] = await Promise.all([
    q
      .select({
        id: referrals.id,
        householdId: referrals.householdId,
        kind: referrals.kind,
        fileNumber: households.fileNumber,
      })
      .from(referrals)
      .innerJoin(households, eq(households.id, referrals.householdId))
      .where(
        and(
          inArray(referrals.toOrganisationId, orgs),
          inArray(referrals.status, ['accepted', 'case_opened']),
          notOnAgenda(input.committeeId, sql`${referrals.id}`),
        ),
      )
      .limit(50),
    q
      .select({ id: diagnostics.id, householdId: diagnostics.householdId, fileNumber: households.fileNumber })
      .from(diagnostics)
      .innerJoin(households, eq(households.id, diagnostics.householdId))
      .where(
        and(
          inArray(diagnostics.status, ['approved', 'shared']),
          followedByMembers(orgs, input.at, sql`${diagnostics.householdId}`),
          notOnAgenda(input.committeeId, sql`${diagnostics.id}`),
        ),
      )
      .limit(50),
    q
      .select({
        id: measures.id,
        householdId: measures.householdId,
        status: measures.status,
        plannedEndOn: measures.plannedEndOn,
        schemeName: measureSchemes.name,
        fileNumber: households.fileNumber,
      })
      .from(measures)
      .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
      .innerJoin(households, eq(households.id, measures.householdId))
      .where(
        and(
          inArray(measures.operatorOrganisationId, orgs),
          or(
            eq(measures.status, 'proposed'),
            and(eq(measures.status, 'active'), lte(measures.plannedEndOn, horizon)),
          ),
          notOnAgenda(input.committeeId, sql`${measures.id}`),
        ),
      )
      .orderBy(asc(measures.plannedEndOn))
      .limit(50),
  ]);
  return { referrals: waitingReferrals, diagnostics: waitingDiagnostics, measures: waitingMeasures };
}

/** What an item's reference is, checked against its household. */
export async function referenceOf(q: Queryable, householdId: string, referenceId: string) {
  const [referral] = await q
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.id, referenceId), eq(referrals.householdId, householdId)));
  if (referral) return { kind: 'referral' as const };
  const [diagnostic] = await q
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, referenceId), eq(diagnostics.householdId, householdId)));
  if (diagnostic) return { kind: 'diagnostic' as const };
  const [measure] = await q
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.id, referenceId), eq(measures.householdId, householdId)));
  if (measure) return { kind: 'measure' as const };
  return null;
}

export async function territoryExists(q: Queryable, territoryId: string) {
  const [row] = await q
    .select({ id: territories.id })
    .from(territories)
    .where(eq(territories.id, territoryId));
  return row !== undefined;
}
