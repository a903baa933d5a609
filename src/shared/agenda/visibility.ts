import type { HouseholdAccessLevel } from '../access/household-access.ts';

/**
 * What an organisation reads of an appointment: the organisation that planned it reads it whole
 * (its caseworkers, at caseworker level on the household, or anyone of it for an appointment with
 * no household); a partner organisation taking part reads it without its note; anyone else, nothing.
 */
export type AppointmentView = 'full' | 'without_note' | 'hidden';

export function appointmentView(
  reader: { organisationId: string; level: HouseholdAccessLevel | null },
  appointment: { organisationId: string; organisationIds: readonly string[] },
): AppointmentView {
  if (reader.level === 'none') return 'hidden';
  const own = appointment.organisationId === reader.organisationId;
  if (own && (reader.level === null || reader.level === 'caseworker')) return 'full';
  return own || appointment.organisationIds.includes(reader.organisationId) ? 'without_note' : 'hidden';
}
