import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { LESSOR_KINDS, OCCUPANCY_KINDS, OCCUPANCY_STATUSES } from '../../shared/contracts/housing-stock.ts';
import { dwellings } from '../dwellings/schema.ts';
import { householdDocuments, households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { referrals } from '../referrals/schema.ts';

export const occupancyKind = pgEnum('occupancy_kind', OCCUPANCY_KINDS);
export const lessorKind = pgEnum('lessor_kind', LESSOR_KINDS);
export const occupancyStatus = pgEnum('occupancy_status', OCCUPANCY_STATUSES);

/**
 * An occupancy contract (ADR 0024): one household's occupation of one dwelling under one legal form —
 * a direct lease, a sublease held by an association (with or without sliding), a transit lease, a
 * management mandate, a bail de sauvegarde. It carries the parties, its dates and its dated events;
 * its rent account follows what the occupant owes. A dwelling has at most one contract in force on any
 * day (checked under a lock of the dwelling's row, since dates are ranges).
 */
export const occupancyContracts = pgTable(
  'occupancy_contracts',
  {
    id: id(),
    dwellingId: uuid('dwelling_id')
      .notNull()
      .references(() => dwellings.id),
    kind: occupancyKind('kind').notNull(),
    /** The household's file, when it has one in Relais (an imported tenant may have none). */
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'set null' }),
    /** The landlord's reference of its tenant (from its management software): a re-import finds it by it. */
    tenantReference: text('tenant_reference'),
    /** The tenant's name as the landlord's export gives it, for a tenant with no file in Relais. */
    tenantName: text('tenant_name'),
    /** The lessor: an organisation in Relais, or a name (a private owner). */
    lessorOrganisationId: uuid('lessor_organisation_id').references(() => organisations.id),
    lessorName: text('lessor_name'),
    lessorKind: lessorKind('lessor_kind').notNull(),
    /** The association holding the main lease (sublease kinds) or the management mandate. */
    intermediaryOrganisationId: uuid('intermediary_organisation_id').references(() => organisations.id),
    status: occupancyStatus('status').notNull().default('draft'),
    /** The signature decides, among other things, the commandement de payer's delay (6 weeks or 2 months). */
    signedOn: date('signed_on'),
    startOn: date('start_on').notNull(),
    /** The last day in force; the next contract of the dwelling may start the day after. */
    endOn: date('end_on'),
    endReason: text('end_reason'),
    /** How it ended (a closed code of shared/leases/contract-rules.ts: term, slid, new_lease, denounced…). */
    endOutcome: text('end_outcome'),
    /** The party that ended it, for a denunciation (association, landlord, household). */
    endedByParty: text('ended_by_party'),
    /** The objectives set at the last renewal of a sliding sublease. */
    objectives: text('objectives'),
    /** When the sublease's sliding is next reviewed (by default 12 months after the start). */
    slidingReviewOn: date('sliding_review_on'),
    /** The contract this one follows: the sublease that slid into this lease, or the one it renews. */
    previousContractId: uuid('previous_contract_id').references((): AnyPgColumn => occupancyContracts.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('occupancy_contracts_dwelling_idx').on(t.dwellingId, t.startOn),
    index('occupancy_contracts_household_idx')
      .on(t.householdId)
      .where(sql`${t.householdId} is not null`),
    index('occupancy_contracts_lessor_idx').on(t.lessorOrganisationId, t.status),
    index('occupancy_contracts_intermediary_idx')
      .on(t.intermediaryOrganisationId, t.status)
      .where(sql`${t.intermediaryOrganisationId} is not null`),
    index('occupancy_contracts_tenant_reference_idx')
      .on(t.lessorOrganisationId, t.tenantReference)
      .where(sql`${t.tenantReference} is not null`),
  ],
);

/**
 * The dated events of a contract (signed, started, CCAPEX validation, eviction suspended, renewed,
 * slid, ended…), each with who recorded it: the contract's history.
 */
export const occupancyContractEvents = pgTable(
  'occupancy_contract_events',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => occupancyContracts.id, { onDelete: 'cascade' }),
    /** A closed code of the leases module's contract rules (labels in French in shared/). */
    event: text('event').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    /** The party it speaks for, when it matters (who requests the sliding, who denounces). */
    party: text('party'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('occupancy_contract_events_contract_idx').on(t.contractId, t.occurredOn)],
);

/**
 * A party's evaluation of a sliding sublease for one review round (the review date it prepares): the
 * checklist's ratings with their comments. The household's is recorded by the association's worker
 * with it. One per party and round, edited at the version read.
 */
export const slidingEvaluations = pgTable(
  'sliding_evaluations',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => occupancyContracts.id, { onDelete: 'cascade' }),
    reviewOn: date('review_on').notNull(),
    party: text('party').notNull(),
    ratings: jsonb('ratings').$type<Record<string, { rating: string; comment: string | null }>>().notNull(),
    comment: text('comment'),
    evaluatedOn: date('evaluated_on').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id').references(() => organisations.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sliding_evaluations_round_uq').on(t.contractId, t.reviewOn, t.party)],
);

/**
 * A document of the contract (the lease, the tripartite convention, the CCAPEX's decision): a document of
 * the household's file (households' documents: its upload, type checks, confidentiality and logged
 * download), attached to the contract with what it is.
 */
export const occupancyContractDocuments = pgTable(
  'occupancy_contract_documents',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => occupancyContracts.id, { onDelete: 'cascade' }),
    householdDocumentId: uuid('household_document_id')
      .notNull()
      .references(() => householdDocuments.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    attachedByUserId: uuid('attached_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('occupancy_contract_documents_uq').on(t.contractId, t.householdDocumentId)],
);

/**
 * The occupancy contract a referral is about: a landlord's referral of a tenant its arrears file
 * flagged names the tenant's contract, attached to the household's file by the referral.
 */
export const referralContracts = pgTable(
  'referral_contracts',
  {
    referralId: uuid('referral_id')
      .primaryKey()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => occupancyContracts.id, { onDelete: 'cascade' }),
  },
  (t) => [index('referral_contracts_contract_idx').on(t.contractId)],
);
