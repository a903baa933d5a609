import { bigint, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.ts';

/**
 * Append-only (a trigger refuses UPDATE and DELETE, see the migrations). No foreign keys, so that an
 * entry outlives what it names.
 *
 * Tamper-evident: a BEFORE INSERT trigger (migration 0009) chains each entry into one of the streams
 * of `audit_chain_heads`: `chain_hash` = SHA-256 over the previous hash of its stream and the entry's
 * canonical text. The chain columns are left nullable here because the trigger, not the application,
 * writes them; an entry without them was written with the trigger disabled and fails verification.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    /** Dotted verb, e.g. household.read, household.update, referral.accept, auth.login_failed. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    householdId: uuid('household_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    chainStream: smallint('chain_stream'),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    chainHash: text('chain_hash'),
  },
  (t) => [
    index('audit_log_org_at_idx').on(t.actorOrganisationId, t.at),
    index('audit_log_household_at_idx').on(t.householdId, t.at),
    uniqueIndex('audit_log_chain_uq').on(t.chainStream, t.chainSeq),
  ],
);

/**
 * The last entry of each stream. Several streams let concurrent transactions chain their entries
 * without waiting for each other: the trigger takes the first stream no other transaction holds.
 * Only the trigger (SECURITY DEFINER, owned by the migration role) writes here.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  stream: smallint('stream').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Signed snapshots of the stream heads, append-only. An administrator keeps copies outside the
 * database: a log rewritten after a checkpoint no longer reaches the heads it names.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  /** The signed text, kept byte for byte: JSON with the heads and the entry count. */
  payload: text('payload').notNull(),
  /** Ed25519 signature of `payload`, base64. */
  signature: text('signature').notNull(),
  /** SHA-256 of the public key (DER), hex: which key signed. */
  keyFingerprint: text('key_fingerprint').notNull(),
});
