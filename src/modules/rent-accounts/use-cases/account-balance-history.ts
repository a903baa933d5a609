import type { Queryable } from '../../../kernel/db.ts';
import { datedBalances } from '../../../shared/rent-accounts/ledger.ts';
import { asPosting } from '../rent-account.presenter.ts';
import { accountPostings, findAccount } from '../rent-accounts.repository.ts';

/**
 * For the eviction work: the account's balance from each day a line was posted until the next
 * (what the eviction-timeline calculator takes as `balances`), in cents; empty without an account.
 * The caller has checked the reader's right to the account.
 */
export async function accountBalanceHistory(
  q: Queryable,
  contractId: string,
): Promise<{ on: string; balanceCents: number }[]> {
  const account = await findAccount(q, contractId);
  return account ? datedBalances((await accountPostings(q, account.id)).map(asPosting)) : [];
}
