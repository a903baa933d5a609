import {
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
  COMMISSION_DECISIONS,
  PROPOSAL_ANSWERS,
  PROPOSED_OCCUPANCIES,
  REFUSAL_REASONS,
} from '../../shared/contracts/designations.ts';
import type { TMatchingPolicyParams } from '../../shared/contracts/matching.ts';
import { committeeMeetings } from '../committees/schema.ts';
import { housingProjects } from '../housing-pool/schema.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { vacancies } from '../vacancies/schema.ts';

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

export const proposalAnswer = pgEnum('proposal_answer', PROPOSAL_ANSWERS);
export const commissionDecision = pgEnum('commission_decision', COMMISSION_DECISIONS);
export const refusalReason = pgEnum('refusal_reason', REFUSAL_REASONS);
export const proposedOccupancy = pgEnum('proposed_occupancy', PROPOSED_OCCUPANCIES);

/**
 * A designation: the meeting (or the réservataire alone) that put households forward on a vacancy, at
 * most three, in order (allocation-rules.md §4.5). When fewer than three, why.
 */
export const designations = pgTable(
  'designations',
  {
    id: id(),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id),
    meetingId: uuid('meeting_id').references(() => committeeMeetings.id),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    /** The matching policy's version the candidates were ranked under (0: the default policy). */
    policyVersion: integer('policy_version').notNull(),
    fewerReason: text('fewer_reason'),
    designatedByOrganisationId: uuid('designated_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    designatedByUserId: uuid('designated_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('designations_vacancy_idx').on(t.vacancyId)],
);

/**
 * One household put forward on a vacancy: its rank, the offer's deadline (at least ten days, R441-10),
 * the household's answer, the landlord's record of the commission's decision, and the explanation of
 * its ranking as it stood when designated (filters passed, signals, points).
 */
export const vacancyProposals = pgTable(
  'vacancy_proposals',
  {
    id: id(),
    designationId: uuid('designation_id')
      .notNull()
      .references(() => designations.id),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => housingProjects.id, { onDelete: 'cascade' }),
    /** The pool the household came from (its holder is told of every step). */
    poolOrganisationId: uuid('pool_organisation_id')
      .notNull()
      .references(() => organisations.id),
    rank: smallint('rank').notNull(),
    occupancy: proposedOccupancy('occupancy').notNull(),
    notifiedOn: date('notified_on', { mode: 'string' }).notNull(),
    answerDue: date('answer_due', { mode: 'string' }).notNull(),
    explanation: jsonb('explanation').notNull(),
    answer: proposalAnswer('answer'),
    answerReason: refusalReason('answer_reason'),
    answerNote: text('answer_note'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answerRecordedByUserId: uuid('answer_recorded_by_user_id').references(() => users.id),
    decision: commissionDecision('decision'),
    /** The rank an allocation by classement gives (R441-3, 2°). */
    decisionRank: smallint('decision_rank'),
    decisionCondition: text('decision_condition'),
    conditionDue: date('condition_due', { mode: 'string' }),
    decisionReason: refusalReason('decision_reason'),
    decisionNote: text('decision_note'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vacancy_proposals_vacancy_household_uq').on(t.vacancyId, t.householdId),
    uniqueIndex('vacancy_proposals_designation_rank_uq').on(t.designationId, t.rank),
    index('vacancy_proposals_household_idx').on(t.householdId),
    index('vacancy_proposals_pool_idx').on(t.poolOrganisationId, t.createdAt),
  ],
);
