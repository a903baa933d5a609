import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Context } from '../../../kernel/context.ts';
import type { TAuditPage, TAuditQuery } from '../../../shared/contracts/audit.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import {
  auditActionLabel,
  auditOrganisationIds,
  describeAuditEntry,
  describeAuditSubject,
} from '../../../shared/audit/actions.ts';
import { users } from '../../identity/schema.ts';
import { households } from '../../households/schema.ts';
import { organisationNames } from '../../organisations/index.ts';
import { auditLog } from '../../../kernel/audit-schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';

/** Start of a calendar day in Paris, as a timestamptz. */
const parisDayStart = (isoDate: string, plusDays = 0) =>
  sql`((${isoDate}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

const concernedUser = alias(users, 'concerned_user');

/**
 * What the members of the actor's organisation did, newest first, in words. `action` matches itself
 * and its sub-actions ("auth" matches "auth.login"); `to` is inclusive.
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
      .select({
        entry: auditLog,
        actorName: users.fullName,
        fileNumber: households.fileNumber,
        concernedUserName: concernedUser.fullName,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(households, eq(households.id, auditLog.householdId))
      .leftJoin(
        concernedUser,
        and(eq(auditLog.entityType, 'user'), eq(sql`${concernedUser.id}::text`, auditLog.entityId)),
      )
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(auditLog).where(where),
  ]);
  const organisationIds = [...new Set(rows.flatMap((r) => auditOrganisationIds(r.entry.details)))];
  const names = await organisationNames(q, organisationIds);
  return {
    items: rows.map(({ entry, actorName, fileNumber, concernedUserName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actionLabel: auditActionLabel(entry.action),
      subject: describeAuditSubject(entry.entityType, {
        fileLabel: fileNumber === null ? null : formatFileNumber(fileNumber),
        userName: concernedUserName,
      }),
      description: describeAuditEntry(entry.action, entry.details, { organisation: names }),
      actorName,
      ip: entry.ip,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
