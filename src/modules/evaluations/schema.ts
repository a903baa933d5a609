import { sql } from 'drizzle-orm';
import {
  char,
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
import { createdAt, id, tstz } from '../../db/columns.ts';
import { MONTHLY_POINT_STATUSES } from '../../shared/contracts/evaluations.ts';
import type { TObjectiveRef } from '../../shared/contracts/journal.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const monthlyPointStatus = pgEnum('monthly_point_status', MONTHLY_POINT_STATUSES);

/**
 * The monthly point of a measure for a Paris month (YYYY-MM): a draft prepared from the month's
 * journal, completed with the report of the point held with the household, then validated. A
 * validated point is never changed: a correction is the next version (a draft until validated), so
 * reports read the figures of the latest validated version. One version per measure, month and
 * rank, one draft at a time.
 */
export const monthlyPoints = pgTable(
  'monthly_points',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    month: char('month', { length: 7 }).notNull(),
    version: smallint('version').notNull().default(1),
    status: monthlyPointStatus('status').notNull().default('draft'),
    report: text('report').notNull().default(''),
    // The journal's figures of the month: refreshed at each save of a draft, frozen at validation.
    activities: integer('activities').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
    contacts: integer('contacts').notNull().default(0),
    homeVisits: integer('home_visits').notNull().default(0),
    byBrique: jsonb('by_brique')
      .$type<{ code: string; activities: number; minutes: number }[]>()
      .notNull()
      .default([]),
    objectives: jsonb('objectives')
      .$type<(TObjectiveRef & { title: string; activities: number })[]>()
      .notNull()
      .default([]),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    preparedByUserId: uuid('prepared_by_user_id').references(() => users.id),
    validatedByUserId: uuid('validated_by_user_id').references(() => users.id),
    validatedAt: tstz('validated_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('monthly_points_measure_month_version_uq').on(t.measureId, t.month, t.version),
    uniqueIndex('monthly_points_one_draft_uq')
      .on(t.measureId, t.month)
      .where(sql`${t.status} = 'draft'`),
    index('monthly_points_household_idx').on(t.householdId),
  ],
);
