import { z } from 'zod';
import { ZId, ZIdParams, ZPaging } from '../contracts/common.ts';
import { ZTask, ZTaskClose, ZTaskCreate, ZTaskList, ZTaskPage, ZTaskParams } from '../contracts/tasks.ts';
import { defineRoute } from './define.ts';

const tag = 'tâches';
/** Tasks are the caseworker's: other parties get 403, organisations that are no party 404. */
const household = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Les tâches du dossier sont réservées au travailleur social référent.',
} as const;

/** What someone must do for a household by a date: urgent actions of diagnostics and tasks of the file. */
export const TASK_ROUTES = {
  mine: defineRoute({
    method: 'GET',
    path: '/api/tasks/mine',
    tag,
    summary:
      'Mes tâches ouvertes (les miennes, et celles de mon organisation sur les ménages dont je suis le référent), par échéance, une page à la fois',
    query: ZPaging,
    response: ZTaskPage,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/households/:id/tasks',
    tag,
    summary: 'Tâches du ménage, ouvertes puis closes (référent)',
    params: ZIdParams,
    response: ZTaskList,
    household,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/households/:id/tasks',
    tag,
    summary: 'Créer une tâche, ou une action urgente d’un diagnostic (responsable, échéance)',
    params: ZIdParams,
    body: ZTaskCreate,
    response: ZTask,
    status: 201,
    household,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/households/:id/tasks/:taskId/close',
    tag,
    summary: 'Clore une tâche : faite, ou abandonnée avec son motif',
    params: ZTaskParams,
    body: ZTaskClose,
    response: ZTask,
    household,
    errors: [409],
  }),
  closeDwellingTask: defineRoute({
    method: 'POST',
    path: '/api/tasks/:taskId/close',
    tag,
    summary:
      'Clore une tâche sur un logement (plan de gestion locative adaptée) : faite, ou abandonnée avec son motif',
    params: z.object({ taskId: ZId }),
    body: ZTaskClose,
    response: ZTask,
    errors: [409],
  }),
};
