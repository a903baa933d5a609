import type { Context } from '../../../kernel/context.ts';
import { hasRoleIn } from '../../../shared/access/role-groups.ts';
import { requireAgendaHolder } from '../agenda-access.ts';
import { agendaPeople } from '../agenda.repository.ts';

/** Whose week a reader may open: a team leader, any social worker of the organisation; others, their own. */
export const mayChooseWeek = (ctx: Context) => hasRoleIn(ctx.actor.roles, 'caseloadManagers');

/** The organisation's social workers, for the appointment form and the team leader's choice. */
export async function listAgendaPeople(ctx: Context) {
  requireAgendaHolder(ctx);
  return { items: await agendaPeople(ctx.db, ctx.actor.organisationId), mayChoose: mayChooseWeek(ctx) };
}
