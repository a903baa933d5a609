import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import type { TTask, TTaskClose } from '../../../shared/contracts/tasks.ts';
import { requireTaskAccess } from '../task-access.ts';
import { closeOpenTask, findTask } from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

/** Closes an open task: done, or dismissed with the reason why (kept, never deleted). */
export async function closeTask(
  ctx: Context,
  input: { householdId: string; taskId: string } & TTaskClose,
): Promise<TTask> {
  await requireTaskAccess(ctx, input.householdId);
  const task = await findTask(ctx.db, input.householdId, input.taskId);
  if (!task) throw notFound('Tâche introuvable.');
  return closeFoundTask(ctx, task, input.householdId, input);
}

/** The closing itself, once the caller has found the task and checked the actor may close it. */
export async function closeFoundTask(
  ctx: Context,
  task: { id: string; title: string },
  householdId: string | null,
  input: TTaskClose,
): Promise<TTask> {
  const { db, actor, now } = ctx;
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
    householdId,
    details: { title: task.title, outcome: input.outcome },
  });
  return presentTask((await findTask(db, householdId, task.id))!);
}
