import type { Routes } from '../../kernel/routes.ts';
import { AUDIT_ROUTES as R } from '../../shared/routes/audit.ts';
import { listAuditLog } from './use-cases/list-audit-log.ts';

/** The organisation's audit log (transport only). */
export function auditRoutes(routes: Routes): void {
  routes.add(R.log, (ctx, { query }) => listAuditLog(ctx, query));
}
