import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { users } from '../identity/schema.ts';
import { permanenceSlots, permanenceVisits } from './schema.ts';

export type SlotRow = typeof permanenceSlots.$inferSelect;
export type VisitRow = typeof permanenceVisits.$inferSelect;

/** An organisation's slots: open ones first, then by weekday and hour. */
export function organisationSlots(q: Queryable, organisationId: string): Promise<SlotRow[]> {
  return q
    .select()
    .from(permanenceSlots)
    .where(eq(permanenceSlots.organisationId, organisationId))
    .orderBy(
      asc(permanenceSlots.status),
      asc(permanenceSlots.weekday),
      asc(permanenceSlots.startTime),
      asc(permanenceSlots.place),
    );
}

export async function findSlot(q: Queryable, slotId: string): Promise<SlotRow | null> {
  const [row] = await q.select().from(permanenceSlots).where(eq(permanenceSlots.id, slotId));
  return row ?? null;
}

export async function insertSlot(q: Queryable, values: typeof permanenceSlots.$inferInsert): Promise<string> {
  const [row] = await q.insert(permanenceSlots).values(values).returning({ id: permanenceSlots.id });
  return row!.id;
}

/** Writes the change at the version read; false when someone changed it meanwhile. */
export async function updateSlot(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof permanenceSlots.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(permanenceSlots)
    .set({ ...input.values, rowVersion: sql`${permanenceSlots.rowVersion} + 1` })
    .where(and(eq(permanenceSlots.id, input.id), eq(permanenceSlots.rowVersion, input.rowVersion)))
    .returning({ id: permanenceSlots.id });
  return rows.length > 0;
}

/** The visits of an organisation's occurrences between two Paris days, in the order they came. */
export function visitsBetween(q: Queryable, organisationId: string, fromDay: string, untilDay: string) {
  return q
    .select()
    .from(permanenceVisits)
    .where(
      and(
        eq(permanenceVisits.organisationId, organisationId),
        gte(permanenceVisits.occurrenceDate, fromDay),
        lte(permanenceVisits.occurrenceDate, untilDay),
      ),
    )
    .orderBy(asc(permanenceVisits.occurredAt));
}

export async function findVisit(q: Queryable, visitId: string): Promise<VisitRow | null> {
  const [row] = await q.select().from(permanenceVisits).where(eq(permanenceVisits.id, visitId));
  return row ?? null;
}

export async function insertVisit(
  q: Queryable,
  values: typeof permanenceVisits.$inferInsert,
): Promise<string> {
  const [row] = await q.insert(permanenceVisits).values(values).returning({ id: permanenceVisits.id });
  return row!.id;
}

export async function updateVisit(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof permanenceVisits.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(permanenceVisits)
    .set({ ...input.values, rowVersion: sql`${permanenceVisits.rowVersion} + 1` })
    .where(and(eq(permanenceVisits.id, input.id), eq(permanenceVisits.rowVersion, input.rowVersion)))
    .returning({ id: permanenceVisits.id });
  return rows.length > 0;
}

/**
 * Claims the visit's conversion, at the version read: only one claim succeeds, a concurrent one
 * waits on the row and then finds it taken. Returns false when the visit changed or was converted.
 */
export async function claimConversion(
  q: Queryable,
  input: { id: string; rowVersion: number; to: 'referral' | 'household'; at: Date; userId: string },
): Promise<boolean> {
  const rows = await q
    .update(permanenceVisits)
    .set({
      convertedTo: input.to,
      convertedAt: input.at,
      convertedByUserId: input.userId,
      updatedAt: input.at,
      rowVersion: sql`${permanenceVisits.rowVersion} + 1`,
    })
    .where(
      and(
        eq(permanenceVisits.id, input.id),
        eq(permanenceVisits.rowVersion, input.rowVersion),
        isNull(permanenceVisits.convertedAt),
      ),
    )
    .returning({ id: permanenceVisits.id });
  return rows.length > 0;
}

/** Links the converted visit to what it became (no new version: the claim made it). */
export async function linkConversion(
  q: Queryable,
  visitId: string,
  links: { householdId: string; referralId: string | null; journalEntryId: string | null },
): Promise<void> {
  await q.update(permanenceVisits).set(links).where(eq(permanenceVisits.id, visitId));
}

export async function userNames(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
