import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Sensitivity } from '../../shared/contracts/household-enums.ts';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { householdNotes } from './schema.ts';

export async function insertNote(
  q: Queryable,
  input: {
    householdId: string;
    body: string;
    sensitivity: Sensitivity;
    userId: string;
    organisationId: string;
    at: Date;
  },
): Promise<string> {
  const [row] = await q
    .insert(householdNotes)
    .values({
      householdId: input.householdId,
      body: input.body,
      sensitivity: input.sensitivity,
      authorUserId: input.userId,
      authorOrganisationId: input.organisationId,
      createdAt: input.at,
    })
    .returning({ id: householdNotes.id });
  return row!.id;
}

/** Notes of the given sensitivities only: the filter is in SQL, not after the fact. */
export async function noteRows(q: Queryable, householdId: string, sensitivities: readonly Sensitivity[]) {
  if (sensitivities.length === 0) return [];
  return q
    .select({
      id: householdNotes.id,
      body: householdNotes.body,
      sensitivity: householdNotes.sensitivity,
      authorName: users.fullName,
      organisationName: organisations.name,
      createdAt: householdNotes.createdAt,
    })
    .from(householdNotes)
    .leftJoin(users, eq(users.id, householdNotes.authorUserId))
    .leftJoin(organisations, eq(organisations.id, householdNotes.authorOrganisationId))
    .where(
      and(
        eq(householdNotes.householdId, householdId),
        inArray(householdNotes.sensitivity, [...sensitivities]),
      ),
    )
    .orderBy(desc(householdNotes.createdAt));
}
