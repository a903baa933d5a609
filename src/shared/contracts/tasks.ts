import { z } from 'zod';
import { ALERT_RULES } from './alerts.ts';
import { ZId, ZIsoDate, zPage } from './common.ts';

/** Tasks: what someone must do for a household, by when (urgent actions of diagnostics, alerts). */
export const TASK_STATUSES = ['open', 'done', 'dismissed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'À faire',
  done: 'Faite',
  dismissed: 'Abandonnée',
};

export const TASK_SOURCES = ['diagnostic', 'manual', 'alert', 'measure', 'gla'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
export const TASK_SOURCE_LABELS: Record<TaskSource, string> = {
  diagnostic: 'Action urgente du diagnostic',
  manual: 'Tâche du dossier',
  alert: 'Alerte',
  measure: 'Échéance d’une mesure',
  gla: 'Gestion locative adaptée',
};

export const ZTask = z.object({
  id: ZId,
  /** The household it is for; null for a dwelling's task (a GLA plan's). */
  householdId: ZId.nullable(),
  fileLabel: z.string().nullable(),
  /** The dwelling a task without household is about. */
  dwelling: z.object({ id: ZId, address: z.string() }).nullable(),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  source: z.enum(TASK_SOURCES),
  /** The diagnostic of an urgent action, to open it from the task. */
  sourceId: ZId.nullable(),
  /** Which alert rule raised it (source "alert"). */
  alertRule: z.enum(ALERT_RULES).nullable(),
  ownerUserId: ZId.nullable(),
  ownerName: z.string().nullable(),
  ownerOrganisationId: ZId.nullable(),
  ownerOrganisationName: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closedReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TTask = z.infer<typeof ZTask>;
export const ZTaskList = z.object({ items: z.array(ZTask) });
/** A page of a list of tasks (my tasks on the home page). */
export const ZTaskPage = zPage(ZTask);
export type TTaskPage = z.infer<typeof ZTaskPage>;

const title = z
  .string({ message: 'Libellé obligatoire.' })
  .trim()
  .min(1, { message: 'Libellé obligatoire.' })
  .max(300, { message: '300 caractères au plus.' });

export const ZTaskCreate = z
  .object({
    title,
    dueOn: ZIsoDate.nullish(),
    ownerUserId: ZId.nullish(),
    ownerOrganisationId: ZId.nullish(),
    /** The diagnostic the task is an urgent action of (then its source), else a task of the file. */
    diagnosticId: ZId.nullish(),
  })
  .refine((t) => !(t.ownerUserId && t.ownerOrganisationId), {
    path: ['ownerUserId'],
    message: 'Une tâche a un seul responsable : une personne ou une organisation.',
  });
export type TTaskCreate = z.input<typeof ZTaskCreate>;
export const ZTaskParams = z.object({ id: ZId, taskId: ZId });

export const ZTaskClose = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), note: z.string().trim().max(1000).nullish() }),
  z.object({
    outcome: z.literal('dismissed'),
    note: z
      .string({ message: 'Indiquez pourquoi la tâche est abandonnée.' })
      .trim()
      .min(3, { message: 'Indiquez pourquoi la tâche est abandonnée.' })
      .max(1000, { message: '1000 caractères au plus.' }),
  }),
]);
export type TTaskClose = z.input<typeof ZTaskClose>;
