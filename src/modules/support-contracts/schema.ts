import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  CONTRACT_PARTIES,
  CONTRACT_STATUSES,
  SIGNATURE_METHODS,
  type TCommitments,
  type TContractTerms,
  type TModalities,
  type TObjective,
} from '../../shared/contracts/support-contracts.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const contractStatus = pgEnum('contract_status', CONTRACT_STATUSES);
export const contractParty = pgEnum('contract_party', CONTRACT_PARTIES);
export const signatureMethod = pgEnum('signature_method', SIGNATURE_METHODS);

/**
 * The support contract of a measure (one per measure). Its row version moves on with every change
 * to any of its versions, so that two writers never merge silently (409).
 */
export const supportContracts = pgTable(
  'support_contracts',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('support_contracts_measure_uq').on(t.measureId),
    index('support_contracts_household_idx').on(t.householdId),
  ],
);

/**
 * A version of the contract: the first one, then each amendment. Its terms are regenerated while it
 * is a draft and frozen from its first signature; a signed version is never edited.
 */
export const supportContractVersions = pgTable(
  'support_contract_versions',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => supportContracts.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: contractStatus('status').notNull().default('draft'),
    terms: jsonb('terms').$type<TContractTerms>().notNull(),
    /** The landlord that signs, when the contract names one in Relais (also in the terms, for the reader). */
    landlordOrganisationId: uuid('landlord_organisation_id').references(() => organisations.id),
    objectives: jsonb('objectives').$type<TObjective[]>().notNull(),
    commitments: jsonb('commitments').$type<TCommitments>().notNull(),
    modalities: jsonb('modalities').$type<TModalities>().notNull(),
    clauses: jsonb('clauses').$type<string[]>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    inForceAt: tstz('in_force_at'),
    replacedAt: tstz('replaced_at'),
  },
  (t) => [
    uniqueIndex('support_contract_versions_number_uq').on(t.contractId, t.number),
    // At most one version in force, and one in preparation, at a time.
    uniqueIndex('support_contract_versions_in_force_uq')
      .on(t.contractId)
      .where(sql`${t.status} = 'in_force'`),
    uniqueIndex('support_contract_versions_open_uq')
      .on(t.contractId)
      .where(sql`${t.status} in ('draft', 'signing')`),
  ],
);

/** One party's signature of a version: drawn or typed before a witness (household), or in the app. */
export const supportContractSignatures = pgTable(
  'support_contract_signatures',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => supportContractVersions.id, { onDelete: 'cascade' }),
    party: contractParty('party').notNull(),
    method: signatureMethod('method').notNull(),
    signerName: text('signer_name').notNull(),
    /** The drawn signature, a PNG data URL. */
    signaturePng: text('signature_png'),
    /** Who signed in the app, or recorded the household's signature as its witness. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    witnessName: text('witness_name'),
    signedAt: tstz('signed_at').notNull(),
  },
  (t) => [uniqueIndex('support_contract_signatures_party_uq').on(t.versionId, t.party)],
);
