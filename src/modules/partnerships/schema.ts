import {
  boolean,
  date,
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
import { createdAt, id, textList } from '../../db/columns.ts';
import {
  AVAILABILITY_END_REASONS,
  FEE_MODES,
  type TAmendmentChanges,
} from '../../shared/contracts/partnerships.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyKind } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const conventionFeeMode = pgEnum('convention_fee_mode', FEE_MODES);
export const availabilityEndReason = pgEnum('availability_end_reason', AVAILABILITY_END_REASONS);

/**
 * A partnership convention (fiche-action 10): a landlord makes dwellings available to an association,
 * pays it a management fee — per dwelling-year, or a share (per mille) of the base rent — against the
 * association's support commitments (free text, and briques of the référentiel). Its terms are the
 * ones agreed last: the amendments keep what each changed, and from when.
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
    /** The last day it was available, once it left the convention, and why. */
    availableUntil: date('available_until', { mode: 'string' }),
    endReason: availabilityEndReason('end_reason'),
    endNote: text('end_note'),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
    gla: boolean('gla').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('convention_dwellings_uq').on(t.conventionId, t.dwellingId)],
);

/**
 * An amendment (avenant) to a convention: numbered in order, effective from a day, with each term it
 * changed before and after (the convention's row then holds the terms after the latest one).
 */
export const conventionAmendments = pgTable(
  'convention_amendments',
  {
    id: id(),
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => partnershipConventions.id, { onDelete: 'cascade' }),
    number: smallint('number').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    changes: jsonb('changes').$type<TAmendmentChanges>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('convention_amendments_number_uq').on(t.conventionId, t.number)],
);
