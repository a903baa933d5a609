import { AppError, invalid } from '../../../kernel/errors.ts';
import type { Context } from '../../../kernel/context.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { monthOf, nextMonth } from '../../../shared/evaluations/monthly-point.ts';
import { formatDate, formatMonth } from '../../../shared/format.ts';
import {
  CALL_WORDS,
  monthShare,
  prorataLabel,
  prorate,
  type CallKind,
} from '../../../shared/rent-accounts/proration.ts';
import { appendLines, type NewLine } from '../account-lines.ts';
import { requireAccount, requireContract } from '../rent-account-access.ts';
import { calledMonths, rentOn } from '../rent-accounts.repository.ts';
import { accountAnswer } from './get-account.ts';

/**
 * The month's calls (avis d'échéance): the rent and charges in force on the month's first day (or
 * the account's opening day in its first month; the dwelling's rent history), less the RLS and the
 * housing benefit paid to the collector as the user enters them for a whole month. A contract that
 * starts or ends within the month is called for the days it covers, each line prorated by the one
 * rule of shared/rent-accounts/proration.ts and labelled with its period. A month is called once:
 * calling it again is refused (a wrong call is reversed, then the month called again). The calls
 * may be issued up to the next month.
 */
export async function postMonthlyCalls(
  ctx: Context,
  contractId: string,
  input: { month: string; on?: string | undefined; rlsCents: number; housingBenefitCents: number },
): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const account = await requireAccount(ctx, contractId);
  const month = input.month;
  if (month > nextMonth(monthOf(ctx.now)))
    throw invalid({ month: 'Les appels se passent au plus tard pour le mois prochain.' });
  const share = monthShare(month, contract.startOn, contract.endOn);
  if (!share) throw invalid({ month: `Le contrat ne court pas en ${formatMonth(month)}.` });
  // The month's first day, or the opening day in the month the account opened: the rent in force
  // then, and the calls' default date.
  const from = account.openedOn > `${month}-01` ? account.openedOn : `${month}-01`;
  const on = input.on ?? from;
  if (monthOf(on) !== month && nextMonth(monthOf(on)) !== month)
    throw invalid({ on: 'Les appels d’un mois se datent dans ce mois ou le mois précédent.' });
  if ((await calledMonths(ctx.db, account.id)).includes(month))
    throw new AppError('CONFLICT', `Le loyer de ${formatMonth(month)} est déjà appelé sur ce compte.`);
  const rent = await rentOn(ctx.db, contract.dwellingId, from);
  if (!rent)
    throw invalid({
      month: `Le logement n’a pas de loyer connu au ${formatDate(from)} : saisissez-le d’abord.`,
    });
  const line = (kind: CallKind, monthlyCents: number): NewLine => ({
    kind,
    amountCents: prorate(monthlyCents, share),
    postedOn: on,
    periodMonth: month,
    label: prorataLabel(CALL_WORDS[kind], share),
  });
  const lines: NewLine[] = [line('rent_call', rent.rentCents)];
  if (rent.chargesCents > 0) lines.push(line('charges_call', rent.chargesCents));
  if (input.rlsCents > 0) lines.push(line('rls', -input.rlsCents));
  if (input.housingBenefitCents > 0) lines.push(line('housing_benefit', -input.housingBenefitCents));
  await appendLines(ctx, account, contract.householdId, lines, { allowFuture: true });
  return accountAnswer(ctx, contract, canPost);
}
