import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  MEASURE_END_REASONS,
  MEASURE_ORIENTATIONS,
  MEASURE_STATUSES,
  OCCUPANCY_OPTIONS,
  SCHEME_KINDS,
  type TSchemeCosts,
  type TSchemeRules,
} from '../../shared/contracts/measures.ts';
import { WATCH_INCIDENT_KINDS } from '../../shared/contracts/watch.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';

export const schemeKind = pgEnum('scheme_kind', SCHEME_KINDS);
export const measureStatus = pgEnum('measure_status', MEASURE_STATUSES);
export const occupancyOption = pgEnum('occupancy_option', OCCUPANCY_OPTIONS);
export const measureEndReason = pgEnum('measure_end_reason', MEASURE_END_REASONS);
export const measureOrientation = pgEnum('measure_orientation', MEASURE_ORIENTATIONS);
export const watchIncidentKind = pgEnum('watch_incident_kind', WATCH_INCIDENT_KINDS);

/** A support scheme a funder runs in a département (AVDL, FSL accès…); its rules are dated versions. */
export const measureSchemes = pgTable(
  'measure_schemes',
  {
    id: id(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id),
    funderOrganisationId: uuid('funder_organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: schemeKind('kind').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('measure_schemes_territory_code_uq').on(t.territoryId, t.code)],
);

/**
 * The rules and unit costs of a scheme from a date. A measure keeps the version in force when it
 * was prescribed: a later version never alters measures already running. Versions are never edited.
 */
export const measureSchemeVersions = pgTable(
  'measure_scheme_versions',
  {
    id: id(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => measureSchemes.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    rules: jsonb('rules').$type<TSchemeRules>().notNull(),
    costs: jsonb('costs').$type<TSchemeCosts>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('measure_scheme_versions_from_uq').on(t.schemeId, t.effectiveFrom)],
);

/** A funder's budget for a scheme over a period, in measures and euros. */
export const fundingProgrammes = pgTable(
  'funding_programmes',
  {
    id: id(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => measureSchemes.id),
    name: text('name').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    budgetMeasures: integer('budget_measures'),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('funding_programmes_scheme_idx').on(t.schemeId)],
);

/** A support measure for a household, run by an operator, paid by the scheme's funder. */
export const measures = pgTable(
  'measures',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => measureSchemes.id),
    schemeVersionId: uuid('scheme_version_id')
      .notNull()
      .references(() => measureSchemeVersions.id),
    status: measureStatus('status').notNull().default('proposed'),
    /** The référentiel version the briques refer to, and their numbers there (« 2.3 »…). */
    referentielVersion: text('referentiel_version').notNull(),
    briques: text('briques')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    visitsPerMonth: smallint('visits_per_month'),
    occupancy: occupancyOption('occupancy'),
    operatorOrganisationId: uuid('operator_organisation_id')
      .notNull()
      .references(() => organisations.id),
    caseworkerUserId: uuid('caseworker_user_id').references(() => users.id),
    proposedByOrganisationId: uuid('proposed_by_organisation_id').references(() => organisations.id),
    initialMonths: smallint('initial_months').notNull(),
    criteriaMet: text('criteria_met')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    stateValidationReference: text('state_validation_reference'),
    prescribedOn: date('prescribed_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    refusalReason: text('refusal_reason'),
    startOn: date('start_on', { mode: 'string' }),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    renewals: smallint('renewals').notNull().default(0),
    totalMonths: smallint('total_months').notNull().default(0),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: measureEndReason('end_reason'),
    orientation: measureOrientation('orientation'),
    watchMonths: smallint('watch_months'),
    relayOrganisationId: uuid('relay_organisation_id').references(() => organisations.id),
    endNote: text('end_note'),
    /** The ended measure this one reopens a case after (an incident during its watch), and why. */
    reopenedFromMeasureId: uuid('reopened_from_measure_id').references((): AnyPgColumn => measures.id),
    reopenReason: text('reopen_reason'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    index('measures_household_idx').on(t.householdId),
    index('measures_reopened_from_idx')
      .on(t.reopenedFromMeasureId)
      .where(sql`${t.reopenedFromMeasureId} is not null`),
    index('measures_scheme_status_idx').on(t.schemeId, t.status),
    // Caseloads and committee agendas read an operator's measures by status.
    index('measures_operator_status_idx').on(t.operatorOrganisationId, t.status),
    index('measures_caseworker_idx')
      .on(t.caseworkerUserId)
      .where(sql`${t.status} in ('prescribed', 'validated', 'active')`),
  ],
);

/** What happened to a measure, in order: the timeline the file shows in words. */
export const measureEvents = pgTable(
  'measure_events',
  {
    id: id(),
    /** Insertion order: events of one request share their time. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    detail: text('detail'),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    at: tstz('at').notNull(),
  },
  (t) => [index('measure_events_measure_idx').on(t.measureId, t.seq)],
);

/**
 * An incident during the watch after a measure (new arrears, trouble de voisinage…), reported by a
 * party (the landlord); the case it reopened, once the watch's caseworker reopened one.
 */
export const watchIncidents = pgTable(
  'watch_incidents',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** The ended measure whose watch it fell in. */
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    kind: watchIncidentKind('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    note: text('note'),
    reportedByUserId: uuid('reported_by_user_id').references(() => users.id),
    reportedByOrganisationId: uuid('reported_by_organisation_id').references(() => organisations.id),
    reportedAt: tstz('reported_at').notNull(),
    reopenedMeasureId: uuid('reopened_measure_id').references(() => measures.id),
  },
  (t) => [index('watch_incidents_household_idx').on(t.householdId, t.reportedAt)],
);

/**
 * How many households a caseworker may follow, by kind of measure; the organisation's default when
 * `userId` is null. Without any row: 20 on access measures, 16 on maintenance measures.
 */
export const caseloadCapacities = pgTable(
  'caseload_capacities',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    accessCapacity: smallint('access_capacity').notNull(),
    maintenanceCapacity: smallint('maintenance_capacity').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('caseload_capacities_org_user_uq')
      .on(t.organisationId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('caseload_capacities_org_default_uq')
      .on(t.organisationId)
      .where(sql`${t.userId} is null`),
  ],
);
