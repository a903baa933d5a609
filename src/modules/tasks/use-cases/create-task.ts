import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, type FieldErrors } from '../../../kernel/errors.ts';
import type { TTask, ZTaskCreate } from '../../../shared/contracts/tasks.ts';
import { activeParties } from '../../households/index.ts';
import { requireTaskAccess } from '../task-access.ts';
import {
  findTask,
  insertTask,
  isDiagnosticOf,
  isMemberOfCurrentParty,
  organisationExists,
  userExists,
} from '../tasks.repository.ts';
import { presentTask } from '../task.presenter.ts';

type TaskInput = z.output<typeof ZTaskCreate> & { householdId: string };

/**
 * Who may own a task: someone of an organisation that is a current party to the household, or such
 * an organisation (then its caseworker for the household sees it). The fields that fail, in French.
 */
async function ownerErrors(ctx: Context, input: TaskInput): Promise<FieldErrors> {
  const { db, now } = ctx;
  const errors: FieldErrors = {};
  if (input.ownerUserId) {
    if (!(await userExists(db, input.ownerUserId))) errors.ownerUserId = 'Personne inconnue.';
    else if (
      !(await isMemberOfCurrentParty(db, {
        userId: input.ownerUserId,
        householdId: input.householdId,
        at: now,
      }))
    ) {
      errors.ownerUserId = 'Cette personne n’appartient à aucune organisation partie au dossier.';
    }
  }
  if (input.ownerOrganisationId) {
    const parties = await activeParties(db, input.householdId, now);
    if (!(await organisationExists(db, input.ownerOrganisationId))) {
      errors.ownerOrganisationId = 'Organisation inconnue.';
    } else if (!parties.some((p) => p.organisationId === input.ownerOrganisationId)) {
      errors.ownerOrganisationId = 'Cette organisation n’est pas partie au dossier du ménage.';
    }
  }
  if (input.diagnosticId && !(await isDiagnosticOf(db, input.diagnosticId, input.householdId))) {
    errors.diagnosticId = 'Ce diagnostic n’est pas celui du ménage.';
  }
  return errors;
}

/**
 * A task for the household: an urgent action of one of its diagnostics (source "diagnostic"), or a
 * task of the file. A due date in the past is accepted: the task is then overdue from the start.
 */
export async function createTask(ctx: Context, input: TaskInput): Promise<TTask> {
  const { db, actor, now } = ctx;
  await requireTaskAccess(ctx, input.householdId);
  const errors = await ownerErrors(ctx, input);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const id = await insertTask(db, {
    householdId: input.householdId,
    title: input.title,
    ownerUserId: input.ownerUserId ?? null,
    ownerOrganisationId: input.ownerOrganisationId ?? null,
    dueOn: input.dueOn ?? null,
    source: input.diagnosticId ? 'diagnostic' : 'manual',
    sourceId: input.diagnosticId ?? null,
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    createdAt: now,
    updatedAt: now,
  });
  await audit(db, actor, {
    action: 'task.create',
    entityType: 'task',
    entityId: id,
    householdId: input.householdId,
    details: { title: input.title, dueOn: input.dueOn ?? null },
  });
  return presentTask((await findTask(db, input.householdId, id))!);
}
