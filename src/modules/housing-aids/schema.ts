import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  AID_FORMS,
  AID_KINDS,
  AID_PAYEES,
  AID_STATUSES,
  type TRepaymentSchedule,
} from '../../shared/contracts/housing-aids.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const aidKind = pgEnum('aid_kind', AID_KINDS);
export const aidForm = pgEnum('aid_form', AID_FORMS);
export const aidPayee = pgEnum('aid_payee', AID_PAYEES);
export const aidStatus = pgEnum('aid_status', AID_STATUSES);

/**
 * A financial aid or guarantee asked for a household (FSL, Loca-Pass, Visale, aide sur quittance…):
 * its funder, whom it is paid to, and where it stands — requested, granted or refused, paid. The
 * amounts paid are the sum of its payment events; paid to a rent account, each payment is also
 * posted there (through the rent-account port the app wires).
 */
export const housingAids = pgTable(
  'housing_aids',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    kind: aidKind('kind').notNull(),
    form: aidForm('form').notNull(),
    funderName: text('funder_name').notNull(),
    funderOrganisationId: uuid('funder_organisation_id').references(() => organisations.id),
    payee: aidPayee('payee').notNull(),
    /** The organisation paid: the landlord or association named, or a rent account's collector. */
    payeeOrganisationId: uuid('payee_organisation_id').references(() => organisations.id),
    contractId: uuid('contract_id').references(() => occupancyContracts.id),
    status: aidStatus('status').notNull().default('requested'),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    amountRequestedCents: integer('amount_requested_cents').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    amountGrantedCents: integer('amount_granted_cents'),
    refusalReason: text('refusal_reason'),
    amountPaidCents: integer('amount_paid_cents').notNull().default(0),
    lastPaidOn: date('last_paid_on', { mode: 'string' }),
    /** Aide sur quittance: the months of rent it covers (1 to 3). */
    months: smallint('months'),
    /** Aide sur quittance: the aid it renews (once at most, see shared/housing-aids/rules.ts). */
    renewsAidId: uuid('renews_aid_id').references((): AnyPgColumn => housingAids.id),
    repaymentSchedule: jsonb('repayment_schedule').$type<TRepaymentSchedule>(),
    note: text('note'),
    rowVersion: integer('row_version').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    /** The organisation of the worker who asked: its alert delays apply, its worker follows the aid up. */
    requestedByOrganisationId: uuid('requested_by_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('housing_aids_household_idx').on(t.householdId, t.requestedOn),
    index('housing_aids_renews_idx').on(t.renewsAidId),
  ],
);

/** The dated status changes of an aid (request, decision, each payment), with who recorded them. */
export const housingAidEvents = pgTable(
  'housing_aid_events',
  {
    id: id(),
    aidId: uuid('aid_id')
      .notNull()
      .references(() => housingAids.id, { onDelete: 'cascade' }),
    status: aidStatus('status').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents'),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('housing_aid_events_aid_idx').on(t.aidId, t.occurredOn)],
);

/**
 * The repayments of an aid granted as a loan, as the household makes them (each recorded once,
 * never changed); checked against the loan's schedule (shared/housing-aids/loans.ts).
 */
export const housingAidRepayments = pgTable(
  'housing_aid_repayments',
  {
    id: id(),
    aidId: uuid('aid_id')
      .notNull()
      .references(() => housingAids.id, { onDelete: 'cascade' }),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('housing_aid_repayments_aid_idx').on(t.aidId, t.paidOn)],
);
