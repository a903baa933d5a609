import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import type { TPosting } from '../../../shared/contracts/rent-accounts.ts';
import type { PostingKind } from '../../../shared/rent-accounts/postings.ts';
import { presentPostings } from '../rent-account.presenter.ts';
import { requireContract } from '../rent-account-access.ts';
import { accountPostings, findAccount, userNames } from '../rent-accounts.repository.ts';

/** The account's lines, newest first, filtered by days and kind (a counter-entry shows with the kind it reverses too). */
export async function listPostings(
  ctx: Context,
  contractId: string,
  filter: { from?: string | undefined; to?: string | undefined; kind?: PostingKind | undefined },
): Promise<{ items: TPosting[] }> {
  const { contract } = await requireContract(ctx, contractId, 'read_account');
  const account = await findAccount(ctx.db, contractId);
  const rows = account ? await accountPostings(ctx.db, account.id) : [];
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  const kept = rows.filter(
    (r) =>
      (!filter.from || r.postedOn >= filter.from) &&
      (!filter.to || r.postedOn <= filter.to) &&
      (!filter.kind ||
        r.kind === filter.kind ||
        (r.reversesPostingId !== null && kindOf.get(r.reversesPostingId) === filter.kind)),
  );
  const names = await userNames(
    ctx.db,
    kept.map((r) => r.recordedByUserId).filter((id): id is string => id !== null),
  );
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.read_postings',
    entityType: 'rent_account',
    entityId: contract.id,
    householdId: contract.householdId,
  });
  return {
    items: presentPostings(rows, names)
      .filter((p) => kept.some((k) => k.id === p.id))
      .reverse(),
  };
}
