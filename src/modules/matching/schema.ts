import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';
import type { TMatchingPolicyParams } from '../../shared/contracts/matching.ts';
import { users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';

/**
 * A territory's matching policy, one row per adopted version (never edited): the latest version of a
 * département is in force there; without one, the default policy of the code applies (version 0).
 * A proposal keeps the version it was ranked under.
 */
export const matchingPolicies = pgTable(
  'matching_policies',
  {
    id: id(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id),
    version: integer('version').notNull(),
    params: jsonb('params').$type<TMatchingPolicyParams>().notNull(),
    /** Why it changed, in the coordinator's words. */
    note: text('note').notNull(),
    adoptedByOrganisationId: uuid('adopted_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    adoptedByUserId: uuid('adopted_by_user_id').references(() => users.id),
    adoptedAt: createdAt(),
  },
  (t) => [uniqueIndex('matching_policies_territory_version_uq').on(t.territoryId, t.version)],
);
