import type { Queryable } from './db.ts';
import { auditLog } from '../modules/audit/schema.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  householdId?: string | null;
  details?: Record<string, unknown>;
}

type AuditActor = Pick<Actor, 'userId' | 'organisationId' | 'ip' | 'userAgent'>;

/**
 * Append to the audit log. Call it with the transaction of the change it records, so that a change
 * and its trace land together or not at all.
 */
export async function audit(q: Queryable, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    householdId: entry.householdId ?? null,
    details: entry.details ?? {},
  });
}
