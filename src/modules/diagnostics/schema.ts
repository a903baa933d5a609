import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { households } from '../households/schema.ts';
import {
  DIAGNOSTIC_STATUSES,
  PARTNER_AUDIENCES,
  READINESS_OPINIONS,
  type PrefillSource,
  type TCapacityScores,
  type TDiagnosticContent,
  type TPartnerVersion,
  type TSectionAuthorship,
} from '../../shared/contracts/diagnostics.ts';

export const diagnosticStatus = pgEnum('diagnostic_status', DIAGNOSTIC_STATUSES);
export const partnerAudience = pgEnum('partner_audience', PARTNER_AUDIENCES);
export const readinessOpinion = pgEnum('readiness_opinion', READINESS_OPINIONS);

export interface PresentationRecord {
  presentedOn: string;
  method: 'face_to_face' | 'home_visit' | 'with_interpreter' | 'phone';
  explanation: string;
  byUserId: string;
}
export interface ApprovalRecord {
  method: 'signature' | 'typed_name';
  signedOn: string;
  signaturePng?: string;
  typedName?: string;
  witnessedByUserId: string;
}
export interface DisagreementRecord {
  notedOn: string;
  inHouseholdWords: string;
  byUserId: string;
}

/** A value the diagnostic opened with, and where it was taken from, by content path. */
export type PrefilledValues = Record<string, { source: PrefillSource; value: string | number | boolean }>;

/**
 * One version of a household's diagnostic. `version` numbers the versions of the household's
 * diagnostic (a new version copies an approved one); `rowVersion` is the optimistic-locking counter
 * of this row's draft edits. Approved, disagreed and shared rows are frozen.
 */
export const diagnostics = pgTable(
  'diagnostics',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    previousId: uuid('previous_id'),
    status: diagnosticStatus('status').notNull().default('draft'),
    rowVersion: integer('row_version').notNull().default(1),
    content: jsonb('content').$type<TDiagnosticContent>().notNull(),
    authorship: jsonb('authorship').$type<TSectionAuthorship>().notNull(),
    /** What the first version was filled with from the file and the budget (a new version copies it). */
    prefilled: jsonb('prefilled').$type<PrefilledValues>().notNull().default({}),
    presentation: jsonb('presentation').$type<PresentationRecord>(),
    approval: jsonb('approval').$type<ApprovalRecord>(),
    disagreement: jsonb('disagreement').$type<DisagreementRecord>(),
    approvedAt: tstz('approved_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('diagnostics_household_version_uq').on(t.householdId, t.version)],
);

/** A partner version sent to one organisation: the derived snapshot exactly as it was shared. */
export const diagnosticShares = pgTable(
  'diagnostic_shares',
  {
    id: id(),
    diagnosticId: uuid('diagnostic_id')
      .notNull()
      .references(() => diagnostics.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    audience: partnerAudience('audience').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    snapshot: jsonb('snapshot').$type<TPartnerVersion>().notNull(),
    sharedByUserId: uuid('shared_by_user_id').references(() => users.id),
    sharedByOrganisationId: uuid('shared_by_organisation_id').references(() => organisations.id),
    sharedAt: tstz('shared_at').notNull().defaultNow(),
  },
  (t) => [
    index('diagnostic_shares_diagnostic_idx').on(t.diagnosticId),
    index('diagnostic_shares_org_household_idx').on(t.organisationId, t.householdId),
  ],
);

/** One dated evaluation of the capacité à habiter grid; successive rows show the change. */
export const capacityAssessments = pgTable(
  'capacity_assessments',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    diagnosticId: uuid('diagnostic_id').references(() => diagnostics.id, { onDelete: 'set null' }),
    assessedOn: date('assessed_on').notNull(),
    scores: jsonb('scores').$type<TCapacityScores>().notNull(),
    derivedOpinion: readinessOpinion('derived_opinion').notNull(),
    opinion: readinessOpinion('opinion').notNull(),
    overrideReason: text('override_reason'),
    assessedByUserId: uuid('assessed_by_user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [index('capacity_assessments_household_idx').on(t.householdId, t.assessedOn)],
);
