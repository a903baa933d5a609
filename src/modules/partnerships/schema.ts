import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz } from '../../db/columns.ts';
import { FEE_MODES } from '../../shared/contracts/partnerships.ts';
import { GLA_TASK_KINDS } from '../../shared/partnerships/gla-plan.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyKind } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const conventionFeeMode = pgEnum('convention_fee_mode', FEE_MODES);
export const glaTaskKind = pgEnum('gla_task_kind', GLA_TASK_KINDS);

/**
 * A partnership convention (fiche-action 10): a landlord makes dwellings available to an association,
 * pays it a management fee — per dwelling-year, or a share (per mille) of the base rent — against the
 * association's support commitments (free text, and briques of the référentiel).
 */
export const partnershipConventions = pgTable(
  'partnership_conventions',
  {
    id: id(),
    landlordOrganisationId: uuid('landlord_organisation_id')
      .notNull()
      .references(() => organisations.id),
    associationOrganisationId: uuid('association_organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    feeMode: conventionFeeMode('fee_mode').notNull(),
    feePerDwellingYearCents: integer('fee_per_dwelling_year_cents'),
    feeRentSharePerMille: smallint('fee_rent_share_per_mille'),
    commitments: textList('commitments'),
    referentielVersion: text('referentiel_version').notNull(),
    briques: textList('briques'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('partnership_conventions_landlord_idx').on(t.landlordOrganisationId),
    index('partnership_conventions_association_idx').on(t.associationOrganisationId),
  ],
);

/** A dwelling made available under a convention: its occupancy type, from when, and whether under GLA. */
export const conventionDwellings = pgTable(
  'convention_dwellings',
  {
    id: id(),
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => partnershipConventions.id, { onDelete: 'cascade' }),
    dwellingId: uuid('dwelling_id')
      .notNull()
      .references(() => dwellings.id),
    occupancyKind: occupancyKind('occupancy_kind').notNull(),
    availableFrom: date('available_from', { mode: 'string' }).notNull(),
    availableUntil: date('available_until', { mode: 'string' }),
    gla: boolean('gla').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('convention_dwellings_uq').on(t.conventionId, t.dwellingId)],
);

/**
 * The GLA plan's tasks of a dwelling for a year (monthly contact, visit, technical check, consumption
 * review), generated from the pure plan; regenerating adds only what is missing.
 */
export const glaTasks = pgTable(
  'gla_tasks',
  {
    id: id(),
    conventionDwellingId: uuid('convention_dwelling_id')
      .notNull()
      .references(() => conventionDwellings.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    kind: glaTaskKind('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('gla_tasks_uq').on(t.conventionDwellingId, t.kind, t.dueOn)],
);
