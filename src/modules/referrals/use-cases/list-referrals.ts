import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TReferralPage, TReferralQuery } from '../../../shared/contracts/referrals.ts';
import { canListReferrals } from '../../../shared/access/referral-policy.ts';
import { listReferralsOf } from '../referrals.repository.ts';
import { presentReferralListItem } from '../referrals.presenter.ts';

/** The inbox (referrals addressed to my organisation) or the sent list (those it made). */
export async function listReferrals(
  ctx: Context,
  input: { box: 'inbox' | 'sent'; query: TReferralQuery },
): Promise<TReferralPage> {
  const { actor } = ctx;
  const { box, query } = input;
  if (!canListReferrals(actor, box)) {
    throw forbidden(
      box === 'inbox'
        ? 'Votre rôle ne donne pas accès aux saisines reçues.'
        : 'Votre rôle ne donne pas accès aux saisines envoyées.',
    );
  }
  const { rows, total } = await listReferralsOf(ctx.db, { box, organisationId: actor.organisationId, query });
  return { items: rows.map(presentReferralListItem), total, page: query.page, pageSize: query.pageSize };
}
