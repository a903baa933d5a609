import { and, asc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { canReadJournal, type JournalReader } from '../../shared/access/journal-policy.ts';
import type { JournalKind } from '../../shared/contracts/journal.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { journalEntries, journalEntryChanges } from './schema.ts';

export type JournalRow = typeof journalEntries.$inferSelect;
export type JournalValues = Omit<
  typeof journalEntries.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'rowVersion' | 'status' | 'cancelReason'
>;

const entryColumns = {
  entry: journalEntries,
  authorName: users.fullName,
  authorOrganisationName: organisations.name,
};

function entriesWhere(q: Queryable, condition: SQL | undefined) {
  return q
    .select(entryColumns)
    .from(journalEntries)
    .leftJoin(users, eq(users.id, journalEntries.authorUserId))
    .leftJoin(organisations, eq(organisations.id, journalEntries.authorOrganisationId))
    .where(condition);
}
export type JournalRecord = Awaited<ReturnType<typeof entriesWhere>>[number];

/**
 * SQL form of canReadJournalEntry (src/shared/access/journal-policy.ts): ordinary entries for a
 * reader of the shared file, confidential ones for the social workers of the author's organisation.
 */
function readableBy(reader: JournalReader): SQL | undefined {
  if (!canReadJournal(reader.level)) return sql`false`;
  const ordinary = eq(journalEntries.sensitivity, 'ordinary');
  if (reader.level !== 'caseworker') return ordinary;
  return or(ordinary, eq(journalEntries.authorOrganisationId, reader.organisationId));
}

/** What the timeline's filters ask of the journal's entries (null: no condition). */
export interface TimelineEntryFilter {
  /** The journal kinds asked for; empty: none of them (another source's kinds only). */
  kinds: JournalKind[] | null;
  /** From this instant (the start of the first Paris day), up to this one excluded (after the last). */
  from: Date | null;
  until: Date | null;
  brique: string | null;
  measureId: string | null;
  organisationId: string | null;
}

function timelineFilter(f: TimelineEntryFilter): SQL {
  return (
    and(
      f.kinds === null ? undefined : f.kinds.length ? inArray(journalEntries.kind, f.kinds) : sql`false`,
      f.from ? gte(journalEntries.occurredAt, f.from) : undefined,
      f.until ? lt(journalEntries.occurredAt, f.until) : undefined,
      f.brique ? sql`${f.brique} = any(${journalEntries.briques})` : undefined,
      f.measureId ? eq(journalEntries.measureId, f.measureId) : undefined,
      f.organisationId ? eq(journalEntries.authorOrganisationId, f.organisationId) : undefined,
    ) ?? sql`true`
  );
}

/** The timeline's key of an entry (entryItem's), compared as the timeline compares keys: by code unit. */
const timelineKey = sql`(${'journal:'} || ${journalEntries.id}::text) collate "C"`;

/**
 * A window of the household's timeline in the journal: the entries the reader may see and the
 * filters keep, latest first, ties by id (the timeline's order), after the cursor (its instant and
 * key, of whatever source), at most `limit` — read from journal_entries_household_idx, which holds
 * that order, so that only the window is read.
 */
export function timelineEntries(
  q: Queryable,
  householdId: string,
  reader: JournalReader,
  filter: TimelineEntryFilter,
  window: { after: { at: Date; key: string } | null; limit: number },
) {
  const { after } = window;
  return entriesWhere(
    q,
    and(
      eq(journalEntries.householdId, householdId),
      readableBy(reader),
      timelineFilter(filter),
      after
        ? and(
            lte(journalEntries.occurredAt, after.at),
            or(lt(journalEntries.occurredAt, after.at), sql`${timelineKey} > ${after.key}`),
          )
        : undefined,
    ),
  )
    .orderBy(sql`${journalEntries.occurredAt} desc nulls last`, asc(journalEntries.id))
    .limit(window.limit);
}

/**
 * The authors' organisations of the entries the reader may see in the household, whatever the
 * filters, each with how many of its entries the filters keep: the timeline's author choices and
 * count, in one pass over the household's index entries.
 */
export const timelineEntryCounts = (
  q: Queryable,
  householdId: string,
  reader: JournalReader,
  filter: TimelineEntryFilter,
) =>
  q
    .select({
      organisationId: journalEntries.authorOrganisationId,
      organisationName: organisations.name,
      kept: sql<number>`(count(*) filter (where ${timelineFilter(filter)}))::int`,
    })
    .from(journalEntries)
    .leftJoin(organisations, eq(organisations.id, journalEntries.authorOrganisationId))
    .where(and(eq(journalEntries.householdId, householdId), readableBy(reader)))
    .groupBy(journalEntries.authorOrganisationId, organisations.name);

/** One entry of the household if the reader may see it (null otherwise, like an unknown one). */
export async function findReadableEntry(
  q: Queryable,
  householdId: string,
  entryId: string,
  reader: JournalReader,
): Promise<JournalRecord | null> {
  const [row] = await entriesWhere(
    q,
    and(eq(journalEntries.id, entryId), eq(journalEntries.householdId, householdId), readableBy(reader)),
  );
  return row ?? null;
}

/** The entry a device already sent with this key, whatever its household. */
export async function findByIdempotencyKey(q: Queryable, authorUserId: string, key: string) {
  const [row] = await entriesWhere(
    q,
    and(eq(journalEntries.authorUserId, authorUserId), eq(journalEntries.idempotencyKey, key)),
  );
  return row ?? null;
}

/**
 * Inserts the entry unless the author already sent one with the same key (a concurrent replay waits
 * for the first and inserts nothing): null then.
 */
export async function insertEntry(q: Queryable, values: JournalValues & { createdAt: Date }) {
  const [row] = await q
    .insert(journalEntries)
    .values({ ...values, updatedAt: values.createdAt })
    .onConflictDoNothing({ target: [journalEntries.authorUserId, journalEntries.idempotencyKey] })
    .returning({ id: journalEntries.id });
  return row?.id ?? null;
}

/** Writes the entry at the version read; false when someone changed it meanwhile. */
export async function updateEntry(
  q: Queryable,
  id: string,
  rowVersion: number,
  values: Partial<typeof journalEntries.$inferInsert> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await q
    .update(journalEntries)
    .set({ ...values, rowVersion: rowVersion + 1 })
    .where(and(eq(journalEntries.id, id), eq(journalEntries.rowVersion, rowVersion)))
    .returning({ id: journalEntries.id });
  return rows.length === 1;
}

export async function insertChange(q: Queryable, values: typeof journalEntryChanges.$inferInsert) {
  await q.insert(journalEntryChanges).values(values);
}

export const changesOf = (q: Queryable, entryId: string) =>
  q
    .select({
      kind: journalEntryChanges.kind,
      fields: journalEntryChanges.fields,
      reason: journalEntryChanges.reason,
      at: journalEntryChanges.at,
      byName: users.fullName,
    })
    .from(journalEntryChanges)
    .leftJoin(users, eq(users.id, journalEntryChanges.userId))
    .where(eq(journalEntryChanges.entryId, entryId))
    .orderBy(asc(journalEntryChanges.seq));

/**
 * The activities recorded (not cancelled) for a measure between two instants (half-open), for the
 * monthly points: what they count only, never a note.
 */
export const measureActivities = (q: Queryable, measureId: string, from: Date, to: Date) =>
  q
    .select({
      kind: journalEntries.kind,
      durationMinutes: journalEntries.durationMinutes,
      briques: journalEntries.briques,
      objectives: journalEntries.objectives,
      occurredAt: journalEntries.occurredAt,
    })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.measureId, measureId),
        eq(journalEntries.status, 'recorded'),
        gte(journalEntries.occurredAt, from),
        lt(journalEntries.occurredAt, to),
      ),
    );
