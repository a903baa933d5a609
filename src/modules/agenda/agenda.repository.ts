import { and, asc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { ROLE_GROUPS } from '../../shared/access/role-groups.ts';
import { householdVisibleTo } from '../households/index.ts';
import { activeMembersWithRoles } from '../identity/index.ts';
import { householdMembers, households } from '../households/schema.ts';
import { memberships, users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { agendaFeeds, appointmentParticipants, appointments } from './schema.ts';

/** The household's family name: its reference person's (or first member's) last name. */
const familyName = sql<string | null>`(select ${householdMembers.lastName} from ${householdMembers}
  where ${householdMembers.householdId} = ${appointments.householdId}
  order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} asc limit 1)`;

const appointmentColumns = {
  appointment: appointments,
  organisationName: organisations.name,
  fileNumber: households.fileNumber,
  familyName,
  communeName: territories.name,
};

function appointmentsWhere(q: Queryable, condition: SQL | undefined) {
  return q
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .leftJoin(households, eq(households.id, appointments.householdId))
    .leftJoin(territories, eq(territories.id, households.residenceCommuneId))
    .where(condition)
    .orderBy(asc(appointments.startsAt));
}
type AppointmentRow = Awaited<ReturnType<typeof appointmentsWhere>>[number];

export interface Participant {
  appointmentId: string;
  userId: string | null;
  memberId: string | null;
  organisationId: string | null;
  name: string;
}
export type AppointmentRecord = AppointmentRow & { participants: Participant[] };

async function withParticipants(q: Queryable, rows: AppointmentRow[]): Promise<AppointmentRecord[]> {
  if (rows.length === 0) return [];
  const p = appointmentParticipants;
  const people = await q
    .select({
      appointmentId: p.appointmentId,
      userId: p.userId,
      memberId: p.memberId,
      organisationId: p.organisationId,
      name: sql<string>`coalesce(${users.fullName}, ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}, ${organisations.name})`,
    })
    .from(p)
    .leftJoin(users, eq(users.id, p.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, p.memberId))
    .leftJoin(organisations, eq(organisations.id, p.organisationId))
    .where(
      inArray(
        p.appointmentId,
        rows.map((r) => r.appointment.id),
      ),
    )
    .orderBy(asc(sql`3`), asc(p.id));
  return rows.map((r) => ({
    ...r,
    participants: people.filter((x) => x.appointmentId === r.appointment.id),
  }));
}

export async function findAppointment(q: Queryable, appointmentId: string) {
  const [row] = await withParticipants(q, await appointmentsWhere(q, eq(appointments.id, appointmentId)));
  return row ?? null;
}

/** The household's appointments an organisation may read: its own, and those it takes part in. */
export async function householdAppointments(q: Queryable, householdId: string, organisationId: string) {
  const takesPart = sql`exists (select 1 from ${appointmentParticipants} where ${and(
    eq(appointmentParticipants.appointmentId, appointments.id),
    eq(appointmentParticipants.organisationId, organisationId),
  )})`;
  return withParticipants(
    q,
    await appointmentsWhere(
      q,
      and(
        eq(appointments.householdId, householdId),
        or(eq(appointments.organisationId, organisationId), takesPart),
      ),
    ),
  );
}

const attends = (userId: string) =>
  sql`exists (select 1 from ${appointmentParticipants} where ${and(
    eq(appointmentParticipants.appointmentId, appointments.id),
    eq(appointmentParticipants.userId, userId),
  )})`;
const startsBetween = (from: Date, until: Date) =>
  and(lt(appointments.startsAt, until), sql`${appointments.endsAt} > ${from}`);

/**
 * A person's appointments with the organisation between two instants, on households the
 * organisation is still a party to (or none).
 */
export async function appointmentsOfUser(
  q: Queryable,
  input: { userId: string; organisationId: string; from: Date; until: Date; at: Date },
) {
  return withParticipants(
    q,
    await appointmentsWhere(
      q,
      and(
        eq(appointments.organisationId, input.organisationId),
        attends(input.userId),
        startsBetween(input.from, input.until),
        or(isNull(appointments.householdId), householdVisibleTo(input.organisationId, input.at)),
      ),
    ),
  );
}

/** Planned appointments of these people overlapping a slot (but the one being edited). */
export function overlapping(
  q: Queryable,
  input: { userIds: string[]; startsAt: Date; endsAt: Date; except: string | null },
) {
  if (input.userIds.length === 0) return Promise.resolve([]);
  return q
    .select({ userName: users.fullName, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .innerJoin(appointmentParticipants, eq(appointmentParticipants.appointmentId, appointments.id))
    .innerJoin(users, eq(users.id, appointmentParticipants.userId))
    .where(
      and(
        inArray(appointmentParticipants.userId, input.userIds),
        eq(appointments.status, 'planned'),
        startsBetween(input.startsAt, input.endsAt),
        input.except ? ne(appointments.id, input.except) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * A feed's appointments: the person's, with the organisations it still belongs to, planned or
 * done, in the window.
 */
export function feedAppointments(q: Queryable, input: { userId: string; from: Date; until: Date }) {
  const ownOrganisations = q
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, input.userId));
  return appointmentsWhere(
    q,
    and(
      attends(input.userId),
      inArray(appointments.organisationId, ownOrganisations),
      inArray(appointments.status, ['planned', 'done']),
      startsBetween(input.from, input.until),
    ),
  );
}

export async function insertAppointment(q: Queryable, values: typeof appointments.$inferInsert) {
  const [row] = await q.insert(appointments).values(values).returning({ id: appointments.id });
  return row!.id;
}

/** Writes the change at the version read; false when someone changed it meanwhile. */
export async function updateAppointment(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof appointments.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(appointments)
    .set({ ...input.values, rowVersion: sql`${appointments.rowVersion} + 1` })
    .where(and(eq(appointments.id, input.id), eq(appointments.rowVersion, input.rowVersion)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

export async function setParticipants(
  q: Queryable,
  appointmentId: string,
  people: { userIds: string[]; memberIds: string[]; organisationIds: string[] },
) {
  await q.delete(appointmentParticipants).where(eq(appointmentParticipants.appointmentId, appointmentId));
  const rows = [
    ...people.userIds.map((userId) => ({ appointmentId, userId })),
    ...people.memberIds.map((memberId) => ({ appointmentId, memberId })),
    ...people.organisationIds.map((organisationId) => ({ appointmentId, organisationId })),
  ];
  if (rows.length > 0) await q.insert(appointmentParticipants).values(rows);
}

/** The organisation's people who hold an agenda (social workers and their team leaders), by name. */
export const agendaPeople = (q: Queryable, organisationId: string) =>
  activeMembersWithRoles(q, organisationId, ROLE_GROUPS.socialWork);

export async function membersOfHousehold(q: Queryable, householdId: string) {
  return q
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId));
}

export async function existingOrganisations(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return q.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
}

export async function activeFeedOf(q: Queryable, userId: string) {
  const [row] = await q
    .select()
    .from(agendaFeeds)
    .where(and(eq(agendaFeeds.userId, userId), isNull(agendaFeeds.revokedAt)));
  return row ?? null;
}

export async function revokeFeeds(q: Queryable, userId: string, at: Date) {
  const rows = await q
    .update(agendaFeeds)
    .set({ revokedAt: at })
    .where(and(eq(agendaFeeds.userId, userId), isNull(agendaFeeds.revokedAt)))
    .returning({ id: agendaFeeds.id });
  return rows.map((r) => r.id);
}

export async function insertFeed(q: Queryable, values: typeof agendaFeeds.$inferInsert) {
  const [row] = await q.insert(agendaFeeds).values(values).returning();
  return row!;
}

/** The active feed of a token's hash, with its owner (an active user). */
export async function feedOfToken(q: Queryable, tokenHash: string) {
  const [row] = await q
    .select({ feed: agendaFeeds, userName: users.fullName })
    .from(agendaFeeds)
    .innerJoin(users, eq(users.id, agendaFeeds.userId))
    .where(
      and(eq(agendaFeeds.tokenHash, tokenHash), isNull(agendaFeeds.revokedAt), eq(users.status, 'active')),
    );
  return row ?? null;
}
