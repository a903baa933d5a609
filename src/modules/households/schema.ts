import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, tstz } from '../../db/columns.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DEBT_KINDS,
  EXPENSE_CATEGORIES,
  HOUSEHOLD_STATUSES,
  EVICTION_STEPS,
  HOUSING_SITUATIONS,
  PARTY_BASES,
  RELATIONSHIPS,
  RESOURCE_TYPES,
  SENSITIVITIES,
} from '../../shared/contracts/household-enums.ts';

export const householdStatus = pgEnum('household_status', HOUSEHOLD_STATUSES);
export const housingSituation = pgEnum('housing_situation', HOUSING_SITUATIONS);
export const relationship = pgEnum('relationship', RELATIONSHIPS);
export const resourceType = pgEnum('resource_type', RESOURCE_TYPES);
export const expenseCategory = pgEnum('expense_category', EXPENSE_CATEGORIES);
export const debtKind = pgEnum('debt_kind', DEBT_KINDS);
export const sensitivity = pgEnum('sensitivity', SENSITIVITIES);
export const partyBasis = pgEnum('party_basis', PARTY_BASES);
export const consentPurpose = pgEnum('consent_purpose', CONSENT_PURPOSES);
export const consentMethod = pgEnum('consent_method', CONSENT_METHODS);
export const evictionStep = pgEnum('eviction_step', EVICTION_STEPS);
export const evictionStepSource = pgEnum('eviction_step_source', ['file', 'referral', 'diagnostic']);

/** The household file (dossier ménage). Money is in integer cents throughout. */
export const households = pgTable(
  'households',
  {
    id: id(),
    /** Human file number, shown as M-000123. */
    fileNumber: integer('file_number').notNull().generatedAlwaysAsIdentity(),
    status: householdStatus('status').notNull().default('active'),
    /** Social-housing application number (numéro unique). */
    applicationNumber: text('application_number'),
    phone: text('phone'),
    email: text('email'),
    postalAddress: text('postal_address'),
    housingSituation: housingSituation('housing_situation').notNull(),
    /** Entry date in the current situation (shelter, CHRS, hotel…). */
    housingSince: date('housing_since'),
    shelterName: text('shelter_name'),
    /** Where the household lives or is sheltered (its dwelling's commune is on the dwelling). */
    residenceCommuneId: uuid('residence_commune_id').references(() => territories.id),
    daloRecognised: boolean('dalo_recognised').notNull().default(false),
    daloDecisionDate: date('dalo_decision_date'),
    pdalpdPriority: boolean('pdalpd_priority').notNull().default(false),
    /** Caseworker-only. */
    healthNotes: text('health_notes'),
    /** Caseworker-only. */
    justiceNotes: text('justice_notes'),
    /** Caseworker-only. */
    familyConflictNotes: text('family_conflict_notes'),
    /** Lower-case, accent-free names and numbers, maintained by the repository for search. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_file_number_uq').on(t.fileNumber),
    index('households_application_number_idx').on(t.applicationNumber),
    index('households_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

const householdRef = () =>
  uuid('household_id')
    .notNull()
    .references(() => households.id, { onDelete: 'cascade' });

export const householdMembers = pgTable(
  'household_members',
  {
    id: id(),
    householdId: householdRef(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date'),
    relationship: relationship('relationship').notNull(),
    isReferencePerson: boolean('is_reference_person').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('household_members_household_idx').on(t.householdId)],
);

export const householdResources = pgTable(
  'household_resources',
  {
    id: id(),
    householdId: householdRef(),
    memberId: uuid('member_id').references(() => householdMembers.id, { onDelete: 'set null' }),
    type: resourceType('type').notNull(),
    monthlyAmountCents: integer('monthly_amount_cents').notNull(),
    note: text('note'),
    /** Order of the row in the file, so versions compare row by row. */
    position: integer('position').notNull().default(0),
  },
  (t) => [index('household_resources_household_idx').on(t.householdId)],
);

export const householdExpenses = pgTable(
  'household_expenses',
  {
    id: id(),
    householdId: householdRef(),
    category: expenseCategory('category').notNull(),
    monthlyAmountCents: integer('monthly_amount_cents').notNull(),
    note: text('note'),
    /** Order of the row in the file, so versions compare row by row. */
    position: integer('position').notNull().default(0),
  },
  (t) => [index('household_expenses_household_idx').on(t.householdId)],
);

