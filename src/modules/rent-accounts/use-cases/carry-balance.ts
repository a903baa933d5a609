import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { monthOf } from '../../../shared/evaluations/monthly-point.ts';
import { counterEntryOf } from '../../../shared/rent-accounts/postings.ts';
import {
  CALL_WORDS,
  isCallKind,
  monthShare,
  partOf,
  prorataLabel,
} from '../../../shared/rent-accounts/proration.ts';
import { addDays } from '../../../shared/time.ts';
import { appendLines, type NewLine } from '../account-lines.ts';
import { ACCOUNT_NOT_FOUND } from '../rent-account-access.ts';
import { accountPostings, findAccount, findContract, type ContractRow } from '../rent-accounts.repository.ts';
import type { RentPostingRow } from '../schema.ts';
import { closeAccountOn } from './close-account.ts';
import { openAccount } from './open-account.ts';

/**
 * The corrections, dated D, of an account whose contract ends on D after its calls went beyond D:
 * D's month was called from the contract's start (or the 1st) to the month's end, and later months
 * may be called ahead. Those calls are reversed, and D's month called again for its days up to D by
 * the proration rule (shared/rent-accounts/proration.ts), so that with the next contract's first
 * month, called from D + 1, the month is called exactly once.
 */
function callsBeyond(contract: ContractRow, lines: RentPostingRow[], lastDay: string): NewLine[] {
  const month = monthOf(lastDay);
  const called = monthShare(month, contract.startOn, null)!;
  const kept = monthShare(month, contract.startOn, lastDay)!;
  const reversed = new Set(lines.flatMap((l) => (l.reversesPostingId ? [l.reversesPostingId] : [])));
  return lines.flatMap((l): NewLine[] => {
    if (!isCallKind(l.kind) || !l.periodMonth || l.periodMonth < month || reversed.has(l.id)) return [];
    if (l.periodMonth === month && kept.toDay === called.toDay) return [];
    const reversal: NewLine = {
      ...counterEntryOf(l),
      postedOn: lastDay,
      label: 'Appel au-delà de la fin du contrat',
    };
    if (l.periodMonth > month) return [reversal];
    const amountCents = partOf(l.amountCents, called, kept);
    if (amountCents === 0) return [reversal];
    const recall: NewLine = {
      kind: l.kind,
      amountCents,
      postedOn: lastDay,
      periodMonth: month,
      label: prorataLabel(CALL_WORDS[l.kind], kept),
    };
    return [reversal, recall];
  });
}

/**
 * For other modules (a sublease sliding into a direct lease, a renewal): the debt follows the
 * household, with no gap and no overlap. On the old contract's last day D, its account's calls
 * beyond D are corrected (callsBeyond), its balance leaves it as a transfer-out line, and it is
 * closed; the new contract's account (opened on D + 1, or on the new contract's first day if
 * later) receives the same amount as a carried-over line on its opening day. Carried once: a
 * closed account takes no more lines (refused). A contract with no account in Relais carries
 * nothing (its rent was followed elsewhere). The caller has checked its own right on both
 * contracts. Answers the amount carried (negative: a credit).
 */
export async function carryBalance(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  input: { fromContractId: string; toContractId: string; lastDay: string },
): Promise<{ carriedCents: number }> {
  const [from, to] = [
    await findContract(ctx.db, input.fromContractId),
    await findContract(ctx.db, input.toContractId),
  ];
  if (!from || !to) throw notFound(ACCOUNT_NOT_FOUND);
  if (from.id === to.id) throw new AppError('INVALID_STATE', 'Le solde se reporte sur un autre contrat.');
  const old = await findAccount(ctx.db, from.id, true);
  if (!old) return { carriedCents: 0 };
  const lines = await accountPostings(ctx.db, old.id);
  const corrections = callsBeyond(from, lines, input.lastDay);
  const balance = [...lines, ...corrections].reduce((s, l) => s + l.amountCents, 0);
  const transfer: NewLine[] =
    balance === 0
      ? []
      : [
          {
            kind: 'transfer_out',
            amountCents: -balance,
            postedOn: input.lastDay,
            label: 'Report sur le nouveau contrat',
          },
        ];
  if (corrections.length + transfer.length > 0)
    await appendLines(ctx, old, from.householdId, [...corrections, ...transfer], { allowFuture: true });
  await closeAccountOn(ctx.db, ctx.actor, old, from.householdId, input.lastDay);
  const dayAfter = addDays(input.lastDay, 1);
  const opensOn = dayAfter > to.startOn ? dayAfter : to.startOn;
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
