import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { JobDefinition } from '../../kernel/jobs.ts';
import { auditChainHeads, auditCheckpoints, auditLog } from '../../kernel/audit-schema.ts';
import type { ChainHead } from './chain.ts';

const FORMAT = 'relais-audit-checkpoint/1';

/** What is signed: the heads of every stream at one moment. */
export interface CheckpointPayload {
  format: typeof FORMAT;
  createdAt: string;
  /** Entries chained so far, all streams together. */
  entries: number;
  heads: ChainHead[];
}

/** A checkpoint as exported for an administrator to keep, and as the verifier reads it back. */
export interface CheckpointFile {
  payload: string;
  signature: string;
  keyFingerprint: string;
  /** For convenience only: the verifier trusts the key it is given, never the one in the file. */
  publicKey: string;
}

export const keyFingerprint = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

/**
 * The Ed25519 key that signs checkpoints. Created on first use (mode 600) when the file does not
 * exist, so the embedded demo needs no setup; in production it is provisioned and backed up apart
 * from the database, and its public key is kept by whoever verifies.
 */
export function signingKey(config: Pick<AppConfig, 'auditSigningKeyFile'>): KeyObject {
  const path = config.auditSigningKeyFile;
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return createPrivateKey(readFileSync(path));
}

/** The public half of the configured key, if there is one (the verifier never creates a key). */
export function configuredPublicKey(config: Pick<AppConfig, 'auditSigningKeyFile'>): KeyObject | null {
  return existsSync(config.auditSigningKeyFile) ? createPublicKey(signingKey(config)) : null;
}

/**
 * Sign the current heads, unless nothing was chained since the last checkpoint. The heads are read
 * in one statement, so they are those of committed transactions only.
 */
export async function createCheckpoint(
  q: Queryable,
  config: Pick<AppConfig, 'auditSigningKeyFile'>,
  now: Date,
): Promise<CheckpointSummary | null> {
  const heads = await q
    .select({ stream: auditChainHeads.stream, seq: auditChainHeads.seq, hash: auditChainHeads.hash })
    .from(auditChainHeads)
    .orderBy(asc(auditChainHeads.stream));
  const [last] = await q.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  if (last && JSON.stringify(parsePayload(last.payload).heads) === JSON.stringify(heads)) return null;
  const payload: CheckpointPayload = {
    format: FORMAT,
    createdAt: now.toISOString(),
    entries: heads.reduce((n, h) => n + h.seq, 0),
    heads,
  };
  const text = JSON.stringify(payload);
  const key = signingKey(config);
  const [row] = await q
    .insert(auditCheckpoints)
    .values({
      createdAt: now,
      payload: text,
      signature: sign(null, Buffer.from(text, 'utf8'), key).toString('base64'),
      keyFingerprint: keyFingerprint(createPublicKey(key)),
    })
    .returning();
  return row ? summary(row) : null;
}

export interface CheckpointSummary {
  id: number;
  createdAt: Date;
  entries: number;
}

const parsePayload = (text: string) => JSON.parse(text) as CheckpointPayload;
const summary = (row: typeof auditCheckpoints.$inferSelect): CheckpointSummary => ({
  id: row.id,
  createdAt: row.createdAt,
  entries: parsePayload(row.payload).entries,
});

export async function recentCheckpoints(q: Queryable, limit: number): Promise<CheckpointSummary[]> {
  const rows = await q.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit);
  return rows.map(summary);
}

export async function checkpointFile(
  q: Queryable,
  config: Pick<AppConfig, 'auditSigningKeyFile'>,
  id: number,
): Promise<(CheckpointFile & { createdAt: Date }) | null> {
  const [row] = await q.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, id));
  if (!row) return null;
  const publicKey = configuredPublicKey(config);
  return {
    createdAt: row.createdAt,
    payload: row.payload,
    signature: row.signature,
    keyFingerprint: row.keyFingerprint,
    publicKey:
      publicKey && keyFingerprint(publicKey) === row.keyFingerprint
        ? publicKey.export({ type: 'spki', format: 'pem' }).toString()
        : '',
  };
}

export async function storedCheckpoints(q: Queryable) {
  return q.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
}

export type CheckpointProblem =
  /** Signed by none of the trusted keys, or not signed as it reads. */
  | 'bad_signature'
  /** A head it names is no longer in the log: the log was rewritten after it was signed. */
  | 'not_in_log';

/**
 * Check a checkpoint's signature with the trusted keys, then that every head it names is still an
 * entry of the log with the same hash.
 */
export async function verifyCheckpoint(
  q: Queryable,
  file: Pick<CheckpointFile, 'payload' | 'signature'>,
  trustedKeys: KeyObject[],
): Promise<{ problem: CheckpointProblem; stream?: number; seq?: number } | null> {
  const data = Buffer.from(file.payload, 'utf8');
  const signature = Buffer.from(file.signature, 'base64');
  if (!trustedKeys.some((key) => verify(null, data, key, signature))) return { problem: 'bad_signature' };
  const payload = parsePayload(file.payload);
  for (const head of payload.heads) {
    if (head.seq === 0) continue;
    const [entry] = await q
      .select({ hash: auditLog.chainHash })
      .from(auditLog)
      .where(and(eq(auditLog.chainStream, head.stream), eq(auditLog.chainSeq, head.seq)));
    if (entry?.hash !== head.hash) return { problem: 'not_in_log', stream: head.stream, seq: head.seq };
  }
  return null;
}

/** The `audit-checkpoint` job: hourly by default, once at start. */
export function auditCheckpointJob(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): JobDefinition {
  return {
    name: 'audit-checkpoint',
    cron: deps.config.auditCheckpointCron,
    runAtStart: true,
    run: async () => {
      await createCheckpoint(deps.db, deps.config, deps.clock());
    },
  };
}
