import type { Context } from '../../kernel/context.ts';
import { invalid, type FieldErrors } from '../../kernel/errors.ts';
import { ROLE_GROUPS } from '../../shared/access/role-groups.ts';
import type { TSlotInput, TVisitUpdate } from '../../shared/contracts/permanences.ts';
import { slotErrors, visitDataErrors, visitOccurrence } from '../../shared/permanences/rules.ts';
import { unknownBriques } from '../../shared/referentiel/referentiel.ts';
import { parisDate } from '../../shared/time.ts';
import { activeMembersWithRoles } from '../identity/index.ts';
import { referentielInForce } from '../referentiel/index.ts';
import type { SlotRow } from './permanences.repository.ts';

const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Checks a slot's input, every field at once, in French: hours in order, an occurrence between its
 * dates, its staff among the organisation's social workers (at least one).
 */
export async function checkSlot(ctx: Context, input: TSlotInput) {
  const staffUserIds = unique(input.staffUserIds);
  const errors: FieldErrors = { ...slotErrors(input) };
  const staff = new Set(
    (await activeMembersWithRoles(ctx.db, ctx.actor.organisationId, ROLE_GROUPS.socialWork)).map((p) => p.id),
  );
  if (staffUserIds.length === 0)
    errors.staffUserIds = 'Choisissez au moins un intervenant parmi les travailleurs sociaux.';
  else if (staffUserIds.some((id) => !staff.has(id)))
    errors.staffUserIds = 'Choisissez les intervenants parmi les travailleurs sociaux de votre organisation.';
  if (Object.keys(errors).length > 0)
    throw invalid(errors, 'La permanence ne peut pas être enregistrée : voyez les champs signalés.');
  return {
    place: input.place,
    weekday: input.weekday,
    startTime: input.startTime,
    endTime: input.endTime,
    everyWeeks: input.everyWeeks,
    fromDate: input.fromDate,
    untilDate: input.untilDate,
    staffUserIds,
  };
}

/**
 * Checks a walk-in visit against its slot and the minimal-data rules, every field at once: the
 * occurrence it belongs to (begun, not in the future), name and contact only with consent, briques
 * of the référentiel in force on its day. Without consent, nothing names the person.
 */
export function checkVisit(ctx: Context, slot: SlotRow, input: Omit<TVisitUpdate, 'rowVersion'>) {
  const occurredAt = new Date(input.occurredAt);
  const errors: FieldErrors = {};
  const found = visitOccurrence(slot, occurredAt, ctx.now);
  if ('error' in found) errors.occurredAt = found.error;
  const day = 'occurrence' in found ? found.occurrence.date : parisDate(occurredAt);
  Object.assign(errors, visitDataErrors(input, day));
  const referentiel = referentielInForce(day);
  const briques = unique(input.briques);
  const unknown = unknownBriques(briques, referentiel);
  if (unknown.length > 0)
    errors.briques = `Brique inconnue du référentiel en vigueur : ${unknown.join(', ')}.`;
  if (Object.keys(errors).length > 0 || !('occurrence' in found))
    throw invalid(errors, 'Le passage ne peut pas être enregistré : voyez les champs signalés.');
  const named = input.consent === 'given';
  return {
    occurrenceDate: found.occurrence.date,
    occurredAt,
    durationMinutes: input.durationMinutes,
    consent: input.consent,
    firstName: named ? input.firstName : null,
    ageBand: input.ageBand,
    commune: input.commune || null,
    phone: named && input.phone ? input.phone : null,
    referentielVersion: referentiel.version,
    briques,
    advice: named && input.advice ? input.advice : null,
    steps: named ? input.steps.map((s) => ({ text: s.text, dueOn: s.dueOn })) : [],
  };
}
