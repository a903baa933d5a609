import type { TVisitInput } from '../contracts/permanences.ts';
import { CLOCK_SKEW_TOLERANCE_MS } from '../journal/rules.ts';
import { formatDate } from '../format.ts';
import { addDays, parisDate, parisInstant } from '../time.ts';

/**
 * The rules of drop-in sessions (permanences). Pure: the permanences module applies them before it
 * writes anything; the web client shows what they would refuse. Every refusal is a French sentence
 * on the field it concerns.
 */

/** A recurring slot: a weekday and Paris clock times, weekly or every N weeks, between two dates. */
export interface SlotRule {
  weekday: number;
  startTime: string;
  endTime: string;
  everyWeeks: number;
  fromDate: string;
  untilDate: string | null;
}

export interface Occurrence {
  /** The Paris calendar day (YYYY-MM-DD). */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export const isoWeekday = (day: string): number => {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** The first day on or after `fromDate` that falls on the slot's weekday. */
export const firstOccurrenceDay = (slot: Pick<SlotRule, 'weekday' | 'fromDate'>): string =>
  addDays(slot.fromDate, (slot.weekday - isoWeekday(slot.fromDate) + 7) % 7);

/** The occurrence of a slot on a calendar day, or null when the slot is not held that day. */
export function occurrenceOn(slot: SlotRule, day: string): Occurrence | null {
  if (day < slot.fromDate || (slot.untilDate !== null && day > slot.untilDate)) return null;
  if (isoWeekday(day) !== slot.weekday) return null;
  const weeks = (dayNumber(day) - dayNumber(firstOccurrenceDay(slot))) / 7;
  if (weeks < 0 || weeks % slot.everyWeeks !== 0) return null;
  // The wall-clock hours of that very day: 9:00 stays 9:00 across the clock changes.
  return {
    date: day,
    startsAt: new Date(parisInstant(`${day}T${slot.startTime}`)),
    endsAt: new Date(parisInstant(`${day}T${slot.endTime}`)),
  };
}

/** The occurrences of a slot between two calendar days (both included), in order. */
export function occurrencesBetween(slot: SlotRule, fromDay: string, untilDay: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let day = fromDay; day <= untilDay; day = addDays(day, 1)) {
    const occurrence = occurrenceOn(slot, day);
    if (occurrence) found.push(occurrence);
  }
  return found;
}

export type SlotField = 'endTime' | 'untilDate' | 'weekday';

/** What is wrong with a slot's dates and hours, by field (empty when it may be saved). */
export function slotErrors(slot: SlotRule): Partial<Record<SlotField, string>> {
  const errors: Partial<Record<SlotField, string>> = {};
  if (slot.endTime <= slot.startTime) errors.endTime = 'La fin de la permanence doit être après son début.';
  if (slot.untilDate !== null && slot.untilDate < slot.fromDate)
    errors.untilDate = 'La date de fin précède la date de début.';
  else if (slot.untilDate !== null && occurrencesBetween(slot, slot.fromDate, slot.untilDate).length === 0)
    errors.weekday = 'Aucune permanence ne tombe ce jour-là entre ces deux dates.';
  return errors;
}

/**
 * How long around an occurrence a visit may be dated: a person who waits at the door before it opens,
 * or is still received after the closing time. Beyond, it was not a visit to this permanence.
 */
export const VISIT_MARGIN_MINUTES = 30;

export const VISIT_IN_FUTURE = 'Un passage se note une fois la personne reçue : pas dans le futur.';
export const VISIT_NOT_BEGUN =
  'Cette permanence n’a pas encore commencé : le passage se note une fois ouverte.';
export const visitOutsideSlot = (margin = VISIT_MARGIN_MINUTES) =>
  `Aucune permanence de ce créneau à cette heure : un passage se note pendant la permanence (ou ${margin} minutes avant ou après).`;

/**
 * The occurrence a visit belongs to, or why it cannot be recorded (on `occurredAt`): not in the future
 * (beyond the journal's clock-skew tolerance), within an occurrence of the slot or its margin, and
 * that occurrence has begun.
 */
export function visitOccurrence(
  slot: SlotRule,
  occurredAt: Date,
  now: Date,
): { occurrence: Occurrence } | { error: string } {
  if (occurredAt.getTime() - now.getTime() > CLOCK_SKEW_TOLERANCE_MS) return { error: VISIT_IN_FUTURE };
  const margin = VISIT_MARGIN_MINUTES * 60_000;
  const day = parisDate(occurredAt);
  // An occurrence near midnight may own a visit dated the day before or after.
  for (const candidate of [day, addDays(day, -1), addDays(day, 1)]) {
    const occurrence = occurrenceOn(slot, candidate);
    if (!occurrence) continue;
    const t = occurredAt.getTime();
    if (t < occurrence.startsAt.getTime() - margin || t > occurrence.endsAt.getTime() + margin) continue;
    if (occurrence.startsAt.getTime() > now.getTime()) return { error: VISIT_NOT_BEGUN };
    return { occurrence };
  }
  return { error: visitOutsideSlot() };
}

export const NAME_WITHOUT_CONSENT =
  'Sans l’accord de la personne, aucun nom n’est gardé : seul un passage anonyme est compté.';
export const CONTACT_WITHOUT_CONSENT =
  'Sans l’accord de la personne, aucun contact n’est gardé : seul un passage anonyme est compté.';
export const TEXT_WITHOUT_CONSENT =
  'Sans l’accord de la personne, seul un passage anonyme est compté : ni conseils ni démarches ne sont gardés.';
export const NAME_REQUIRED = 'Prénom ou initiales obligatoires quand la personne donne son accord.';
export const STEP_BEFORE_VISIT = 'Cette démarche est datée avant le passage.';

type VisitData = Pick<TVisitInput, 'consent' | 'firstName' | 'phone' | 'steps'> &
  Partial<Pick<TVisitInput, 'advice'>>;

/**
 * The minimal-data rules of a visit, by field path: with consent, a first name or initials (the
 * rest optional); without it, only anonymous counts (age band, commune, topics): neither name nor
 * contact, nor the advice and steps written about the person; a step the person keeps is not dated
 * before the visit.
 */
export function visitDataErrors(visit: VisitData, visitDay: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (visit.consent === 'refused') {
    if (visit.firstName) errors.firstName = NAME_WITHOUT_CONSENT;
    if (visit.phone) errors.phone = CONTACT_WITHOUT_CONSENT;
    // Free text about the person is no count: it stays with a named visit only.
    if (visit.advice) errors.advice = TEXT_WITHOUT_CONSENT;
    if (visit.steps.length > 0) errors.steps = TEXT_WITHOUT_CONSENT;
  } else if (!visit.firstName) errors.firstName = NAME_REQUIRED;
  visit.steps.forEach((step, i) => {
    if (step.dueOn && step.dueOn < visitDay) errors[`steps.${i}.dueOn`] = STEP_BEFORE_VISIT;
  });
  return errors;
}

export const CONVERSION_WITHOUT_CONSENT =
  'Sans l’accord de la personne, ce passage reste anonyme : il ne peut devenir ni une saisine ni un dossier.';

/** Why a visit cannot be turned into a referral or a file, or null. */
export function conversionBreak(visit: {
  consent: 'given' | 'refused';
  convertedTo: 'referral' | 'household' | null;
  convertedAt: Date | null;
}): string | null {
  if (visit.convertedTo) return alreadyConverted(visit.convertedTo, visit.convertedAt);
  if (visit.consent !== 'given') return CONVERSION_WITHOUT_CONSENT;
  return null;
}

export const alreadyConverted = (to: 'referral' | 'household', at: Date | null) =>
  `Ce passage a déjà été transformé en ${to === 'referral' ? 'saisine' : 'dossier ménage'}${
    at ? ` le ${formatDate(at)}` : ''
  } : cela ne se fait qu’une fois.`;
