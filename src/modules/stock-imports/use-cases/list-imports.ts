import type { Context } from '../../../kernel/context.ts';
import { requireStockRight } from '../../dwellings/index.ts';
import { requireOwnRun } from '../import-access.ts';
import { presentRun, presentRunSummary } from '../import.presenter.ts';
import { landlordRuns } from '../stock-imports.repository.ts';

/** The landlord's last imports, the latest first: its import reports. */
export async function listImports(ctx: Context) {
  requireStockRight(ctx, 'read_stock');
  const runs = await landlordRuns(ctx.db, ctx.actor.organisationId);
  return { items: runs.map(presentRunSummary) };
}

export async function getImport(ctx: Context, runId: string) {
  return presentRun(ctx.db, await requireOwnRun(ctx, runId));
}
