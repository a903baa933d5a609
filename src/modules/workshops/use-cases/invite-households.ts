import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import { canWriteJournal } from '../../../shared/access/journal-policy.ts';
import type { TWorkshop } from '../../../shared/contracts/workshops.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { auditPerHousehold, requireOwnWorkshop, requirePlanned, staleWorkshop } from '../workshop-access.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { invitationsOf, replaceInvitations, updateWorkshop } from '../workshops.repository.ts';

/** Whether the actor's organisation follows the household (its social workers keep its journal). */
async function follows(ctx: Context, householdId: string): Promise<boolean> {
  try {
    return canWriteJournal(await requireHouseholdAccess(ctx, householdId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

/**
 * Sets the households invited, at the workshop's version read: only households the organisation
 * follows (its attendance goes to their journal); a household that came stays on the list.
 */
export async function inviteHouseholds(
  ctx: Context,
  input: { workshopId: string; rowVersion: number; householdIds: string[] },
): Promise<TWorkshop> {
  const found = await requireOwnWorkshop(ctx, input.workshopId);
  requirePlanned(found);
  const wanted = [...new Set(input.householdIds)];
  for (const householdId of wanted)
    if (!(await follows(ctx, householdId)))
      throw invalid({ householdIds: 'Invitez seulement des ménages que votre organisation accompagne.' });
  const before = new Set((await invitationsOf(ctx.db, input.workshopId)).map((i) => i.householdId));
  if (
    !(await updateWorkshop(ctx.db, {
      id: input.workshopId,
      rowVersion: input.rowVersion,
      values: { updatedAt: ctx.now },
    }))
  )
    throw staleWorkshop();
  await replaceInvitations(ctx.db, input.workshopId, wanted);
  const after = new Set((await invitationsOf(ctx.db, input.workshopId)).map((i) => i.householdId));
  await auditPerHousehold(
    ctx,
    'workshop.invite',
    input.workshopId,
    [...after].filter((id) => !before.has(id)),
  );
  await auditPerHousehold(
    ctx,
    'workshop.uninvite',
    input.workshopId,
    [...before].filter((id) => !after.has(id)),
  );
  return presentWorkshop(ctx, await requireOwnWorkshop(ctx, input.workshopId));
}
