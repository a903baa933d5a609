import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { appendLines } from '../account-lines.ts';
import { ACCOUNT_NOT_FOUND } from '../rent-account-access.ts';
import { accountPostings, findAccount, findContract } from '../rent-accounts.repository.ts';
import { closeAccountOn } from './close-account.ts';
import { openAccount } from './open-account.ts';

/**
 * For other modules (a sublease sliding into a direct lease, a renewal): the debt follows the
 * household. The old account's balance leaves it as a transfer-out line on `on`, the old account is
 * closed that day, and the new contract's account (opened on `on`, or on the new contract's first
 * day if later) receives the same amount as a carried-over line. A contract with no account in
 * Relais carries nothing (its rent was followed elsewhere). The caller has checked its own right on
 * both contracts. Answers the amount carried (negative: a credit).
 */
export async function carryBalance(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  input: { fromContractId: string; toContractId: string; on: string },
): Promise<{ carriedCents: number }> {
  const [from, to] = [
    await findContract(ctx.db, input.fromContractId),
    await findContract(ctx.db, input.toContractId),
  ];
  if (!from || !to) throw notFound(ACCOUNT_NOT_FOUND);
  if (from.id === to.id) throw new AppError('INVALID_STATE', 'Le solde se reporte sur un autre contrat.');
  const old = await findAccount(ctx.db, from.id, true);
  if (!old) return { carriedCents: 0 };
  const balance = (await accountPostings(ctx.db, old.id)).reduce((s, l) => s + l.amountCents, 0);
  if (balance !== 0)
    await appendLines(
      ctx,
      old,
      from.householdId,
      [
        {
          kind: 'transfer_out',
          amountCents: -balance,
          postedOn: input.on,
          label: 'Report sur le nouveau contrat',
        },
      ],
      { allowFuture: true },
    );
  await closeAccountOn(ctx.db, ctx.actor, old, from.householdId, input.on);
  const opensOn = input.on > to.startOn ? input.on : to.startOn;
  const next = (await findAccount(ctx.db, to.id, true)) ?? (await openAccount(ctx, to, opensOn));
  if (balance !== 0)
    await appendLines(
      ctx,
      next,
      to.householdId,
      [
        {
          kind: 'carried_over',
          amountCents: balance,
          postedOn: opensOn,
          label: 'Solde du contrat précédent',
        },
      ],
      { allowFuture: true },
    );
  return { carriedCents: balance };
}
