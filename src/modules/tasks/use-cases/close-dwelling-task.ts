import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { dwellingTaskRefusal } from '../../../shared/access/dwelling-task-policy.ts';
import type { TTask, TTaskClose } from '../../../shared/contracts/tasks.ts';
import { closeOpenTask, findTask } from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

/**
 * Closes an open task about a dwelling (a GLA plan's) from « Mes tâches »: done, or dismissed with the
 * reason why. Its owner or a social worker of its organisation; anyone else gets the 404 of an unknown task.
 */
export async function closeDwellingTask(
  ctx: Context,
  input: { taskId: string } & TTaskClose,
): Promise<TTask> {
  const { db, actor, now } = ctx;
  const task = await findTask(db, null, input.taskId);
  if (!task || dwellingTaskRefusal(actor, task)) throw notFound('Tâche introuvable.');
  const closed = await closeOpenTask(db, {
    id: task.id,
    status: input.outcome,
    reason: input.note?.trim() || null,
    userId: actor.userId,
    at: now,
  });
  if (!closed) throw new AppError('INVALID_STATE', 'Cette tâche est déjà close.');
  await audit(db, actor, {
    action: 'task.close',
    entityType: 'task',
    entityId: task.id,
    details: { title: task.title, outcome: input.outcome },
  });
  return presentTask((await findTask(db, null, task.id))!);
}
