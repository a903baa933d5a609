import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden } from '../../kernel/errors.ts';
import { canEditHousehold } from '../../shared/access/household-access.ts';
import { evictionProcedureOf, requireHouseholdAccess } from '../households/index.ts';

/**
 * The household's latest procedure, open or closed, for one who reads the file (null: none), or its
 * open procedure for one who edits it: what prevention work is written on.
 */
export async function procedureToRead(ctx: Context, householdId: string) {
  await requireHouseholdAccess(ctx, householdId);
  return evictionProcedureOf(ctx.db, householdId);
}

export async function openProcedureToEdit(ctx: Context, householdId: string) {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canEditHousehold(level)) throw forbidden('Vous pouvez consulter ce dossier mais pas le modifier.');
  const procedure = await evictionProcedureOf(ctx.db, householdId);
  if (!procedure || procedure.closedOn !== null)
    throw new AppError(
      'INVALID_STATE',
      'Aucune procédure d’expulsion en cours pour ce ménage : notez d’abord une étape de la procédure.',
    );
  return procedure;
}
