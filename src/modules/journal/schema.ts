import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz, uuidList } from '../../db/columns.ts';
import {
  JOURNAL_KINDS,
  JOURNAL_SENSITIVITIES,
  JOURNAL_STATUSES,
  type TObjectiveRef,
} from '../../shared/contracts/journal.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const journalKind = pgEnum('journal_kind', JOURNAL_KINDS);
export const journalSensitivity = pgEnum('journal_sensitivity', JOURNAL_SENSITIVITIES);
export const journalStatus = pgEnum('journal_status', JOURNAL_STATUSES);

/** An objective as an entry keeps it: its reference and its title when the activity served it. */
export type StoredObjective = TObjectiveRef & { title: string };

/**
 * An activity of the case journal. Corrected in place by its author's organisation at the version
 * read (each change in journal_entry_changes), never deleted: a cancellation keeps it with a reason.
 * Sent twice by a device (same author, same idempotency key), it is recorded once.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    kind: journalKind('kind').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    place: text('place').notNull().default(''),
    /** Members of the file, by their stable row id (a member later removed keeps the id). */
    memberIds: uuidList('member_ids'),
    partnerOrganisationIds: uuidList('partner_organisation_ids'),
    otherParticipants: textList('other_participants'),
    /** The référentiel version in force when the activity was recorded, and the brique codes there. */
    referentielVersion: text('referentiel_version').notNull(),
    briques: textList('briques'),
    objectives: jsonb('objectives').$type<StoredObjective[]>().notNull().default([]),
    measureId: uuid('measure_id').references(() => measures.id),
    note: text('note').notNull().default(''),
    sensitivity: journalSensitivity('sensitivity').notNull(),
    status: journalStatus('status').notNull().default('recorded'),
    cancelReason: text('cancel_reason'),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    idempotencyKey: uuid('idempotency_key').notNull(),
    /** A digest of the request that created the entry: a replay with another body is a conflict. */
    requestDigest: text('request_digest').notNull(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('journal_entries_author_key_uq').on(t.authorUserId, t.idempotencyKey),
    // The household timeline's page: latest first, ties by id (its keyset).
    index('journal_entries_household_idx').on(t.householdId, t.occurredAt.desc(), t.id),
    index('journal_entries_measure_idx').on(t.measureId),
  ],
);

/** What happened to an entry, in order: its creation, each correction (with the values before), its cancellation. */
export const journalEntryChanges = pgTable(
  'journal_entry_changes',
  {
    id: id(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The fields a correction changed (keys of the entry input), and their values before. */
    fields: textList('fields'),
    previous: jsonb('previous').$type<Record<string, unknown>>(),
    reason: text('reason'),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    at: tstz('at').notNull(),
  },
  (t) => [index('journal_entry_changes_entry_idx').on(t.entryId, t.seq)],
);
