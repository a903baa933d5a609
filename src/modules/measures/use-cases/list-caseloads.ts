import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { canManageCaseloads } from '../../../shared/access/measure-policy.ts';
import type { TCaseload } from '../../../shared/contracts/measures.ts';
import { caseloads, isSocialWorkerOf, setCapacity } from '../measures.repository.ts';

const refusal = 'Les charges de travail sont réservées aux responsables d’équipe et administrateurs.';

/** Each social worker's load (households on access and on maintenance measures) and capacity. */
export async function listCaseloads(ctx: Context): Promise<TCaseload[]> {
  if (!canManageCaseloads(ctx.actor)) throw forbidden(refusal);
  return caseloads(ctx.db, ctx.actor.organisationId);
}

/** Sets how many households a social worker of the organisation may follow, by kind of measure. */
export async function setCaseworkerCapacity(
  ctx: Context,
  input: { userId: string; accessCapacity: number; maintenanceCapacity: number },
): Promise<TCaseload[]> {
  const { db, actor, now } = ctx;
  if (!canManageCaseloads(actor)) throw forbidden(refusal);
  if (!(await isSocialWorkerOf(db, input.userId, actor.organisationId)))
    throw invalid({ userId: 'Cette personne n’est pas un travailleur social de votre organisation.' });
  await setCapacity(db, { ...input, organisationId: actor.organisationId, at: now });
  await audit(db, actor, {
    action: 'caseload.capacity.set',
    entityType: 'user',
    entityId: input.userId,
    details: { accessCapacity: input.accessCapacity, maintenanceCapacity: input.maintenanceCapacity },
  });
  return caseloads(db, actor.organisationId);
}
