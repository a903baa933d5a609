import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from '../../db/columns.ts';
import { RESERVATION_CHANNELS, VACANCY_STATUSES } from '../../shared/contracts/vacancies.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';

export const reservationChannel = pgEnum('reservation_channel', RESERVATION_CHANNELS);
export const vacancyStatus = pgEnum('vacancy_status', VACANCY_STATUSES);

/**
 * A dwelling offered by its landlord: the reservation channel whose réservataire puts candidates
 * forward, the answer deadline, the visits possible, and the rent and charges in force when published
 * (copied: what was announced). At most one open vacancy per dwelling; `departement_id` (the
 * dwelling's, at publication) is where it is broadcast.
 */
export const vacancies = pgTable(
  'vacancies',
  {
    id: id(),
    dwellingId: uuid('dwelling_id')
      .notNull()
      .references(() => dwellings.id, { onDelete: 'cascade' }),
    landlordOrganisationId: uuid('landlord_organisation_id')
      .notNull()
      .references(() => organisations.id),
    departementId: uuid('departement_id').references(() => territories.id),
    channel: reservationChannel('channel').notNull(),
    answerBy: date('answer_by', { mode: 'string' }).notNull(),
    visitDetails: text('visit_details'),
    visitDates: date('visit_dates', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    monthlyRentCents: integer('monthly_rent_cents').notNull(),
    monthlyChargesCents: integer('monthly_charges_cents').notNull(),
    status: vacancyStatus('status').notNull().default('open'),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    publishedAt: tstz('published_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('vacancies_open_dwelling_uq')
      .on(t.dwellingId)
      .where(sql`${t.status} = 'open'`),
    index('vacancies_landlord_idx').on(t.landlordOrganisationId, t.publishedAt),
    index('vacancies_departement_open_idx')
      .on(t.departementId, t.answerBy)
      .where(sql`${t.status} = 'open'`),
  ],
);
