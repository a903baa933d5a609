import type { TMe } from '@shared/contracts/identity.ts';
import type { ReferralKind, ReferralStatus } from '@shared/contracts/referral-enums.ts';
import { referralKindsFor } from '@shared/access/referral-policy.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { routeKey } from '../../api/routes.ts';
import type { Tone } from '../../components/StatusBadge.tsx';

/** The query key of every page and filter of the sent list. */
export const REFERRALS_SENT_KEY = routeKey(REFERRAL_ROUTES.sent, {});

/** What a decision on a referral refreshes: the referral (its timeline included) and both lists. */
export const referralChangedKeys = (id: string) => [
  routeKey(REFERRAL_ROUTES.get, { params: { id } }),
  routeKey(REFERRAL_ROUTES.inbox, {}),
  REFERRALS_SENT_KEY,
];

/** The referral number as people say it: S-000123. */
export const formatReferralNumber = (n: number) => `S-${String(n).padStart(6, '0')}`;

export const REFERRAL_STATUS_TONES: Record<ReferralStatus, Tone> = {
  sent: 'info',
  accepted: 'warning',
  declined: 'danger',
  redirected: 'neutral',
  case_opened: 'success',
};

/** The kinds of referral the user's organisation and roles allow them to send. */
export function referralKindsOf(me: TMe): readonly ReferralKind[] {
  if (!me.organisation) return [];
  return referralKindsFor({
    organisationId: me.organisation.id,
    organisationType: me.organisation.type,
    roles: me.roles,
  });
}
