import { index, integer, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz, uuidList } from '../../db/columns.ts';
import { ATTENDANCES, WORKSHOP_STATUSES } from '../../shared/contracts/workshops.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { journalEntries } from '../journal/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const workshopStatus = pgEnum('workshop_status', WORKSHOP_STATUSES);
export const workshopAttendance = pgEnum('workshop_attendance', ATTENDANCES);

/**
 * A collective workshop of an organisation. Edited at the version read (invitations and attendance
 * included); cancelled with a reason, never deleted.
 */
export const workshops = pgTable(
  'workshops',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    theme: text('theme').notNull(),
    /** Brique codes of the référentiel version in force when the workshop was planned. */
    referentielVersion: text('referentiel_version').notNull(),
    briques: textList('briques'),
    startsAt: tstz('starts_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    place: text('place').notNull(),
    facilitatorUserIds: uuidList('facilitator_user_ids'),
    partnerOrganisationIds: uuidList('partner_organisation_ids'),
    status: workshopStatus('status').notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [index('workshops_organisation_idx').on(t.organisationId, t.startsAt)],
);

/**
 * A household invited to a workshop and whether it came. A present household's journal holds the
 * workshop once: the entry written is kept here, so that saving the attendance again writes nothing.
 */
export const workshopInvitations = pgTable(
  'workshop_invitations',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    attendance: workshopAttendance('attendance').notNull().default('invited'),
    journalEntryId: uuid('journal_entry_id').references(() => journalEntries.id),
  },
  (t) => [
    primaryKey({ columns: [t.workshopId, t.householdId] }),
    index('workshop_invitations_household_idx').on(t.householdId),
  ],
);
