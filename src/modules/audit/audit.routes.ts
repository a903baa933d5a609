import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZAuditPage, ZAuditQuery } from '../../shared/contracts/audit.ts';
import { listAuditLog } from './use-cases/list-audit-log.ts';

export async function auditRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit de mon organisation (administrateurs et auditeurs)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request) => {
      const { rows, total } = await listAuditLog(deps.db, { actor: actorOf(request), query: request.query });
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
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
