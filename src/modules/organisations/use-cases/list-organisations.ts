import type { Context } from '../../../kernel/context.ts';
import type { TOrganisationSummary, TOrganisationsQuery } from '../../../shared/contracts/organisations.ts';
import { listActiveOrganisations } from '../organisations.repository.ts';
import { presentOrganisationSummary } from '../organisations.presenter.ts';

/** The directory of active organisations, for choosing a partner (e.g. the association of a referral). */
export async function listOrganisations(
  ctx: Context,
  query: TOrganisationsQuery,
): Promise<TOrganisationSummary[]> {
  return (await listActiveOrganisations(ctx.db, query)).map(presentOrganisationSummary);
}
