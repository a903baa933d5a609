import { sql } from 'drizzle-orm';
import {
  char,
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
import type { TCapacityScores } from '../../shared/contracts/diagnostics.ts';
import {
  EVALUATION_AUDIENCES,
  EVALUATION_KINDS,
  EVALUATION_STATUSES,
  MONTHLY_POINT_STATUSES,
  type TEvaluationContent,
  type TPartnerEvaluation,
} from '../../shared/contracts/evaluations.ts';
import type { TObjectiveRef } from '../../shared/contracts/journal.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const monthlyPointStatus = pgEnum('monthly_point_status', MONTHLY_POINT_STATUSES);

/**
 * The monthly point of a measure for a Paris month (YYYY-MM): a draft prepared from the month's
 * journal, completed with the report of the point held with the household, then validated. A
 * validated point is never changed: a correction is the next version (a draft until validated), so
 * reports read the figures of the latest validated version. One version per measure, month and
 * rank, one draft at a time.
 */
export const monthlyPoints = pgTable(
  'monthly_points',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    month: char('month', { length: 7 }).notNull(),
    version: smallint('version').notNull().default(1),
    status: monthlyPointStatus('status').notNull().default('draft'),
    report: text('report').notNull().default(''),
    // The journal's figures of the month: refreshed at each save of a draft, frozen at validation.
    activities: integer('activities').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
    contacts: integer('contacts').notNull().default(0),
    homeVisits: integer('home_visits').notNull().default(0),
    byBrique: jsonb('by_brique')
      .$type<{ code: string; activities: number; minutes: number }[]>()
      .notNull()
      .default([]),
    objectives: jsonb('objectives')
      .$type<(TObjectiveRef & { title: string; activities: number })[]>()
      .notNull()
      .default([]),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    preparedByUserId: uuid('prepared_by_user_id').references(() => users.id),
    validatedByUserId: uuid('validated_by_user_id').references(() => users.id),
    validatedAt: tstz('validated_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('monthly_points_measure_month_version_uq').on(t.measureId, t.month, t.version),
    uniqueIndex('monthly_points_one_draft_uq')
      .on(t.measureId, t.month)
      .where(sql`${t.status} = 'draft'`),
    index('monthly_points_household_idx').on(t.householdId),
  ],
);

export const evaluationKind = pgEnum('evaluation_kind', EVALUATION_KINDS);
export const evaluationStatus = pgEnum('evaluation_status', EVALUATION_STATUSES);
export const evaluationAudience = pgEnum('evaluation_audience', EVALUATION_AUDIENCES);

/** The household's signature of its evaluation: drawn on the tablet, or its name typed, witnessed. */
export interface EvaluationSignatureRecord {
  method: 'signature' | 'typed_name';
  signedOn: string;
  signaturePng?: string;
  typedName?: string;
  witnessedByUserId: string;
}

/**
 * An evaluation of a measure over its period under way (the start or the last renewal → the planned
 * end): the interim one (bilan d'étape) or the final one. A draft prefilled from the contract's
 * objectives, the last monthly point and the diagnostic's grid (kept as `baselineScores`, the change
 * is measured from it), edited at the version read, then validated (frozen) and shared. One of each
 * kind per measure and period.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    kind: evaluationKind('kind').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    status: evaluationStatus('status').notNull().default('draft'),
    content: jsonb('content').$type<TEvaluationContent>().notNull(),
    baselineScores: jsonb('baseline_scores').$type<TCapacityScores>(),
    baselineAssessedOn: date('baseline_assessed_on'),
    signature: jsonb('signature').$type<EvaluationSignatureRecord>(),
    /** When the final evaluation's next step was applied to the measure (renewed or ended). */
    appliedAt: tstz('applied_at'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    preparedByUserId: uuid('prepared_by_user_id').references(() => users.id),
    validatedByUserId: uuid('validated_by_user_id').references(() => users.id),
    validatedAt: tstz('validated_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluations_measure_kind_period_uq').on(t.measureId, t.kind, t.periodStart),
    index('evaluations_household_idx').on(t.householdId),
  ],
);

/** A partner version sent to one organisation: the derived snapshot exactly as it was shared. */
export const evaluationShares = pgTable(
  'evaluation_shares',
  {
    id: id(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    audience: evaluationAudience('audience').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    snapshot: jsonb('snapshot').$type<TPartnerEvaluation>().notNull(),
    sharedByUserId: uuid('shared_by_user_id').references(() => users.id),
    sharedAt: tstz('shared_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_shares_once_uq').on(t.evaluationId, t.audience, t.organisationId),
    index('evaluation_shares_org_idx').on(t.organisationId, t.householdId),
  ],
);
