import { addDays, parisDate, parisDayStart } from '../time.ts';

/**
 * Pure rules of the agenda: when an appointment may be planned, which ones overlap, the week a day
 * belongs to (Monday to Sunday on Paris calendars) and the window a calendar feed covers.
 */

/** Shorter than this is no appointment (a slot typed with the wrong end). */
export const MIN_DURATION_MINUTES = 5;
/** A day's work: an accompaniment to a hearing in another town can take most of it, nothing more. */
export const MAX_DURATION_MINUTES = 12 * 60;
/**
 * How far back a new planned appointment may start: the caseworker who plans, as it begins, the
 * meeting whose household just walked in (an hour). Older is no plan but something that happened,
 * for the journal, which records activities after the fact.
 */
export const PAST_TOLERANCE_MINUTES = 60;

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** What is wrong with a slot, by field, in French (empty when it may be saved). */
export function slotErrors(
  slot: Slot,
  input: { now: Date; planningNew: boolean },
): Partial<Record<'startsAt' | 'endsAt', string>> {
  const minutes = (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000;
  if (minutes <= 0) return { endsAt: 'La fin doit être après le début.' };
  if (minutes < MIN_DURATION_MINUTES)
    return { endsAt: `Un rendez-vous dure au moins ${MIN_DURATION_MINUTES} minutes.` };
  if (minutes > MAX_DURATION_MINUTES)
    return { endsAt: `Un rendez-vous dure au plus ${MAX_DURATION_MINUTES / 60} heures.` };
  if (input.planningNew && slot.startsAt.getTime() < input.now.getTime() - PAST_TOLERANCE_MINUTES * 60_000)
    return {
      startsAt:
        'Ce rendez-vous est déjà passé : un rendez-vous prévu ne peut pas commencer plus d’une heure avant maintenant. Enregistrez ce qui a eu lieu dans le journal.',
    };
  return {};
}

/** Two slots overlap when each starts before the other ends (back-to-back ones do not). */
export const overlap = (a: Slot, b: Slot): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** The existing slots a new one overlaps. */
export const overlapsOf = <S extends Slot>(slot: Slot, existing: readonly S[]): S[] =>
  existing.filter((other) => overlap(slot, other));

/** The Monday (YYYY-MM-DD) of the week of a calendar day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The week of a Paris calendar day, Monday to Sunday, and the instants it spans: from Monday 00:00
 * to the next Monday 00:00 in Paris (167 or 169 hours in the weeks of the clock changes).
 */
export function weekOf(day: string): { monday: string; sunday: string; from: Date; until: Date } {
  const monday = mondayOf(day);
  return {
    monday,
    sunday: addDays(monday, 6),
    from: parisDayStart(monday),
    until: parisDayStart(addDays(monday, 7)),
  };
}

/** What a calendar feed covers: six months back, twelve ahead, from the Paris day of `now`. */
export function feedWindow(now: Date): { from: Date; until: Date } {
  const today = parisDate(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const shift = (months: number) =>
    parisDayStart(new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28))).toISOString().slice(0, 10));
  return { from: shift(-6), until: shift(12) };
}
