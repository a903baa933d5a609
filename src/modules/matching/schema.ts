import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  COMMISSION_DECISIONS,
  PROPOSAL_ANSWERS,
  PROPOSED_OCCUPANCIES,
  REFUSAL_REASONS,
} from '../../shared/contracts/designations.ts';
import type { TMatchingPolicyParams } from '../../shared/contracts/matching.ts';
import type { ProposalProfile } from '../../shared/matching/fairness.ts';
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
    /**
     * The household as it was when proposed, for the fairness view: written by the trigger
     * `vacancy_proposal_profile` on every insert, whatever writes the row (migration 0040).
     */
    profile: jsonb('profile')
      .$type<ProposalProfile>()
      .notNull()
      .default(sql`'{}'::jsonb`),
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

/**
 * The pairs household × open vacancy of a département: every household of its pools, whether it passes
 * every hard filter the policy does not set (`eligible`) and, if so, what the signals weigh
 * (`PairFacts`): ranking a vacancy under any version of the policy, counting and listing a reader's
 * households, are then queries over its rows (ADR 0033). Kept current by
 * `vacancy_match_runs` (a vacancy's pairs are recomputed in full when its run is not today's) and
 * `matching_stale_households` (filled by triggers on everything a household's pairs are made of).
 */
export const vacancyMatches = pgTable(
  'vacancy_matches',
  {
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    eligible: boolean('eligible').notNull(),
    // The household's file number (never changes): the reader's excluded households are listed by it
    // without a look-up each.
    fileNumber: integer('file_number').notNull(),
    refusedOn: date('refused_on', { mode: 'string' }),
    dalo: boolean('dalo').notNull().default(false),
    priorityCount: smallint('priority_count').notNull().default(0),
    shelterMonths: integer('shelter_months'),
    demandMonths: integer('demand_months'),
    // Double precision: the threshold is compared with the very figure the explanation shows.
    effortPercent: doublePrecision('effort_percent'),
    resteAVivreCents: integer('reste_a_vivre_cents'),
    usualTypology: boolean('usual_typology').notNull().default(false),
    wishedCommune: boolean('wished_commune').notNull().default(false),
    supportOk: boolean('support_ok').notNull().default(false),
    adaptedForNeed: boolean('adapted_for_need').notNull().default(false),
    tieShelterDays: integer('tie_shelter_days').notNull().default(-1),
    tieDemandDays: integer('tie_demand_days').notNull().default(-1),
    tieDaloDays: integer('tie_dalo_days').notNull().default(-1),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.householdId] }),
    index('vacancy_matches_household_idx').on(t.householdId),
    // The policy preview reads a territory's pairs some policy can rank (about 60 %) in vacancy
    // order: through this index it does not fetch the others from the table.
    index('vacancy_matches_eligible_idx')
      .on(t.vacancyId)
      .where(sql`${t.eligible}`),
  ],
);

/** When each vacancy's pairs were last computed in full, over a pool of how many households. */
export const vacancyMatchRuns = pgTable('vacancy_match_runs', {
  vacancyId: uuid('vacancy_id')
    .primaryKey()
    .references(() => vacancies.id, { onDelete: 'cascade' }),
  computedOn: date('computed_on', { mode: 'string' }).notNull(),
});

/** Households whose pairs may be out of date (written by triggers, drained by the refresh). */
export const matchingStaleHouseholds = pgTable('matching_stale_households', {
  householdId: uuid('household_id').primaryKey(),
  markedAt: tstz('marked_at').notNull().defaultNow(),
});
