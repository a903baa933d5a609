import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import {
  BENEFIT_PAYEES,
  INSTRUMENT_STATUSES,
  PREVENTION_INSTRUMENTS,
} from '../../shared/contracts/eviction-prevention.ts';
import { evictionProcedures } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { lessorKind } from '../leases/schema.ts';

export const benefitPayee = pgEnum('benefit_payee', BENEFIT_PAYEES);
export const preventionInstrument = pgEnum('prevention_instrument', PREVENTION_INSTRUMENTS);
export const instrumentStatus = pgEnum('instrument_status', INSTRUMENT_STATUSES);

/**
 * What an eviction procedure's deadlines are computed from beyond its steps: the lease, the rent, the
 * hearing ahead. Who saved them last follows the procedure: its deadlines become their tasks.
 */
export const evictionProcedureFacts = pgTable('eviction_procedure_facts', {
  procedureId: uuid('procedure_id')
    .primaryKey()
    .references(() => evictionProcedures.id, { onDelete: 'cascade' }),
  leaseSignedOn: date('lease_signed_on'),
  lessorKind: lessorKind('lessor_kind'),
  monthlyRentCents: integer('monthly_rent_cents'),
  monthlyChargesCents: integer('monthly_charges_cents'),
  monthlyBenefitCents: integer('monthly_benefit_cents'),
  benefitPaidTo: benefitPayee('benefit_paid_to').notNull().default('none'),
  hearingScheduledOn: date('hearing_scheduled_on'),
  followedByUserId: uuid('followed_by_user_id').references(() => users.id),
  followedByOrganisationId: uuid('followed_by_organisation_id').references(() => organisations.id),
  rowVersion: integer('row_version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** The tenant's debt from a date on (until the next one), as the landlord's account states it. */
export const evictionProcedureBalances = pgTable(
  'eviction_procedure_balances',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => evictionProcedures.id, { onDelete: 'cascade' }),
    on: date('on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('eviction_procedure_balances_day_uq').on(t.procedureId, t.on)],
);

/** An instrument of prevention used in the procedure (FSL, plan, protocol…), with its current state. */
export const preventionInstruments = pgTable(
  'prevention_instruments',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => evictionProcedures.id, { onDelete: 'cascade' }),
    instrument: preventionInstrument('instrument').notNull(),
    status: instrumentStatus('status').notNull(),
    on: date('on').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('prevention_instruments_procedure_idx').on(t.procedureId)],
);

/** Each state an instrument went through, dated: its history. */
export const preventionInstrumentStates = pgTable(
  'prevention_instrument_states',
  {
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => preventionInstruments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    status: instrumentStatus('status').notNull(),
    on: date('on').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.position] })],
);
