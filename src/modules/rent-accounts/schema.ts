import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { ACCOUNT_STATUSES, PLAN_STATUSES } from '../../shared/contracts/rent-accounts.ts';
import { PAYMENT_METHODS, POSTING_KINDS } from '../../shared/rent-accounts/postings.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';

export const rentAccountStatus = pgEnum('rent_account_status', ACCOUNT_STATUSES);
export const rentPostingKind = pgEnum('rent_posting_kind', POSTING_KINDS);
export const rentPaymentMethod = pgEnum('rent_payment_method', PAYMENT_METHODS);
export const repaymentPlanStatus = pgEnum('repayment_plan_status', PLAN_STATUSES);

/** The rent account (compte locatif) of one occupancy contract managed in Relais. */
export const rentAccounts = pgTable('rent_accounts', {
  id: id(),
  contractId: uuid('contract_id')
    .notNull()
    .unique()
    .references(() => occupancyContracts.id),
  status: rentAccountStatus('status').notNull().default('open'),
  openedOn: date('opened_on').notNull(),
  closedOn: date('closed_on'),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * A line of a rent account. Immutable: the code never updates or deletes one; a correction is a
 * counter-entry, the exact opposite of the line it names (at most one per line). Amounts are signed
 * by their effect on what the occupant owes (shared/rent-accounts/postings.ts).
 */
export const rentPostings = pgTable(
  'rent_postings',
  {
    id: id(),
    /** The order lines were recorded in, among lines of the same day. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => rentAccounts.id),
    kind: rentPostingKind('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    postedOn: date('posted_on').notNull(),
    /** The month a call is for (YYYY-MM): a month is called once. */
    periodMonth: text('period_month'),
    method: rentPaymentMethod('method'),
    label: text('label'),
    reversesPostingId: uuid('reverses_posting_id')
      .unique()
      .references((): AnyPgColumn => rentPostings.id),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('rent_postings_account_idx').on(t.accountId, t.postedOn, t.seq),
    index('rent_postings_calls_idx')
      .on(t.accountId, t.periodMonth)
      .where(sql`${t.periodMonth} is not null`),
  ],
);

/**
 * A repayment plan (plan d'apurement) of an account: a debt in N monthly instalments from a start
 * month. A renegotiation is the next version; the previous one stays, superseded.
 */
export const repaymentPlans = pgTable(
  'repayment_plans',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => rentAccounts.id),
    version: integer('version').notNull(),
    status: repaymentPlanStatus('status').notNull().default('active'),
    debtCents: integer('debt_cents').notNull(),
    instalmentCount: integer('instalment_count').notNull(),
    startMonth: text('start_month').notNull(),
    note: text('note'),
    supersedesPlanId: uuid('supersedes_plan_id').references((): AnyPgColumn => repaymentPlans.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    supersededAt: tstz('superseded_at'),
  },
  (t) => [
    uniqueIndex('repayment_plans_account_version_uq').on(t.accountId, t.version),
    uniqueIndex('repayment_plans_active_uq')
      .on(t.accountId)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** The months of a plan whose missed instalment already raised a task (raised once). */
export const repaymentPlanMisses = pgTable(
  'repayment_plan_misses',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => repaymentPlans.id),
    month: text('month').notNull(),
    shortfallCents: integer('shortfall_cents').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('repayment_plan_misses_uq').on(t.planId, t.month)],
);

export type RentAccountRow = typeof rentAccounts.$inferSelect;
export type RentPostingRow = typeof rentPostings.$inferSelect;
export type RepaymentPlanRow = typeof repaymentPlans.$inferSelect;
