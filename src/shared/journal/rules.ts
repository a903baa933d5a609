import type { MeasureStatus } from '../contracts/measures.ts';
import { parisDate } from '../time.ts';
import { watchEndsOn } from '../watch/rules.ts';

/**
 * The rules a case-journal entry must pass (pure; the journal module gathers the facts from the
 * file and enforces them, the web form runs the same checks before sending). Each refusal is a
 * French sentence on the field it concerns.
 */

/**
 * How long an activity lasts, in minutes: at least one (a short call), at most twelve hours (a
 * whole day accompanying the household to a hearing or a move far away). A longer span is a typo.
 */
export const JOURNAL_DURATION = { min: 1, max: 720 } as const;

/**
 * How far ahead of the server's clock an activity may be dated. A tablet whose clock is not kept by
 * the network drifts by seconds to a few minutes; an entry typed « now » on such a device must not
 * be refused when it reaches the server. Five minutes covers that drift while still catching the
 * real mistakes (a wrong hour, day or year), which are an hour off or more.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

export const FUTURE_ACTIVITY_MESSAGE = 'Une activité passée ne peut pas être datée dans le futur.';

/** A past activity dated after `now` (beyond the clock-skew tolerance) is refused. */
export const futureActivityBreak = (occurredAt: Date, now: Date): string | null =>
  occurredAt.getTime() - now.getTime() > CLOCK_SKEW_TOLERANCE_MS ? FUTURE_ACTIVITY_MESSAGE : null;

/** What the journal needs to know of a measure. */
export interface MeasureState {
  status: MeasureStatus;
  endedOn: string | null;
  watchMonths: number | null;
}

/**
 * Whether an activity of `today` (YYYY-MM-DD, Paris) may still be attached to this ended measure:
 * up to the last day of its watch.
 */
export function attachableUnderWatch(m: MeasureState, today: string): boolean {
  const end = watchEndsOn(m);
  return m.status === 'ended' && end !== null && today <= end;
}

/**
 * Why an activity may not be attached to this measure on `now`, or null: a refused measure never
 * takes one; an ended measure only while the household is under watch (the Paris day of `now` is
 * not past the end of the watch).
 */
export function measureBreak(m: MeasureState, now: Date): string | null {
  if (m.status === 'refused') return 'Cette mesure a été refusée : aucune activité ne peut y être rattachée.';
  if (m.status !== 'ended' || attachableUnderWatch(m, parisDate(now))) return null;
  return watchEndsOn(m)
    ? 'Cette mesure est terminée et sa période de veille est passée : l’activité ne peut plus y être rattachée.'
    : 'Cette mesure est terminée, sans veille : l’activité ne peut plus y être rattachée.';
}

/** What the file says about an entry's references. */
export interface JournalFacts {
  /** The members of the file, by their stable id. */
  memberIds: ReadonlySet<string>;
  /** The organisations currently party to the file. */
  partyOrganisationIds: ReadonlySet<string>;
  /** The measure named, when it is the household's (undefined: none named; null: not the household's). */
  measure: MeasureState | null | undefined;
  /** The objectives of the household's contracts in force (`versionId:index`). */
  objectiveKeys: ReadonlySet<string>;
  /** The brique codes unknown to the référentiel version in force. */
  unknownBriques: readonly string[];
}

export interface JournalEntryDraft {
  occurredAt: Date;
  memberIds: readonly string[];
  partnerOrganisationIds: readonly string[];
  objectives: readonly { versionId: string; index: number }[];
}

export const objectiveKey = (o: { versionId: string; index: number }) => `${o.versionId}:${o.index}`;

/** Every rule an entry breaks, by field path (empty: the entry may be recorded). */
export function journalEntryBreaks(
  entry: JournalEntryDraft,
  facts: JournalFacts,
  now: Date,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const future = futureActivityBreak(entry.occurredAt, now);
  if (future) fields.occurredAt = future;
  entry.memberIds.forEach((id, i) => {
    if (!facts.memberIds.has(id)) fields[`memberIds.${i}`] = 'Cette personne n’est pas membre du ménage.';
  });
  entry.partnerOrganisationIds.forEach((id, i) => {
    if (!facts.partyOrganisationIds.has(id))
      fields[`partnerOrganisationIds.${i}`] =
        'Cette organisation n’est pas partenaire du dossier : notez-la parmi les autres participants.';
  });
  if (facts.unknownBriques.length > 0)
    fields.briques = `Brique inconnue du référentiel en vigueur : ${facts.unknownBriques.join(', ')}.`;
  entry.objectives.forEach((o, i) => {
    if (!facts.objectiveKeys.has(objectiveKey(o)))
      fields[`objectives.${i}`] = 'Cet objectif n’est pas celui d’un contrat en vigueur du ménage.';
  });
  if (facts.measure === null) fields.measureId = 'Cette mesure n’est pas celle du ménage.';
  else if (facts.measure) {
    const broken = measureBreak(facts.measure, now);
    if (broken) fields.measureId = broken;
  }
  return fields;
}
