import type { Actor } from '../../kernel/actor.ts';
import { audit } from '../../kernel/audit.ts';
import type { Context } from '../../kernel/context.ts';
import { invalid } from '../../kernel/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { parisDate } from '../../shared/time.ts';
import type { PaymentMethod, PostingKind } from '../../shared/rent-accounts/postings.ts';
import { insertPostings } from './rent-accounts.repository.ts';
import { requireOpen } from './rent-account-access.ts';
import type { RentAccountRow, RentPostingRow } from './schema.ts';

export interface NewLine {
  kind: PostingKind;
  amountCents: number;
  postedOn: string;
  periodMonth?: string | null;
  method?: PaymentMethod | null;
  label?: string | null;
  reversesPostingId?: string | null;
}

/**
 * Appends lines to an open account, dated from its opening and not in the future (a month's calls,
 * issued ahead, are checked by their use case), and audits them in the same transaction.
 */
export async function appendLines(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  account: RentAccountRow,
  householdId: string | null,
  lines: NewLine[],
  options: { allowFuture?: boolean } = {},
): Promise<RentPostingRow[]> {
  requireOpen(account);
  const today = parisDate(ctx.now);
  for (const line of lines) {
    if (line.postedOn < account.openedOn)
      throw invalid({ on: `Le compte locatif est ouvert depuis le ${formatDate(account.openedOn)}.` });
    if (!options.allowFuture && line.postedOn > today)
      throw invalid({ on: 'Une écriture ne se passe pas à une date future.' });
  }
  const rows = await insertPostings(
    ctx.db,
    lines.map((l) => ({
      accountId: account.id,
      kind: l.kind,
      amountCents: l.amountCents,
      postedOn: l.postedOn,
      periodMonth: l.periodMonth ?? null,
      method: l.method ?? null,
      label: l.label ?? null,
      reversesPostingId: l.reversesPostingId ?? null,
      recordedByUserId: ctx.actor?.userId ?? null,
      recordedAt: ctx.now,
    })),
  );
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.post',
    entityType: 'rent_account',
    entityId: account.id,
    householdId,
    details: {
      kinds: [...new Set(lines.map((l) => l.kind))],
      on: lines[0]?.postedOn,
      amountCents: lines.reduce((s, l) => s + l.amountCents, 0),
    },
  });
  return rows;
}
