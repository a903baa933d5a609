import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { users } from '../identity/schema.ts';
import { territories } from '../organisations/schema.ts';
import { households } from '../households/schema.ts';

/**
 * A département's budget convention (consumption units, days, housing cost, thresholds, FSL
 * charges rule), dated. `values` is validated by ZBudgetConventionValues on write and on read.
 */
export const budgetConventions = pgTable(
  'budget_conventions',
  {
    id: id(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('budget_conventions_territory_from_uq').on(t.territoryId, t.effectiveFrom)],
);

/** A target dwelling studied for a household ("et si…"); income and expenses stay in the file. */
export const budgetScenarios = pgTable(
  'budget_scenarios',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    typology: text('typology').notNull(),
    surfaceM2: numeric('surface_m2', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    monthlyRentCents: integer('monthly_rent_cents').notNull(),
    /** null: estimated with the territory's FSL rule. */
    monthlyChargesCents: integer('monthly_charges_cents'),
    zone: smallint('zone').notNull(),
    conventioned: boolean('conventioned').notNull(),
    socialLandlord: boolean('social_landlord').notNull(),
    furnished: boolean('furnished').notNull(),
    annualResourcesOverrideCents: integer('annual_resources_override_cents'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [index('budget_scenarios_household_idx').on(t.householdId)],
);
