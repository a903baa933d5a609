import type { Routes } from '../../kernel/routes.ts';
import { AUDIT_ROUTES as R } from '../../shared/routes/audit.ts';
import { listAuditLog } from './use-cases/list-audit-log.ts';
import { downloadCheckpoint, listCheckpoints, signCheckpointNow } from './use-cases/checkpoints.ts';

/** The organisation's audit log and the log's signed checkpoints (transport only). */
export function auditRoutes(routes: Routes): void {
  routes.add(R.log, (ctx, { query }) => listAuditLog(ctx, query));
  routes.add(R.checkpoints, (ctx) => listCheckpoints(ctx));
  routes.add(R.signCheckpoint, (ctx) => signCheckpointNow(ctx));
  routes.add(R.downloadCheckpoint, (ctx, { params }) => downloadCheckpoint(ctx, params.id));
}
