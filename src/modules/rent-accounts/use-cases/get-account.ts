import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { householdMemberNames } from '../../households/index.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { presentAccount } from '../rent-account.presenter.ts';
import { requireContract } from '../rent-account-access.ts';
import {
  accountPlans,
  accountPostings,
  calledMonths,
  findAccount,
  type ContractRow,
} from '../rent-accounts.repository.ts';

/** The occupant in words: the tenant's name from the landlord, or the household's members. */
export async function occupantOf(q: Queryable, contract: ContractRow): Promise<string> {
  if (contract.householdId) {
    const names = await householdMemberNames(q, contract.householdId);
    if (names.length > 0) return names.map((n) => `${n.firstName} ${n.lastName}`.trim()).join(', ');
  }
  return contract.tenantName ?? 'Occupant';
}

/** The account of a contract: balance, arrears by month, plans; the read is audited. */
export async function getAccount(ctx: Context, contractId: string): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'read_account');
  const answer = await accountAnswer(ctx, contract, canPost);
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.read',
    entityType: 'rent_account',
    entityId: contract.id,
    householdId: contract.householdId,
  });
  return answer;
}

/** The account's answer after a read or a change. */
export async function accountAnswer(
  ctx: Pick<Context, 'db' | 'now'>,
  contract: ContractRow,
  canPost: boolean,
): Promise<TRentAccount> {
  const account = await findAccount(ctx.db, contract.id);
  return presentAccount({
    contract,
    occupant: await occupantOf(ctx.db, contract),
    account,
    rows: account ? await accountPostings(ctx.db, account.id) : [],
    plans: account ? await accountPlans(ctx.db, account.id) : [],
    calledMonths: account ? await calledMonths(ctx.db, account.id) : [],
    canPost,
    now: ctx.now,
  });
}
