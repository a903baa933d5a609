import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import type { TAuditPage, TAuditQuery } from '../../../shared/contracts/audit.ts';
import { users } from '../../identity/schema.ts';
import { auditLog } from '../../../kernel/audit-schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';

/** Start of a calendar day in Paris, as a timestamptz. */
const parisDayStart = (isoDate: string, plusDays = 0) =>
  sql`((${isoDate}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

/**
 * What the members of the actor's organisation did, newest first. `action` matches itself and its
 * sub-actions ("auth" matches "auth.login"); `to` is inclusive.
 */
export async function listAuditLog(ctx: Context, query: TAuditQuery): Promise<TAuditPage> {
  const { actor, db: q } = ctx;
  requireRoleIn(actor, 'auditReaders');
  const conditions: SQL[] = [eq(auditLog.actorOrganisationId, actor.organisationId)];
  if (query.from) conditions.push(sql`${auditLog.at} >= ${parisDayStart(query.from)}`);
  if (query.to) conditions.push(sql`${auditLog.at} < ${parisDayStart(query.to, 1)}`);
  if (query.userId) conditions.push(eq(auditLog.actorUserId, query.userId));
  if (query.action) {
    const escaped = query.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(or(eq(auditLog.action, query.action), like(auditLog.action, `${escaped}.%`)) as SQL);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    q
      .select({ entry: auditLog, actorName: users.fullName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map(({ entry, actorName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      householdId: entry.householdId,
      actorUserId: entry.actorUserId,
      actorName,
      ip: entry.ip,
      userAgent: entry.userAgent,
      details: entry.details,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
