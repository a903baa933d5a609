import { date, index, integer, jsonb, pgEnum, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz, uuidList } from '../../db/columns.ts';
import { AGE_BANDS, CONVERSIONS, SLOT_STATUSES, VISIT_CONSENTS } from '../../shared/contracts/permanences.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { journalEntries } from '../journal/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { referrals } from '../referrals/schema.ts';

export const permanenceSlotStatus = pgEnum('permanence_slot_status', SLOT_STATUSES);
export const permanenceConsent = pgEnum('permanence_consent', VISIT_CONSENTS);
export const permanenceAgeBand = pgEnum('permanence_age_band', AGE_BANDS);
export const permanenceConversion = pgEnum('permanence_conversion', CONVERSIONS);

/**
 * A recurring drop-in slot of an organisation: a weekday, Paris clock times, weekly or every N
 * weeks between two dates, a place and its staff. Edited at the version read; closed (its last day
 * set), never deleted, so its past visits keep their occurrence.
 */
export const permanenceSlots = pgTable(
  'permanence_slots',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    place: text('place').notNull(),
    weekday: smallint('weekday').notNull(),
    /** HH:MM on Paris clocks. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    everyWeeks: smallint('every_weeks').notNull().default(1),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    untilDate: date('until_date', { mode: 'string' }),
    staffUserIds: uuidList('staff_user_ids'),
    status: permanenceSlotStatus('status').notNull().default('open'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [index('permanence_slots_organisation_idx').on(t.organisationId)],
);

export interface StoredVisitStep {
  text: string;
  dueOn: string | null;
}

/**
 * A walk-in visit at an occurrence of a slot, before any file exists: minimal data, kept named only
 * with the person's consent. Turned once into a referral or a household file, which it then names.
 */
export const permanenceVisits = pgTable(
  'permanence_visits',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => permanenceSlots.id),
    occurrenceDate: date('occurrence_date', { mode: 'string' }).notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    consent: permanenceConsent('consent').notNull(),
    firstName: text('first_name'),
    ageBand: permanenceAgeBand('age_band'),
    commune: text('commune'),
    phone: text('phone'),
    /** Brique codes of the référentiel version in force on the visit's day. */
    referentielVersion: text('referentiel_version').notNull(),
    briques: textList('briques'),
    advice: text('advice'),
    steps: jsonb('steps').$type<StoredVisitStep[]>().notNull().default([]),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    convertedTo: permanenceConversion('converted_to'),
    convertedAt: tstz('converted_at'),
    convertedByUserId: uuid('converted_by_user_id').references(() => users.id),
    householdId: uuid('household_id').references(() => households.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    journalEntryId: uuid('journal_entry_id').references(() => journalEntries.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    index('permanence_visits_slot_idx').on(t.slotId, t.occurrenceDate),
    index('permanence_visits_organisation_idx').on(t.organisationId, t.occurredAt),
  ],
);
