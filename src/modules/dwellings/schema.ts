import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { TYPOLOGIES } from '../../shared/contracts/household-enums.ts';
import {
  DWELLING_ACCESSIBILITIES,
  DWELLING_FINANCINGS,
  DWELLING_STATUSES,
} from '../../shared/contracts/housing-stock.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';

export const typology = pgEnum('typology', TYPOLOGIES);
export const dwellingFinancing = pgEnum('dwelling_financing', DWELLING_FINANCINGS);
export const dwellingStatus = pgEnum('dwelling_status', DWELLING_STATUSES);
export const dwellingAccessibility = pgEnum('dwelling_accessibility', DWELLING_ACCESSIBILITIES);

/**
 * A dwelling (logement): where it is (its commune; the EPCI is the commune's parent territory), whose it
 * is, what it is, how it was financed and whether it is let. Households occupy dwellings through
 * occupancy contracts (leases module); their own account of where they live is the tenancy (households).
 */
export const dwellings = pgTable(
  'dwellings',
  {
    id: id(),
    address: text('address').notNull(),
    communeId: uuid('commune_id').references(() => territories.id),
    /** The owner or manager, when it is an organisation in Relais. */
    landlordOrganisationId: uuid('landlord_organisation_id').references(() => organisations.id),
    managementUnitId: uuid('management_unit_id').references(() => managementUnits.id),
    typology: typology('typology'),
    surfaceM2: numeric('surface_m2', { precision: 6, scale: 1, mode: 'number' }),
    /** The landlord's own reference of the dwelling: a re-import finds the dwelling by it. */
    externalReference: text('external_reference'),
    floor: smallint('floor'),
    lift: boolean('lift'),
    accessibility: dwellingAccessibility('accessibility'),
    financing: dwellingFinancing('financing'),
    status: dwellingStatus('status').notNull().default('vacant'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dwellings_landlord_idx').on(t.landlordOrganisationId, t.managementUnitId),
    index('dwellings_commune_idx').on(t.communeId),
    uniqueIndex('dwellings_landlord_reference_uq')
      .on(t.landlordOrganisationId, t.externalReference)
      .where(sql`${t.externalReference} is not null`),
  ],
);

/** The dwelling's rent and charges, each amount from its effective day (its rent history). */
export const dwellingRents = pgTable(
  'dwelling_rents',
  {
    id: id(),
    dwellingId: uuid('dwelling_id')
      .notNull()
      .references(() => dwellings.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from').notNull(),
    monthlyRentCents: integer('monthly_rent_cents').notNull(),
    monthlyChargesCents: integer('monthly_charges_cents').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dwelling_rents_dwelling_day_uq').on(t.dwellingId, t.effectiveFrom)],
);
