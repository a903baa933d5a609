import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TArrearsThreshold, TFlaggedTenants } from '../../../shared/contracts/dwellings.ts';
import { crossesThreshold, DEFAULT_ARREARS_THRESHOLD } from '../../../shared/dwellings/arrears.ts';
import { requireStockRight } from '../../dwellings/index.ts';
import { latestBalances, saveThreshold, thresholdOf } from '../arrears.repository.ts';

export async function getThreshold(ctx: Context): Promise<TArrearsThreshold> {
  requireStockRight(ctx, 'import_stock');
  return (await thresholdOf(ctx.db, ctx.actor.organisationId)) ?? DEFAULT_ARREARS_THRESHOLD;
}

export async function setThreshold(ctx: Context, threshold: TArrearsThreshold): Promise<TArrearsThreshold> {
  requireStockRight(ctx, 'import_stock');
  await saveThreshold(ctx.db, ctx.actor.organisationId, threshold, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'stock_import.threshold.update',
    entityType: 'organisation',
    entityId: ctx.actor.organisationId,
    details: { ...threshold },
  });
  return threshold;
}

/** The tenants whose latest balance crosses the landlord's threshold: the ones to refer early. */
export async function flaggedTenants(ctx: Context): Promise<TFlaggedTenants> {
  const threshold = await getThreshold(ctx);
  const balances = await latestBalances(ctx.db, ctx.actor.organisationId);
  const items = balances.filter((b) => crossesThreshold(b, threshold));
  await audit(ctx.db, ctx.actor, {
    action: 'stock_import.flagged.read',
    entityType: 'organisation',
    entityId: ctx.actor.organisationId,
    details: { count: items.length },
  });
  return { threshold, items };
}
