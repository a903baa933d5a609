import type { Context } from '../../../kernel/context.ts';
import { requireWorkshopStaff } from '../workshop-access.ts';
import { presentWorkshopSummary } from '../workshop.presenter.ts';
import { organisationWorkshops } from '../workshops.repository.ts';

/** The organisation's workshops, the latest first (no household named). */
export async function listWorkshops(ctx: Context) {
  requireWorkshopStaff(ctx);
  return {
    items: (await organisationWorkshops(ctx.db, ctx.actor.organisationId)).map(presentWorkshopSummary),
  };
}
