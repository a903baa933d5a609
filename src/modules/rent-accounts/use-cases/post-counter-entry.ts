import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { counterEntryOf, reversalRefusal } from '../../../shared/rent-accounts/postings.ts';
import { appendLines } from '../account-lines.ts';
import { asPosting } from '../rent-account.presenter.ts';
import { requireAccount, requireContract } from '../rent-account-access.ts';
import { accountPostings } from '../rent-accounts.repository.ts';
import { accountAnswer } from './get-account.ts';

/** A correction: the counter-entry of one line of the account, its exact opposite, dated on or after it. */
export async function postCounterEntry(
  ctx: Context,
  contractId: string,
  input: { on: string; reversesPostingId: string; label: string | null },
): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const account = await requireAccount(ctx, contractId);
  const lines = (await accountPostings(ctx.db, account.id)).map(asPosting);
  const target = lines.find((l) => l.id === input.reversesPostingId);
  if (!target) throw invalid({ reversesPostingId: 'Cette écriture n’est pas sur ce compte.' });
  const refusal = reversalRefusal(target, lines);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (input.on < target.postedOn)
    throw invalid({ on: 'Une contre-passation se date au plus tôt le jour de l’écriture qu’elle annule.' });
  await appendLines(ctx, account, contract.householdId, [
    { ...counterEntryOf(target), postedOn: input.on, label: input.label },
  ]);
  return accountAnswer(ctx, contract, canPost);
}
