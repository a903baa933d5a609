import type { Queryable } from '../../../kernel/db.ts';
import { datedBalances } from '../../../shared/rent-accounts/ledger.ts';
import { asPosting } from '../rent-account.presenter.ts';
import { contractsPostings } from '../rent-accounts.repository.ts';
import type { RentPostingRow } from '../schema.ts';

type DatedAccountBalance = { on: string; balanceCents: number };

/**
 * For the eviction work: the account's balance from each day a line was posted until the next
 * (what the eviction-timeline calculator takes as `balances`), in cents; empty without an account.
 * The caller has checked the reader's right to the account.
 */
export async function accountBalanceHistory(
  q: Queryable,
  contractId: string,
): Promise<DatedAccountBalance[]> {
  return (await accountBalanceHistories(q, [contractId])).get(contractId) ?? [];
}

/** `accountBalanceHistory` of several contracts in one query (a contract without lines is absent). */
export async function accountBalanceHistories(
  q: Queryable,
  contractIds: readonly string[],
): Promise<Map<string, DatedAccountBalance[]>> {
  if (contractIds.length === 0) return new Map();
  const lines = new Map<string, RentPostingRow[]>();
  for (const { contractId, posting } of await contractsPostings(q, contractIds)) {
    const list = lines.get(contractId) ?? [];
    if (list.length === 0) lines.set(contractId, list);
    list.push(posting);
  }
  return new Map([...lines].map(([id, rows]) => [id, datedBalances(rows.map(asPosting))]));
}
