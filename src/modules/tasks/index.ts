/**
 * Tasks: what someone must do for a household by a date (urgent actions of diagnostics, tasks of the
 * file), or about a dwelling (a GLA plan's).
 */
export { tasksRoutes } from './tasks.routes.ts';
export { raiseTask, closeTasksOf, type RaisedTask } from './raise-task.ts';
export {
  reconcileAlertTasks,
  householdsWithOpenAlerts,
  ALERT_GONE_REASON,
  type WantedAlert,
  type AlertTaskChange,
} from './alert-tasks.ts';
export { listOpenTasksOf } from './tasks.repository.ts';
export { alertRuleOf } from './task.presenter.ts';
export { writeGlaTasks, glaTasksOf, dismissGlaTasksAfter, type GlaTaskToWrite } from './dwelling-tasks.ts';
