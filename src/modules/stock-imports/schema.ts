import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz } from '../../db/columns.ts';
import { IMPORT_STATES } from '../../shared/contracts/dwellings.ts';
import { IMPORT_KINDS } from '../../shared/dwellings/import-lines.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const importKind = pgEnum('stock_import_kind', IMPORT_KINDS);
export const importState = pgEnum('stock_import_state', IMPORT_STATES);

/**
 * One import of a landlord's export (ADR 0026): the file's cells as read at upload, the column mapping,
 * how far the dry run got and what it refused, then the report of the import applied (who, when, which
 * file, how many). The row is the import's whole state, so any app server carries on the next step.
 */
export const stockImportRuns = pgTable(
  'stock_import_runs',
  {
    id: id(),
    landlordOrganisationId: uuid('landlord_organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: importKind('kind').notNull(),
    fileName: text('file_name').notNull(),
    columns: textList('columns'),
    /** The data lines' cells (text), in file order; emptied once the import is applied. */
    cells: jsonb('cells').$type<string[][]>().notNull(),
    /** Each data line's number in the file (the header is line 1; empty lines are skipped). */
    lineNumbers: integer('line_numbers').array().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    state: importState('state').notNull().default('uploaded'),
    totalLines: integer('total_lines').notNull(),
    checkedLines: integer('checked_lines').notNull().default(0),
    rejectedLines: integer('rejected_lines').notNull().default(0),
    counts: jsonb('counts').$type<{
      dwellingsCreated: number;
      dwellingsUpdated: number;
      tenantsCreated: number;
      tenantsUpdated: number;
      balances: number;
    }>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    appliedAt: tstz('applied_at'),
  },
  (t) => [index('stock_import_runs_landlord_idx').on(t.landlordOrganisationId, t.createdAt)],
);

/**
 * The dry run's reading of each line: the values as Relais reads them, or the reasons it refuses the
 * line. Keyed for the duplicate checks across the file's chunks.
 */
export const stockImportLines = pgTable(
  'stock_import_lines',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => stockImportRuns.id, { onDelete: 'cascade' }),
    /** The line number in the file (the header is line 1). */
    line: integer('line').notNull(),
    /** The dwelling's reference (stock) or the tenant's (arrears). */
    reference: text('reference'),
    tenantReference: text('tenant_reference'),
    values: jsonb('values'),
    reasons: textList('reasons'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.line] }),
    index('stock_import_lines_reference_idx').on(t.runId, t.reference),
    index('stock_import_lines_tenant_idx').on(t.runId, t.tenantReference),
  ],
);

/** A landlord's last mapping of each kind of file: the next upload starts from it. */
export const stockImportMappings = pgTable(
  'stock_import_mappings',
  {
    landlordOrganisationId: uuid('landlord_organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: importKind('kind').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.landlordOrganisationId, t.kind] })],
);

/** From which arrears a landlord signals a tenant early: months of rent and charges, or an amount. */
export const arrearsThresholds = pgTable('arrears_thresholds', {
  landlordOrganisationId: uuid('landlord_organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  months: numeric('months', { precision: 4, scale: 1, mode: 'number' }).notNull().default(2),
  amountCents: integer('amount_cents'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/**
 * The monthly balances a landlord's arrears files gave for each contract: what the eviction-prevention
 * work reads (`arrearsHistory`). One balance per contract and day; a re-import of the same day replaces it.
 */
export const arrearsBalances = pgTable(
  'arrears_balances',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => occupancyContracts.id, { onDelete: 'cascade' }),
    asOf: date('as_of').notNull(),
    balanceCents: integer('balance_cents').notNull(),
    monthsOfArrears: numeric('months_of_arrears', { precision: 5, scale: 1, mode: 'number' }),
    importRunId: uuid('import_run_id').references(() => stockImportRuns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('arrears_balances_contract_day_uq').on(t.contractId, t.asOf)],
);
