import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from '../../shared/contracts/agenda.ts';
import { householdMembers, households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const appointmentKind = pgEnum('appointment_kind', APPOINTMENT_KINDS);
export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES);

/**
 * A planned appointment of an organisation: with a household (or none, for a partner meeting),
 * at a place, between two instants. Edited at the version read; cancelled with a reason, never deleted.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'cascade' }),
    kind: appointmentKind('kind').notNull(),
    status: appointmentStatus('status').notNull().default('planned'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    place: text('place'),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    rowVersion: integer('row_version').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('appointments_household_idx').on(t.householdId, t.startsAt),
    index('appointments_organisation_idx').on(t.organisationId, t.startsAt),
    check('appointments_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who attends: one of the organisation's people, a member of the household, or a partner organisation. */
export const appointmentParticipants = pgTable(
  'appointment_participants',
  {
    id: id(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    memberId: uuid('member_id').references(() => householdMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (t) => [
    index('appointment_participants_appointment_idx').on(t.appointmentId),
    index('appointment_participants_user_idx').on(t.userId),
    index('appointment_participants_organisation_idx').on(t.organisationId),
    check(
      'appointment_participants_one',
      sql`num_nonnulls(${t.userId}, ${t.memberId}, ${t.organisationId}) = 1`,
    ),
  ],
);

/**
 * A user's calendar feed: a secret address (only its SHA-256 is kept, like session tokens), one
 * active per user; revoked at once, and by the next one.
 */
export const agendaFeeds = pgTable(
  'agenda_feeds',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    includeFamilyName: boolean('include_family_name').notNull().default(false),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [
    uniqueIndex('agenda_feeds_token_uq').on(t.tokenHash),
    uniqueIndex('agenda_feeds_active_user_uq')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);
