import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TProcedureBalanceCreate } from '../../../shared/contracts/eviction-prevention.ts';
import { parisDate } from '../../../shared/time.ts';
import { openProcedureToEdit } from '../procedure-access.ts';
import { deleteBalance, insertBalance } from '../prevention.repository.ts';

/** Notes the tenant's debt from a day on, as the landlord's account states it (one per day). */
export async function recordProcedureBalance(
  ctx: Context,
  householdId: string,
  input: Required<TProcedureBalanceCreate>,
): Promise<{ id: string }> {
  const procedure = await openProcedureToEdit(ctx, householdId);
  if (input.on > parisDate(ctx.now)) throw invalid({ on: 'Un solde ne peut pas être daté dans le futur.' });
  const id = await insertBalance(ctx.db, procedure.id, input, ctx.actor.userId, ctx.now);
  if (!id) throw invalid({ on: 'Un solde est déjà noté à cette date : retirez-le pour le corriger.' });
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.balance',
    entityType: 'eviction_procedure',
    entityId: procedure.id,
    householdId,
    details: { on: input.on, amountCents: input.amountCents },
  });
  await ctx.householdChanged?.(householdId);
  return { id };
}

/** Removes a debt noted by mistake (the procedure keeps the others). */
export async function removeProcedureBalance(
  ctx: Context,
  householdId: string,
  balanceId: string,
): Promise<void> {
  const procedure = await openProcedureToEdit(ctx, householdId);
  const removed = await deleteBalance(ctx.db, procedure.id, balanceId);
  if (!removed) throw notFound('Ce solde n’existe pas ou plus.');
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.balance_removed',
    entityType: 'eviction_procedure',
    entityId: procedure.id,
    householdId,
    details: { on: removed.on, amountCents: removed.amountCents },
  });
  await ctx.householdChanged?.(householdId);
}