export const householdDebts = pgTable(
  'household_debts',
  {
    id: id(),
    householdId: householdRef(),
    kind: debtKind('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    startDate: date('start_date'),
    /** Rent arrears: the number of unpaid terms (mois d'impayés). */
    unpaidMonths: integer('unpaid_months'),
    creditor: text('creditor'),
    repaymentPlan: boolean('repayment_plan').notNull().default(false),
    note: text('note'),
    /** Order of the row in the file, so versions compare row by row. */
    position: integer('position').notNull().default(0),
  },
  (t) => [index('household_debts_household_idx').on(t.householdId)],
);

export const householdHousingHistory = pgTable(
  'household_housing_history',
  {
    id: id(),
    householdId: householdRef(),
    situation: housingSituation('situation').notNull(),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    address: text('address'),
    endReason: text('end_reason'),
    /** Order of the row in the file, so versions compare row by row. */
    position: integer('position').notNull().default(0),
  },
  (t) => [index('household_housing_history_household_idx').on(t.householdId)],
);

export const householdNotes = pgTable(
  'household_notes',
  {
    id: id(),
    householdId: householdRef(),
    body: text('body').notNull(),
    sensitivity: sensitivity('sensitivity').notNull().default('shared'),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [index('household_notes_household_idx').on(t.householdId)],
);

export const householdDocuments = pgTable(
  'household_documents',
  {
    id: id(),
    householdId: householdRef(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sensitivity: sensitivity('sensitivity').notNull().default('shared'),
    content: bytea('content').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    uploadedByOrganisationId: uuid('uploaded_by_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [index('household_documents_household_idx').on(t.householdId)],
);

/** One row per saved version of the file: who, when, and the field-level diff. */
export const householdChanges = pgTable(
  'household_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: householdRef(),
    version: integer('version').notNull(),
    changedAt: tstz('changed_at').notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    summary: text('summary').notNull(),
    /** [{ field, before, after }]; field paths are classified for sensitivity when presented. */
    changes: jsonb('changes').$type<{ field: string; before: unknown; after: unknown }[]>().notNull(),
  },
  (t) => [index('household_changes_household_idx').on(t.householdId, t.version)],
);

/** An organisation's access to a household, with the recorded basis for it. */
export const householdParties = pgTable(
  'household_parties',
  {
    id: id(),
    householdId: householdRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    basis: partyBasis('basis').notNull(),
    /** The consent or referral behind the access. */
    sourceId: uuid('source_id'),
    /**
     * The household's consent the access rests on: the consent itself for a consent basis, the
     * household's agreement to the referral for a referral basis. Withdrawing it ends the access.
     */
    consentId: uuid('consent_id').references(() => householdConsents.id),
    /** The household's named worker, for an association party. */
    caseworkerUserId: uuid('caseworker_user_id').references(() => users.id),
    startedAt: tstz('started_at').notNull().defaultNow(),
    /** Calendar days the basis holds (a consent's validity); null = unbounded. Copied so that the
     * access check, on every request, needs no join. */
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    endedAt: tstz('ended_at'),
    endedReason: text('ended_reason'),
    /** A copy of the household's search_text, kept by triggers (migration households_party_search), so
     * an organisation's search reads one index over its own current parties. */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    index('household_parties_org_idx').on(t.organisationId, t.householdId),
    index('household_parties_household_idx').on(t.householdId),
    index('household_parties_search_trgm_idx')
      .using('gin', t.organisationId, sql`${t.searchText} gin_trgm_ops`)
      .where(sql`${t.endedAt} is null`),
  ],
);

export const householdConsents = pgTable(
  'household_consents',
  {
    id: id(),
    householdId: householdRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    purpose: consentPurpose('purpose').notNull(),
    purposeDetail: text('purpose_detail'),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    method: consentMethod('method').notNull(),
    witnessName: text('witness_name'),
    documentId: uuid('document_id').references(() => householdDocuments.id),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id').references(() => organisations.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
    revokedAt: tstz('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
    revocationReason: text('revocation_reason'),
  },
  (t) => [index('household_consents_household_idx').on(t.householdId)],
);

/**
 * The household's occupation of a dwelling under a lease (or a sublease): who lets it, the tenant
 * reference, when it started and ended. One current tenancy (no end date) per household at most.
 */
export const tenancies = pgTable(
  'tenancies',
  {
    id: id(),
    householdId: householdRef(),
    dwellingId: uuid('dwelling_id')
      .notNull()
      .references(() => dwellings.id),
    /** The lessor, when it is an organisation in Relais (a landlord, or an association subletting). */
    landlordOrganisationId: uuid('landlord_organisation_id').references(() => organisations.id),
    /** A lessor outside Relais (private landlord), free text. */
    landlordName: text('landlord_name'),
    managementUnitId: uuid('management_unit_id').references(() => managementUnits.id),
    tenantReference: text('tenant_reference'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenancies_current_uq')
      .on(t.householdId)
      .where(sql`${t.endDate} is null`),
    index('tenancies_landlord_idx').on(t.landlordOrganisationId, t.managementUnitId),
  ],
);

/** Rent and charges of a tenancy, each amount from its effective day (the history of the rent). */
export const tenancyRents = pgTable(
  'tenancy_rents',
  {
    id: id(),
    tenancyId: uuid('tenancy_id')
      .notNull()
      .references(() => tenancies.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from').notNull(),
    monthlyRentCents: integer('monthly_rent_cents'),
    monthlyChargesCents: integer('monthly_charges_cents'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tenancy_rents_tenancy_day_uq').on(t.tenancyId, t.effectiveFrom)],
);

/**
 * The household's eviction procedure (prévention des expulsions): one record, open while the
 * procedure runs, with its dated steps. Referrals and diagnostics read and write it.
 */
export const evictionProcedures = pgTable(
  'eviction_procedures',
  {
    id: id(),
    householdId: householdRef(),
    tenancyId: uuid('tenancy_id').references(() => tenancies.id),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('eviction_procedures_open_uq')
      .on(t.householdId)
      .where(sql`${t.closedOn} is null`),
    // The file reads the latest procedure, open or closed.
    index('eviction_procedures_household_idx').on(t.householdId, t.openedOn),
  ],
);

export const evictionProcedureSteps = pgTable(
  'eviction_procedure_steps',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => evictionProcedures.id, { onDelete: 'cascade' }),
    step: evictionStep('step').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    /** What recorded it: a referral, a diagnostic, or the file itself. */
    sourceType: evictionStepSource('source_type').notNull(),
    sourceId: uuid('source_id'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id').references(() => organisations.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('eviction_procedure_steps_procedure_idx').on(t.procedureId, t.occurredOn)],
);
