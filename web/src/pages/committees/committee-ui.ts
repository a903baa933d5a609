import type { CommitteeActor } from '@shared/access/committee-policy.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { routeKey } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';

export const COMMITTEES_KEY = routeKey(COMMITTEE_ROUTES.list, {});
export const meetingKey = (meetingId: string) =>
  routeKey(COMMITTEE_ROUTES.meeting, { params: { meetingId } });

/** The signed-in user as the committee policy reads them. */
export function useCommitteeActor(): CommitteeActor & { organisationName: string | null } {
  const me = useSession();
  return {
    organisationId: me.organisation?.id ?? '',
    organisationName: me.organisation?.name ?? null,
    roles: me.roles,
  };
}

/** « 2 h », « 1 h 30 », « 45 min ». */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
