import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TReferralCaseworkerList } from '../../../shared/contracts/referrals.ts';
import { canListReferrals } from '../../../shared/access/referral-policy.ts';
import { membersWithRole } from '../referrals.repository.ts';

/** The caseworkers of my organisation, one of whom is named référent when accepting a referral. */
export async function listAssignableCaseworkers(options: {
  q: Queryable;
  actor: Actor;
}): Promise<TReferralCaseworkerList> {
  if (!canListReferrals(options.actor, 'inbox')) {
    throw forbidden('Votre rôle ne donne pas accès aux saisines reçues.');
  }
  return { items: await membersWithRole(options.q, options.actor.organisationId, 'caseworker') };
}
