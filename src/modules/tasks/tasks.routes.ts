import type { Routes } from '../../kernel/routes.ts';
import { TASK_ROUTES as R } from '../../shared/routes/tasks.ts';
import { listMyTasks } from './use-cases/list-my-tasks.ts';
import { listHouseholdTasks } from './use-cases/list-household-tasks.ts';
import { createTask } from './use-cases/create-task.ts';
import { closeTask } from './use-cases/close-task.ts';
import { closeDwellingTask } from './use-cases/close-dwelling-task.ts';

/** Tasks of the households (transport only: each route calls one use case). */
export function tasksRoutes(routes: Routes): void {
  routes.add(R.mine, (ctx, { query }) => listMyTasks(ctx, query));
  routes.add(R.list, async (ctx, { params }) => ({ items: await listHouseholdTasks(ctx, params.id) }));
  routes.add(R.create, (ctx, { params, body }) => createTask(ctx, { householdId: params.id, ...body }));
  routes.add(R.close, (ctx, { params, body }) =>
    closeTask(ctx, { householdId: params.id, taskId: params.taskId, ...body }),
  );
  routes.add(R.closeDwellingTask, (ctx, { params, body }) =>
    closeDwellingTask(ctx, { taskId: params.taskId, ...body }),
  );
}
