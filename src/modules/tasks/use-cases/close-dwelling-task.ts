import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import { dwellingTaskRefusal } from '../../../shared/access/dwelling-task-policy.ts';
import type { TTask, TTaskClose } from '../../../shared/contracts/tasks.ts';
import { findTask } from '../tasks.repository.ts';
import { closeFoundTask } from './close-task.ts';

/**
 * Closes an open task about a dwelling (a GLA plan's) from « Mes tâches »: done, or dismissed with the
 * reason why. Its owner or a social worker of its organisation; anyone else gets the 404 of an unknown task.
 */
export async function closeDwellingTask(
  ctx: Context,
  input: { taskId: string } & TTaskClose,
): Promise<TTask> {
  const task = await findTask(ctx.db, null, input.taskId);
  if (!task || dwellingTaskRefusal(ctx.actor, task)) throw notFound('Tâche introuvable.');
  return closeFoundTask(ctx, task, null, input);
}
