import { date, integer, pgTable, smallint, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';

/**
 * An organisation's alert settings, in days; an organisation without a row follows the defaults
 * (DEFAULT_ALERT_SETTINGS in src/shared/contracts/alerts.ts). Its administrators edit them.
 */
export const alertSettings = pgTable('alert_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  noContactDays: smallint('no_contact_days').notNull(),
  measureEndingDays: smallint('measure_ending_days').notNull(),
  renewalLimitDays: smallint('renewal_limit_days').notNull(),
  referralUnansweredDays: smallint('referral_unanswered_days').notNull(),
  contractUnsignedDays: smallint('contract_unsigned_days').notNull(),
  aidDecisionDays: smallint('aid_decision_days').notNull().default(60),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  rowVersion: integer('row_version').notNull().default(1),
});

/** The daily email of alerts a user received: at most one per user and Paris day. */
export const alertDigests = pgTable(
  'alert_digests',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day', { mode: 'string' }).notNull(),
    taskCount: integer('task_count').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('alert_digests_user_day_uq').on(t.userId, t.day)],
);

/** The users who asked not to receive the daily email of alerts. */
export const alertDigestOptOuts = pgTable('alert_digest_opt_outs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  createdAt: createdAt(),
});
