import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './db.ts';
import { auditLog } from './audit-schema.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  householdId?: string | null;
  details?: Record<string, unknown>;
}

/** Who acts: a request's actor, or a user acting through a secret with no organisation chosen (a calendar feed). */
export type AuditActor = Pick<Actor, 'userId' | 'ip' | 'userAgent'> & { organisationId: string | null };

function auditRow(actor: AuditActor | null, entry: AuditEntry) {
  return {
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    householdId: entry.householdId ?? null,
    details: entry.details ?? {},
  };
}

/**
 * Append to the audit log. Call it with the transaction of the change it records, so that a change
 * and its trace land together or not at all.
 */
export async function audit(q: Queryable, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values(auditRow(actor, entry));
}

/** Entries per statement: nine parameters each, under the 65 535 a statement takes. */
const AUDIT_ROWS_PER_STATEMENT = 5_000;

/**
 * Append several entries, a statement per 5 000 (a list that shows many households: one trace per
 * household, one round trip for most lists). The chaining trigger runs per row, as for single entries.
 */
export async function auditMany(
  q: Queryable,
  actor: AuditActor | null,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_STATEMENT) {
    const batch = entries.slice(start, start + AUDIT_ROWS_PER_STATEMENT);
    await q.insert(auditLog).values(batch.map((entry) => auditRow(actor, entry)));
  }
}

/** The values of an entry, as bound to the placeholders of `auditInsertWhere` on execution. */
export function auditParams(actor: AuditActor | null, entry: AuditEntry): Record<string, unknown> {
  const { details, ...row } = auditRow(actor, entry);
  return {
    ...Object.fromEntries(Object.entries(row).map(([key, value]) => [`audit_${key}`, value])),
    audit_details: JSON.stringify(details),
  };
}

/**
 * For a prepared statement's data-modifying CTE: an INSERT of the entry (values bound from
 * `auditParams`) only when `condition` holds, returning the new id. A read and its trace are then one
 * statement: atomic, and one round trip.
 */
export function auditInsertWhere(condition: SQL): SQL {
  const c = auditLog;
  const bound = [
    [c.actorUserId, 'actorUserId', 'uuid'],
    [c.actorOrganisationId, 'actorOrganisationId', 'uuid'],
    [c.ip, 'ip', 'text'],
    [c.userAgent, 'userAgent', 'text'],
    [c.action, 'action', 'text'],
    [c.entityType, 'entityType', 'text'],
    [c.entityId, 'entityId', 'text'],
    [c.householdId, 'householdId', 'uuid'],
    [c.details, 'details', 'jsonb'],
  ] as const;
  const columns = bound.map(([column]) => sql.identifier(column.name));
  // Parameters in a SELECT list have no type of their own: each is cast to its column's type.
  const values = bound.map(([, key, type]) => sql`${sql.placeholder(`audit_${key}`)}::${sql.raw(type)}`);
  return sql`insert into ${auditLog} (${sql.join(columns, sql`, `)}) select ${sql.join(values, sql`, `)} where ${condition} returning ${sql.identifier(c.id.name)}`;
}
