import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import { appendLines } from '../account-lines.ts';
import { ACCOUNT_NOT_FOUND, requireAccount } from '../rent-account-access.ts';
import { findContract } from '../rent-accounts.repository.ts';

/**
 * For other modules (an FSL maintien, an aide sur quittance paid to the account): the aid as a
 * credit line. The caller has checked its own right; a closed account refuses it like a payment.
 */
export async function postAidCredit(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  input: { contractId: string; on: string; amountCents: number; label: string },
): Promise<{ postingId: string }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
    throw invalid({ amountCents: 'Le montant de l’aide est positif.' });
  const contract = await findContract(ctx.db, input.contractId);
  if (!contract) throw notFound(ACCOUNT_NOT_FOUND);
  const account = await requireAccount(ctx, contract.id);
  const [row] = await appendLines(ctx, account, contract.householdId, [
    { kind: 'aid_credit', amountCents: -input.amountCents, postedOn: input.on, label: input.label },
  ]);
  return { postingId: row!.id };
}
