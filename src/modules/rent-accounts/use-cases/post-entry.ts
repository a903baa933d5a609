import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { amountRefusal, type ManualKind } from '../../../shared/rent-accounts/postings.ts';
import { appendLines } from '../account-lines.ts';
import { requireAccount, requireContract } from '../rent-account-access.ts';
import { accountAnswer } from './get-account.ts';

/**
 * A line entered by hand: a charge regularisation (positive: owed; negative: refunded), an occupancy
 * indemnity, procedure costs, an aid paid to the account, a debt write-off. Each kind's sign is the
 * rules' (shared/rent-accounts/postings.ts).
 */
export async function postEntry(
  ctx: Context,
  contractId: string,
  input: { on: string; kind: ManualKind; amountCents: number; label: string | null },
): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const refusal = amountRefusal(input.kind, input.amountCents);
  if (refusal) throw invalid({ amountCents: refusal });
  const account = await requireAccount(ctx, contractId);
  await appendLines(ctx, account, contract.householdId, [
    { kind: input.kind, amountCents: input.amountCents, postedOn: input.on, label: input.label },
  ]);
  return accountAnswer(ctx, contract, canPost);
}
