import type { Context } from '../../../kernel/context.ts';
import { creatorSide, partnershipRefusal } from '../../../shared/access/partnership-policy.ts';
import type { z } from 'zod';
import type { ZConventionList } from '../../../shared/contracts/partnerships.ts';
import { presentSummary } from '../partnerships.presenter.ts';
import { organisationConventions } from '../partnerships.repository.ts';

/** The conventions of the actor's organisation it may read, and from which side it may create one. */
export async function listConventions(ctx: Context): Promise<z.input<typeof ZConventionList>> {
  const rows = await organisationConventions(ctx.db, ctx.actor.organisationId);
  return {
    items: rows
      .filter((r) => partnershipRefusal(ctx.actor, 'read', r.convention) === null)
      .map(presentSummary),
    canCreateAs: creatorSide(ctx.actor),
  };
}
