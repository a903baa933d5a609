import { index, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { TYPOLOGIES } from '../../shared/contracts/household-enums.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';

export const typology = pgEnum('typology', TYPOLOGIES);

/**
 * A dwelling (logement): where it is, whose it is, what it is. Households occupy dwellings through
 * tenancies (households module); later the landlords' inventories and the vacancies build on it.
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
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dwellings_landlord_idx').on(t.landlordOrganisationId, t.managementUnitId),
    index('dwellings_commune_idx').on(t.communeId),
  ],
);
