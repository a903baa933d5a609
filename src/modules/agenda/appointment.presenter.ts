import type { TAppointment } from '../../shared/contracts/agenda.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { AppointmentView } from '../../shared/agenda/visibility.ts';
import type { AppointmentRecord } from './agenda.repository.ts';

/**
 * An appointment as its reader may see it: whole for the organisation that planned it, without its
 * note (the key absent) and without the household's name for a partner taking part.
 */
export function presentAppointment(
  { appointment: a, organisationName, fileNumber, familyName, participants }: AppointmentRecord,
  view: Exclude<AppointmentView, 'hidden'>,
): TAppointment {
  const named = (key: 'userId' | 'memberId' | 'organisationId') =>
    participants.flatMap((p) => (p[key] ? [{ id: p[key], name: p.name }] : []));
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    place: a.place,
    ...(view === 'full' ? { note: a.note } : {}),
    cancelReason: a.cancelReason,
    householdId: a.householdId,
    householdLabel:
      fileNumber === null
        ? null
        : [formatFileNumber(fileNumber), view === 'full' ? familyName : null].filter(Boolean).join(' — '),
    organisationName,
    users: named('userId'),
    members: named('memberId'),
    organisations: named('organisationId'),
    rowVersion: a.rowVersion,
  };
}
