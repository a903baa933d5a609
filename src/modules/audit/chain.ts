import { createHash } from 'node:crypto';
import { asc, count, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { auditChainHeads, auditLog } from '../../kernel/audit-schema.ts';

/**
 * The canonical text of an entry, as the chaining trigger of migration 0009 builds it. Rebuilt here
 * from the stored columns with core functions only, so that a function replaced in the database
 * cannot make a changed entry look intact; the hash itself is computed in Node.
 */
const canonicalText = sql<string>`jsonb_build_array(
  ${auditLog.id}, to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  ${auditLog.actorUserId}, ${auditLog.actorOrganisationId}, ${auditLog.action}, ${auditLog.entityType},
  ${auditLog.entityId}, ${auditLog.householdId}, ${auditLog.ip}, ${auditLog.userAgent}, ${auditLog.details},
  ${auditLog.chainStream}, ${auditLog.chainSeq})::text`;

export const chainHash = (previousHash: string, canonical: string): string =>
  createHash('sha256')
    .update(previousHash + canonical, 'utf8')
    .digest('hex');

export type ChainBreakReason =
  /** The stored hash is not the one recomputed: the entry was changed, or forged. */
  | 'hash_mismatch'
  /** A rank is missing in the stream: an entry was deleted. */
  | 'missing'
  /** The entry carries no chain: it was written with the trigger disabled. */
  | 'unchained'
  /** The stream's head names a later entry than the last one found: entries were deleted at the end. */
  | 'head_mismatch';

export interface ChainBreak {
  reason: ChainBreakReason;
  /** The first entry found wrong, or for a deletion the entry after the gap (null at the end). */
  entryId: number | null;
  stream: number | null;
  seq: number | null;
}

export interface ChainHead {
  stream: number;
  seq: number;
  hash: string;
}

export interface ChainReport {
  entries: number;
  streams: number;
  /** The earliest break (lowest entry id), or null when every stream verifies. */
  firstBreak: ChainBreak | null;
  /** The heads as recomputed from the entries: what a checkpoint must be found in. */
  heads: ChainHead[];
}

const BATCH = 2_000;

/** Walk one stream in rank order; the first break stops it (what follows cannot be trusted). */
async function verifyStream(
  q: Queryable,
  head: ChainHead,
): Promise<{ last: ChainHead; broken: ChainBreak | null }> {
  let previous = '';
  let seq = 0;
  for (;;) {
    const rows = await q
      .select({ id: auditLog.id, seq: auditLog.chainSeq, hash: auditLog.chainHash, canonical: canonicalText })
      .from(auditLog)
      .where(sql`${auditLog.chainStream} = ${head.stream} and ${auditLog.chainSeq} > ${seq}`)
      .orderBy(asc(auditLog.chainSeq))
      .limit(BATCH);
    for (const row of rows) {
      const at = { entryId: row.id, stream: head.stream, seq: row.seq };
      if (row.seq !== seq + 1)
        return { last: { ...head, seq, hash: previous }, broken: { ...at, reason: 'missing' } };
      if (row.hash !== chainHash(previous, row.canonical)) {
        return { last: { ...head, seq, hash: previous }, broken: { ...at, reason: 'hash_mismatch' } };
      }
      previous = row.hash;
      seq += 1;
    }
    if (rows.length < BATCH) break;
  }
  const last = { stream: head.stream, seq, hash: previous };
  const broken: ChainBreak | null =
    head.seq !== seq || head.hash !== previous
      ? { reason: 'head_mismatch', entryId: null, stream: head.stream, seq: seq + 1 }
      : null;
  return { last, broken };
}

/** Recompute every stream of the audit log from its first entry and name the earliest break. */
export async function verifyAuditChain(q: Queryable): Promise<ChainReport> {
  const heads = await q.select().from(auditChainHeads).orderBy(asc(auditChainHeads.stream));
  const results = [];
  for (const head of heads) results.push(await verifyStream(q, head));
  const [total] = await q.select({ n: count() }).from(auditLog);
  const [unchained] = await q
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      sql`${auditLog.chainHash} is null or ${auditLog.chainStream} is null or ${auditLog.chainSeq} is null`,
    )
    .orderBy(asc(auditLog.id))
    .limit(1);
  const breaks = results.flatMap((r) => (r.broken ? [r.broken] : []));
  if (unchained) breaks.push({ reason: 'unchained', entryId: unchained.id, stream: null, seq: null });
  // The earliest entry first; a deletion at the end of a stream (no entry to name) comes last.
  breaks.sort((a, b) => (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
  return {
    entries: total?.n ?? 0,
    streams: heads.length,
    firstBreak: breaks[0] ?? null,
    heads: results.map((r) => r.last),
  };
}
