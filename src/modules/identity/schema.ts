import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { managementUnits, organisations } from '../organisations/schema.ts';
import { ROLES } from '../../shared/contracts/roles.ts';

export const role = pgEnum('role', ROLES);
export const userStatus = pgEnum('user_status', ['invited', 'active', 'deactivated']);

export const users = pgTable('users', {
  id: id(),
  /** Always stored lower-case. */
  email: text('email').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash'),
  status: userStatus('status').notNull().default('invited'),
  totpSecret: text('totp_secret'),
  totpConfirmedAt: tstz('totp_confirmed_at'),
  /** Secret being enrolled, until a first code confirms it; the confirmed one stays usable meanwhile. */
  totpPendingSecret: text('totp_pending_secret'),
  /**
   * The session that started the pending enrolment (a session id is a token hash): only it may
   * confirm, so a password alone cannot finish someone else's enrolment.
   */
  totpPendingSessionId: text('totp_pending_session_id'),
  totpPendingAt: tstz('totp_pending_at'),
  /** Last accepted TOTP time step: a code is accepted once (replay protection). */
  totpLastTimeStep: integer('totp_last_time_step'),
  /** argon2 hashes of the unused recovery codes. */
  recoveryCodeHashes: jsonb('recovery_code_hashes').$type<string[]>().notNull().default([]),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  lastLoginAt: tstz('last_login_at'),
  passwordChangedAt: tstz('password_changed_at'),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: role('role').notNull(),
    managementUnitId: uuid('management_unit_id').references(() => managementUnits.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('memberships_user_org_role_uq').on(t.userId, t.organisationId, t.role),
    index('memberships_org_idx').on(t.organisationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not give usable sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The organisation the user acts for in this session. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    secondFactorAt: tstz('second_factor_at'),
    revokedAt: tstz('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: role('role').notNull(),
    managementUnitId: uuid('management_unit_id').references(() => managementUnits.id),
    tokenHash: text('token_hash').notNull().unique(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('invitations_org_idx').on(t.organisationId)],
);

export const passwordResets = pgTable('password_resets', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
});

/**
 * Failed sign-ins for addresses that have no account, counted and locked exactly like an account's
 * (lockout.ts), so that the answers do not tell which addresses have one. Keyed by a SHA-256 of the
 * address: the table keeps no address typed by a stranger.
 */
export const unmatchedSignInAttempts = pgTable('unmatched_sign_in_attempts', {
  emailHash: text('email_hash').primaryKey(),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
