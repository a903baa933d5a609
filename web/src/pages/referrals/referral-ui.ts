import type { TMe } from '@shared/contracts/identity.ts';
import { REFERRAL_KINDS, type ReferralKind, type ReferralStatus } from '@shared/contracts/referral-enums.ts';
import { canCreateReferral } from '@shared/access/referral-policy.ts';
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

/** The kind of referral the user's organisation and roles allow them to send, if any. */
export function referralKindFor(me: TMe): ReferralKind | null {
  if (!me.organisation) return null;
  const actor = {
    organisationId: me.organisation.id,
    organisationType: me.organisation.type,
    roles: me.roles,
  };
  return REFERRAL_KINDS.find((kind) => canCreateReferral(actor, kind)) ?? null;
}
