import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden } from '../../../kernel/errors.ts';
import { canEditHousehold } from '../../../shared/access/household-access.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { closeProcedure, openProcedure } from '../eviction.repository.ts';

/** Closes the open procedure (debt cleared, protocol signed, tenancy ended…), with why. */
export async function closeEvictionProcedure(
  ctx: Context,
  input: { householdId: string; reason: string },
): Promise<void> {
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canEditHousehold(level)) throw forbidden('Vous pouvez consulter ce dossier mais pas le modifier.');
  const open = await openProcedure(ctx.db, input.householdId);
  if (!open) throw new AppError('INVALID_STATE', 'Aucune procédure d’expulsion en cours pour ce ménage.');
  await closeProcedure(ctx.db, open.id, parisDate(ctx.now), input.reason);
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_procedure.close',
    entityType: 'eviction_procedure',
    entityId: open.id,
    householdId: input.householdId,
    details: { reason: input.reason },
  });
}
