import type { Context } from '../../../kernel/context.ts';
import type { TDwellingListQuery } from '../../../shared/contracts/dwellings.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireStockRight } from '../dwelling-access.ts';
import { presentSummary } from '../dwelling.presenter.ts';
import { communeOptions, landlordStock } from '../dwellings.repository.ts';

/** The actor's landlord stock, filtered, a page at a time, with each dwelling's rent in force today. */
export async function listDwellings(ctx: Context, query: TDwellingListQuery) {
  requireStockRight(ctx, 'read_stock');
  const { rows, rents, total } = await landlordStock(
    ctx.db,
    ctx.actor.organisationId,
    query,
    parisDate(ctx.now),
  );
  return {
    items: rows.map((d) => presentSummary(d, rents.get(d.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The communes a dwelling may be in (for the form and the filters). */
export async function getDwellingOptions(ctx: Context) {
  requireStockRight(ctx, 'read_stock');
  return { communes: await communeOptions(ctx.db) };
}
