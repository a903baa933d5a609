import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  CADENCES,
  COMMITTEE_KINDS,
  DECISION_OUTCOMES,
  HOUSEHOLD_PRESENCE,
  ITEM_KINDS,
} from '../../shared/contracts/committees.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';

export const committeeKind = pgEnum('committee_kind', COMMITTEE_KINDS);
export const committeeCadence = pgEnum('committee_cadence', CADENCES);
export const meetingItemKind = pgEnum('meeting_item_kind', ITEM_KINDS);
export const householdPresence = pgEnum('household_presence', HOUSEHOLD_PRESENCE);
export const decisionOutcome = pgEnum('decision_outcome', DECISION_OUTCOMES);

/** A committee, convened by one organisation (its coordinators), with member organisations. */
export const committees = pgTable('committees', {
  id: id(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  /** Where it decides (a département, an EPCI…): by default the convening organisation's département. */
  territoryId: uuid('territory_id').references(() => territories.id),
  kind: committeeKind('kind').notNull(),
  cadence: committeeCadence('cadence').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

export const committeeMembers = pgTable(
  'committee_members',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.committeeId, t.organisationId] }),
    index('committee_members_organisation_idx').on(t.organisationId),
  ],
);

/**
 * The people who sit on a committee for an organisation (its own or a member): a Relais user of that
 * organisation, who then receives the invitations, or a person named with a function (a CAF
 * representative without an account…).
 */
export const committeePeople = pgTable(
  'committee_people',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    fullName: text('full_name').notNull(),
    /** « Présidente de séance », « Chargé de mission FSL »… */
    function: text('function'),
    createdAt: createdAt(),
  },
  (t) => [
    index('committee_people_committee_idx').on(t.committeeId),
    uniqueIndex('committee_people_user_idx')
      .on(t.committeeId, t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    startsAt: tstz('starts_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    location: text('location'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('committee_meetings_committee_idx').on(t.committeeId, t.startsAt)],
);

/** A point on a meeting's agenda: one household, and what is presented about it. */
export const meetingItems = pgTable(
  'meeting_items',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => committeeMeetings.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: meetingItemKind('kind').notNull(),
    /** The referral, diagnostic or measure presented. */
    referenceId: uuid('reference_id'),
    title: text('title').notNull(),
    householdPresence: householdPresence('household_presence').notNull().default('not_informed'),
    addedByOrganisationId: uuid('added_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    addedByUserId: uuid('added_by_user_id').references(() => users.id),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_items_meeting_idx').on(t.meetingId, t.position),
    index('meeting_items_household_idx').on(t.householdId),
  ],
);

/** What the meeting decided on an item; one per item, never edited. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => meetingItems.id),
    outcome: decisionOutcome('outcome').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** The decision in words (scheme, operator, duration, occupancy…), as the minutes print it. */
    summary: text('summary').notNull(),
    reason: text('reason'),
    measureId: uuid('measure_id').references(() => measures.id),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('meeting_decisions_item_uq').on(t.itemId)],
);
