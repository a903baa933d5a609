import type { Context } from '../../../kernel/context.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import type { TPaging } from '../../../shared/contracts/common.ts';
import type { TTaskPage } from '../../../shared/contracts/tasks.ts';
import { pageOpenTasksOf } from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

/**
 * The home page's list: my open tasks, soonest due first, undated last, a page at a time. Only
 * actors who would be a household's caseworker have any (tasks are caseworker-only).
 */
export async function listMyTasks(ctx: Context, paging: TPaging): Promise<TTaskPage> {
  const { actor } = ctx;
  const empty = { items: [], total: 0, ...paging };
  if (partyAccessLevel(actor) !== 'caseworker') return empty;
  const { rows, total } = await pageOpenTasksOf(
    ctx.db,
    { userId: actor.userId, organisationId: actor.organisationId, at: ctx.now },
    paging,
  );
  return { items: rows.map(presentTask), total, page: paging.page, pageSize: paging.pageSize };
}
