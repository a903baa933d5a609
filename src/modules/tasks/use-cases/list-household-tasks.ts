import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TTask } from '../../../shared/contracts/tasks.ts';
import { requireTaskAccess } from '../task-access.ts';
import { listHouseholdTasks as listTasks } from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

/** The household's tasks, open first then closed, for its caseworker. */
export async function listHouseholdTasks(ctx: Context, householdId: string): Promise<TTask[]> {
  await requireTaskAccess(ctx, householdId);
  const tasks = await listTasks(ctx.db, householdId);
  await audit(ctx.db, ctx.actor, {
    action: 'task.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return tasks.map(presentTask);
}
