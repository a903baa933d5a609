import type { Context } from '../../../kernel/context.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import type { TTask } from '../../../shared/contracts/tasks.ts';
import { listOpenTasksOf } from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

/**
 * The home page's list: my open tasks, soonest due first, undated last. Only actors who would be a
 * household's caseworker have any (tasks are caseworker-only).
 */
export async function listMyTasks(ctx: Context): Promise<TTask[]> {
  const { actor } = ctx;
  if (partyAccessLevel(actor) !== 'caseworker') return [];
  const rows = await listOpenTasksOf(ctx.db, {
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: ctx.now,
  });
  return rows.map(presentTask);
}
