import type { Context } from '../../../kernel/context.ts';
import type { TTerritory, TTerritoryQuery } from '../../../shared/contracts/organisations.ts';
import { searchTerritories } from '../organisations.repository.ts';
import { presentTerritory } from '../organisations.presenter.ts';

/** Territories (département, EPCI, commune) matching a name, a code or a postcode. */
export async function listTerritories(ctx: Context, query: TTerritoryQuery): Promise<TTerritory[]> {
  return (await searchTerritories(ctx.db, query)).map(presentTerritory);
}
