import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { householdMembers, households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { workshopInvitations, workshops } from './schema.ts';

export type WorkshopRow = typeof workshops.$inferSelect;

const invitedCount = sql<number>`(select count(*)::int from ${workshopInvitations} where ${workshopInvitations.workshopId} = ${workshops.id})`;
const presentCount = sql<number>`(select count(*)::int from ${workshopInvitations} where ${workshopInvitations.workshopId} = ${workshops.id} and ${workshopInvitations.attendance} = 'present')`;

export interface WorkshopListed {
  workshop: WorkshopRow;
  invitedCount: number;
  presentCount: number;
}

/** An organisation's workshops, the latest first. */
export function organisationWorkshops(q: Queryable, organisationId: string): Promise<WorkshopListed[]> {
  return q
    .select({ workshop: workshops, invitedCount, presentCount })
    .from(workshops)
    .where(eq(workshops.organisationId, organisationId))
    .orderBy(desc(workshops.startsAt));
}

export async function findWorkshop(q: Queryable, workshopId: string): Promise<WorkshopListed | null> {
  const [row] = await q
    .select({ workshop: workshops, invitedCount, presentCount })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  return row ?? null;
}

export async function insertWorkshop(q: Queryable, values: typeof workshops.$inferInsert): Promise<string> {
  const [row] = await q.insert(workshops).values(values).returning({ id: workshops.id });
  return row!.id;
}

/** Writes the change at the version read; false when someone changed it meanwhile. */
export async function updateWorkshop(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof workshops.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(workshops)
    .set({ ...input.values, rowVersion: sql`${workshops.rowVersion} + 1` })
    .where(and(eq(workshops.id, input.id), eq(workshops.rowVersion, input.rowVersion)))
    .returning({ id: workshops.id });
  return rows.length > 0;
}

/** The household's family name: its reference person's (or first member's) last name. */
const familyName = sql<string>`coalesce((select ${householdMembers.lastName} from ${householdMembers}
  where ${householdMembers.householdId} = ${workshopInvitations.householdId}
  order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} asc limit 1), '')`;

/** The households invited, with their file number and family name, in file order. */
export function invitationsOf(q: Queryable, workshopId: string) {
  return q
    .select({
      householdId: workshopInvitations.householdId,
      attendance: workshopInvitations.attendance,
      journalEntryId: workshopInvitations.journalEntryId,
      fileNumber: households.fileNumber,
      familyName,
    })
    .from(workshopInvitations)
    .innerJoin(households, eq(households.id, workshopInvitations.householdId))
    .where(eq(workshopInvitations.workshopId, workshopId))
    .orderBy(asc(households.fileNumber));
}
export type InvitationRow = Awaited<ReturnType<typeof invitationsOf>>[number];

/** Invites the households not invited yet; drops those left out that have not come. */
export async function replaceInvitations(q: Queryable, workshopId: string, householdIds: string[]) {
  const kept = householdIds.length > 0 ? [notInArray(workshopInvitations.householdId, householdIds)] : [];
  await q
    .delete(workshopInvitations)
    .where(
      and(
        eq(workshopInvitations.workshopId, workshopId),
        sql`${workshopInvitations.journalEntryId} is null`,
        ...kept,
      ),
    );
  if (householdIds.length > 0)
    await q
      .insert(workshopInvitations)
      .values(householdIds.map((householdId) => ({ workshopId, householdId })))
      .onConflictDoNothing();
}

export async function setAttendance(
  q: Queryable,
  workshopId: string,
  householdId: string,
  values: Partial<typeof workshopInvitations.$inferInsert>,
) {
  await q
    .update(workshopInvitations)
    .set(values)
    .where(
      and(eq(workshopInvitations.workshopId, workshopId), eq(workshopInvitations.householdId, householdId)),
    );
}

export async function userNames(q: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
