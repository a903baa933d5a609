import type { Context } from '../../../kernel/context.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import type { PaymentMethod } from '../../../shared/rent-accounts/postings.ts';
import { appendLines } from '../account-lines.ts';
import { requireAccount, requireContract } from '../rent-account-access.ts';
import { accountAnswer } from './get-account.ts';

/** A payment received (day, amount, method, reference), by the collector's staff; refused on a closed account. */
export async function postPayment(
  ctx: Context,
  contractId: string,
  input: { on: string; amountCents: number; method: PaymentMethod; reference: string | null },
): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const account = await requireAccount(ctx, contractId);
  await appendLines(ctx, account, contract.householdId, [
    {
      kind: 'payment',
      amountCents: -input.amountCents,
      postedOn: input.on,
      method: input.method,
      label: input.reference,
    },
  ]);
  return accountAnswer(ctx, contract, canPost);
}
