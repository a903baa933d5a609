import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import { atLeast, householdAccessLevel } from '../../shared/access/household-access.ts';
import { leaseRefusal, rentCollector, type LeaseAction } from '../../shared/access/lease-policy.ts';
import { formatDate } from '../../shared/format.ts';
import { activeParties } from '../households/index.ts';
import { findAccount, findContract, type ContractRow } from './rent-accounts.repository.ts';
import type { RentAccountRow } from './schema.ts';

export const ACCOUNT_NOT_FOUND = 'Compte locatif introuvable.';

/**
 * The contract of a rent-account route, if the lease policy lets the actor do this: 404 for someone
 * who may not even read the contract (as for an unknown one), 403 with the policy's reason for a
 * party below the action. Reading the household's file (as a party, not the landlord's summary)
 * counts as the policy's `readsHousehold`.
 */
export async function requireContract(
  ctx: Context,
  contractId: string,
  action: LeaseAction,
): Promise<{ contract: ContractRow; canPost: boolean }> {
  const contract = await findContract(ctx.db, contractId);
  if (!contract) throw notFound(ACCOUNT_NOT_FOUND);
  const reads =
    contract.householdId !== null &&
    atLeast(
      householdAccessLevel(ctx.actor, await activeParties(ctx.db, contract.householdId, ctx.now)),
      'party',
    );
  if (leaseRefusal(ctx.actor, 'read_contract', contract, reads)) throw notFound(ACCOUNT_NOT_FOUND);
  const refusal = leaseRefusal(ctx.actor, action, contract, reads);
  if (refusal) throw forbidden(refusal);
  return { contract, canPost: leaseRefusal(ctx.actor, 'post_to_account', contract, reads) === null };
}

/** The contract's account, locked for the change (lines of one account are written one change at a time). */
export async function requireAccount(ctx: Pick<Context, 'db'>, contractId: string): Promise<RentAccountRow> {
  const account = await findAccount(ctx.db, contractId, true);
  if (!account)
    throw new AppError('INVALID_STATE', 'Ce contrat n’a pas encore de compte locatif : ouvrez-le d’abord.');
  return account;
}

/** A closed account takes no more lines. */
export function requireOpen(account: RentAccountRow): void {
  if (account.status === 'closed')
    throw new AppError(
      'INVALID_STATE',
      `Ce compte locatif est clos depuis le ${formatDate(account.closedOn)} : il ne reçoit plus ni paiement ni écriture.`,
    );
}

/** The organisation whose staff follow the account (the collector), for the tasks a plan raises. */
export const collectorOf = (contract: ContractRow) => rentCollector(contract);
