import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { managementUnits, organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { householdConsents, householdDebts, households } from '../households/schema.ts';
import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  type MaintenanceReason,
} from '../../shared/contracts/referral-enums.ts';

export const referralKind = pgEnum('referral_kind', REFERRAL_KINDS);
export const referralStatus = pgEnum('referral_status', REFERRAL_STATUSES);
export const contactMethod = pgEnum('contact_method', CONTACT_METHODS);
export const contactOutcome = pgEnum('contact_outcome', CONTACT_OUTCOMES);

/** A referral (saisine): a request to an organisation to take a household on. */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    number: integer('number').notNull().generatedAlwaysAsIdentity(),
    kind: referralKind('kind').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    fromManagementUnitId: uuid('from_management_unit_id').references(() => managementUnits.id),
    fromUserId: uuid('from_user_id').references(() => users.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: referralStatus('status').notNull().default('sent'),
    // Maintenance (maintien) referrals
    reasons: jsonb('reasons').$type<MaintenanceReason[]>().notNull().default([]),
    /** The household's rent-arrears debt the referral reported (amount and months live there). */
    arrearsDebtId: uuid('arrears_debt_id').references(() => householdDebts.id, { onDelete: 'set null' }),
    /** The household's agreement to being referred, as a consent record. */
    agreementConsentId: uuid('agreement_consent_id').references(() => householdConsents.id),
    // Access (accès) referrals
    readyToLeave: boolean('ready_to_leave'),
    shelteredSince: date('sheltered_since'),
    housingProject: text('housing_project'),
    freeText: text('free_text'),
    assignedCaseworkerUserId: uuid('assigned_caseworker_user_id').references(() => users.id),
    declineReason: text('decline_reason'),
    redirectedToReferralId: uuid('redirected_to_referral_id'),
    redirectedFromReferralId: uuid('redirected_from_referral_id'),
    decidedAt: tstz('decided_at'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    firstInterviewAt: tstz('first_interview_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('referrals_to_org_status_idx').on(t.toOrganisationId, t.status),
    index('referrals_from_org_idx').on(t.fromOrganisationId),
    index('referrals_household_idx').on(t.householdId),
  ],
);

export const referralContactAttempts = pgTable(
  'referral_contact_attempts',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    method: contactMethod('method').notNull(),
    outcome: contactOutcome('outcome').notNull(),
    attemptedAt: tstz('attempted_at').notNull(),
    note: text('note'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('referral_contact_attempts_referral_idx').on(t.referralId)],
);

/** The referral's timeline, visible to both sides. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    type: text('type').notNull(),
    at: tstz('at').notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);
