import type { Actor } from '../../../kernel/actor.ts';
import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { formatDate } from '../../../shared/format.ts';
import { ACCOUNT_NOT_FOUND, requireContract } from '../rent-account-access.ts';
import { findAccount, findContract, insertAccount, type ContractRow } from '../rent-accounts.repository.ts';
import type { RentAccountRow } from '../schema.ts';
import { accountAnswer } from './get-account.ts';

/** Opens the account of a contract, from a day within the contract (once per contract). */
export async function openAccount(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  contract: ContractRow,
  on: string,
): Promise<RentAccountRow> {
  if (await findAccount(ctx.db, contract.id))
    throw new AppError('CONFLICT', 'Ce contrat a déjà son compte locatif.');
  if (on < contract.startOn || (contract.endOn !== null && on > contract.endOn))
    throw invalid({
      on: `Le compte s’ouvre pendant le contrat, qui court du ${formatDate(contract.startOn)}${
        contract.endOn ? ` au ${formatDate(contract.endOn)}` : ''
      }.`,
    });
  const account = await insertAccount(ctx.db, {
    contractId: contract.id,
    openedOn: on,
    createdByUserId: ctx.actor?.userId ?? null,
    createdAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.open',
    entityType: 'rent_account',
    entityId: account.id,
    householdId: contract.householdId,
    details: { on },
  });
  return account;
}

/** The route: the collector's staff open the account. */
export async function openAccountOf(ctx: Context, contractId: string, on: string): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  await openAccount(ctx, contract, on);
  return accountAnswer(ctx, contract, canPost);
}

/**
 * For other modules (a contract created or slid): opens the contract's account. The caller has
 * checked its own right on the contract.
 */
export async function openRentAccount(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  input: { contractId: string; on: string },
): Promise<{ accountId: string }> {
  const contract = await findContract(ctx.db, input.contractId);
  if (!contract) throw notFound(ACCOUNT_NOT_FOUND);
  return { accountId: (await openAccount(ctx, contract, input.on)).id };
}
