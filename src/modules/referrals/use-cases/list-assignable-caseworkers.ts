import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TReferralCaseworkerList } from '../../../shared/contracts/referrals.ts';
import { canListReferrals } from '../../../shared/access/referral-policy.ts';
import { activeMembersWithRoles } from '../../identity/index.ts';

/** The caseworkers of my organisation, one of whom is named référent when accepting a referral. */
export async function listAssignableCaseworkers(ctx: Context): Promise<TReferralCaseworkerList> {
  if (!canListReferrals(ctx.actor, 'inbox')) {
    throw forbidden('Votre rôle ne donne pas accès aux saisines reçues.');
  }
  return { items: await activeMembersWithRoles(ctx.db, ctx.actor.organisationId, ['caseworker']) };
}
