import { boolean, index, pgEnum, pgTable, smallint, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';

import { ORGANISATION_TYPES } from '../../shared/contracts/roles.ts';
export const territoryKind = pgEnum('territory_kind', ['departement', 'epci', 'commune']);
export const organisationType = pgEnum('organisation_type', ORGANISATION_TYPES);

export const territories = pgTable(
  'territories',
  {
    id: id(),
    kind: territoryKind('kind').notNull(),
    /** INSEE code (commune, département) or SIREN (EPCI). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => territories.id),
    postcode: text('postcode'),
    /** Housing-benefit zone (1, 2 or 3) of a commune. */
    housingBenefitZone: smallint('housing_benefit_zone'),
  },
  (t) => [index('territories_parent_idx').on(t.parentId)],
);

export const organisations = pgTable('organisations', {
  id: id(),
  type: organisationType('type').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  territoryId: uuid('territory_id').references(() => territories.id),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** A landlord's management units (agences / unités de gestion). */
export const managementUnits = pgTable(
  'management_units',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    code: text('code').notNull(),
    territoryId: uuid('territory_id').references(() => territories.id),
    createdAt: createdAt(),
  },
  (t) => [index('management_units_org_idx').on(t.organisationId)],
);
