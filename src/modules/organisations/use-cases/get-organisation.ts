import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { TOrganisationDetail } from '../../../shared/contracts/organisations.ts';
import { findVisibleOrganisation } from '../organisations.repository.ts';
import { presentOrganisationDetail } from '../organisations.presenter.ts';

/** An active organisation, or the reader's own, with its contact details (404 otherwise). */
export async function getOrganisation(ctx: Context, id: string): Promise<TOrganisationDetail> {
  const org = await findVisibleOrganisation(ctx.db, id, ctx.actor.organisationId);
  if (!org) throw notFound('Organisation introuvable.');
  return presentOrganisationDetail(org);
}
