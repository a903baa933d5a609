import type { TMe } from '@shared/contracts/identity.ts';
import { REFERRAL_KINDS, type ReferralKind, type ReferralStatus } from '@shared/contracts/referral-enums.ts';
import { canCreateReferral } from '@shared/access/referral-policy.ts';
import type { Tone } from '../../components/StatusBadge.tsx';

/** Paths of the referral endpoints (src/modules/referrals/referrals.routes.ts). */
export const REFERRALS_PATH = '/api/referrals';
export const REFERRAL_INBOX_PATH = '/api/referrals/inbox';
export const REFERRALS_SENT_PATH = '/api/referrals/sent';
export const REFERRAL_CASEWORKERS_PATH = '/api/referrals/caseworkers';
export const referralPath = (id: string) => `${REFERRALS_PATH}/${id}`;

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
