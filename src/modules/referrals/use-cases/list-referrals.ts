import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TReferralPage, TReferralQuery } from '../../../shared/contracts/referrals.ts';
import { canListReferrals } from '../../../shared/access/referral-policy.ts';
import { listReferralsOf } from '../referrals.repository.ts';
import { presentReferralListItem } from '../referrals.presenter.ts';

/** The inbox (referrals addressed to my organisation) or the sent list (those it made). */
export async function listReferrals(options: {
  q: Queryable;
  actor: Actor;
  box: 'inbox' | 'sent';
  query: TReferralQuery;
}): Promise<TReferralPage> {
  const { q, actor, box, query } = options;
  if (!canListReferrals(actor, box)) {
    throw forbidden(
      box === 'inbox'
        ? 'Votre rôle ne donne pas accès aux saisines reçues.'
        : 'Votre rôle ne donne pas accès aux saisines envoyées.',
    );
  }
  const { rows, total } = await listReferralsOf(q, { box, organisationId: actor.organisationId, query });
  return { items: rows.map(presentReferralListItem), total, page: query.page, pageSize: query.pageSize };
}
