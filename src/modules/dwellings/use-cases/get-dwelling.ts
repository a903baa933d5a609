import type { Context } from '../../../kernel/context.ts';
import type { TDwelling } from '../../../shared/contracts/dwellings.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireOwnDwelling } from '../dwelling-access.ts';
import { presentDwelling } from '../dwelling.presenter.ts';
import { findDwelling, rentHistory } from '../dwellings.repository.ts';

/** A dwelling of the actor's stock with its rent history. */
export async function getDwelling(ctx: Context, dwellingId: string): Promise<TDwelling> {
  const dwelling = await requireOwnDwelling(ctx, dwellingId, 'read_stock');
  return presentDwelling(dwelling, await rentHistory(ctx.db, dwellingId), parisDate(ctx.now));
}

/** The dwelling as it is after a change in this transaction. */
export async function reloadDwelling(ctx: Context, dwellingId: string): Promise<TDwelling> {
  const dwelling = (await findDwelling(ctx.db, dwellingId))!;
  return presentDwelling(dwelling, await rentHistory(ctx.db, dwellingId), parisDate(ctx.now));
}
