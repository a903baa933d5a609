import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireConvention } from '../convention-access.ts';
import { findGlaTask, markGlaTaskDone } from '../partnerships.repository.ts';

/** The association notes a task of the GLA plan as done, on a day not in the future; once. */
export async function completeGlaTask(
  ctx: Context,
  input: { conventionId: string; taskId: string; doneOn: string },
) {
  const { db, actor } = ctx;
  await requireConvention(ctx, input.conventionId, 'plan_gla');
  const found = await findGlaTask(db, input.conventionId, input.taskId);
  if (!found) throw notFound('Tâche introuvable.');
  if (input.doneOn > parisDate(ctx.now))
    throw invalid({ doneOn: 'Une tâche ne peut pas être faite dans le futur.' });
  if (!(await markGlaTaskDone(db, input.taskId, input.doneOn, ctx.now)))
    throw new AppError('INVALID_STATE', 'Cette tâche est déjà notée comme faite.');
  await audit(db, actor, {
    action: 'partnership_convention.gla_task_done',
    entityType: 'partnership_convention',
    entityId: input.conventionId,
    details: { kind: found.task.kind, dueOn: found.task.dueOn, doneOn: input.doneOn },
  });
  return {
    id: found.task.id,
    address: found.address,
    kind: found.task.kind,
    dueOn: found.task.dueOn,
    doneOn: input.doneOn,
  };
}
