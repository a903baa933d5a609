import type { Attendance } from '../contracts/workshops.ts';

/**
 * The rules of a workshop's attendance sheet. Pure: the workshops module applies them before it
 * writes anything; the web client disables what they would refuse.
 */

export interface InvitedHousehold {
  householdId: string;
  /** Set once the household's presence is in its journal. */
  inJournal: boolean;
}

export interface AttendanceMark {
  householdId: string;
  attendance: Exclude<Attendance, 'invited'>;
}

export const ATTENDANCE_TOO_EARLY = 'La présence se note une fois l’atelier commencé.';
export const ATTENDANCE_NOT_INVITED = 'Notez la présence des seuls ménages invités à l’atelier.';
export const ATTENDANCE_ALREADY_IN_JOURNAL =
  'Cette présence est déjà inscrite au journal du ménage : annulez-y l’activité avant de la changer.';

/**
 * Why an attendance sheet cannot be saved, or null: not before the workshop starts (an instant,
 * whatever the Paris offset), only for households invited, and a presence already written to a
 * household's journal is not taken back from the sheet (the journal's cancellation does it).
 */
export function attendanceBreak(
  startsAt: Date,
  invited: readonly InvitedHousehold[],
  marks: readonly AttendanceMark[],
  now: Date,
): string | null {
  if (startsAt.getTime() > now.getTime()) return ATTENDANCE_TOO_EARLY;
  const byId = new Map(invited.map((i) => [i.householdId, i]));
  if (marks.some((m) => !byId.has(m.householdId))) return ATTENDANCE_NOT_INVITED;
  if (marks.some((m) => byId.get(m.householdId)!.inJournal && m.attendance !== 'present'))
    return ATTENDANCE_ALREADY_IN_JOURNAL;
  return null;
}

/** The households whose presence the sheet adds to their journal: present, not written yet. */
export const newlyPresent = (invited: readonly InvitedHousehold[], marks: readonly AttendanceMark[]) => {
  const written = new Set(invited.filter((i) => i.inJournal).map((i) => i.householdId));
  return marks
    .filter((m) => m.attendance === 'present' && !written.has(m.householdId))
    .map((m) => m.householdId);
};
