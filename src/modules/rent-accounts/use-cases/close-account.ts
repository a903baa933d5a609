import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { formatDate } from '../../../shared/format.ts';
import { requireAccount, requireContract, requireOpen } from '../rent-account-access.ts';
import { accountPostings, closeAccountRow } from '../rent-accounts.repository.ts';
import type { RentAccountRow } from '../schema.ts';
import { accountAnswer } from './get-account.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { AuditActor } from '../../../kernel/audit.ts';

/** Closes an account on a day no earlier than its last line; it then takes no more lines. */
export async function closeAccountOn(
  q: Queryable,
  actor: AuditActor | null,
  account: RentAccountRow,
  householdId: string | null,
  on: string,
): Promise<void> {
  requireOpen(account);
  const last = (await accountPostings(q, account.id)).at(-1)?.postedOn ?? account.openedOn;
  if (on < last) throw invalid({ on: `Le compte a des écritures jusqu’au ${formatDate(last)}.` });
  await closeAccountRow(q, account.id, on);
  await audit(q, actor, {
    action: 'rent_account.close',
    entityType: 'rent_account',
    entityId: account.id,
    householdId,
    details: { on },
  });
}

export async function closeAccount(ctx: Context, contractId: string, on: string): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const account = await requireAccount(ctx, contractId);
  await closeAccountOn(ctx.db, ctx.actor, account, contract.householdId, on);
  return accountAnswer(ctx, contract, canPost);
}
