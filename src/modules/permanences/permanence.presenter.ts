import type { TSlot, TVisit } from '../../shared/contracts/permanences.ts';
import { briqueName } from '../referentiel/index.ts';
import type { SlotRow, VisitRow } from './permanences.repository.ts';

const named = (ids: readonly string[], names: ReadonlyMap<string, string>) =>
  ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));

export const presentSlot = (s: SlotRow, names: ReadonlyMap<string, string>): TSlot => ({
  id: s.id,
  place: s.place,
  weekday: s.weekday,
  startTime: s.startTime,
  endTime: s.endTime,
  everyWeeks: s.everyWeeks,
  fromDate: s.fromDate,
  untilDate: s.untilDate,
  staff: named(s.staffUserIds, names),
  status: s.status,
  rowVersion: s.rowVersion,
});

/** A visit, for the organisation's social workers. */
export const presentVisit = (v: VisitRow, names: ReadonlyMap<string, string>): TVisit => ({
  id: v.id,
  slotId: v.slotId,
  occurrenceDate: v.occurrenceDate,
  occurredAt: v.occurredAt.toISOString(),
  durationMinutes: v.durationMinutes,
  consent: v.consent,
  firstName: v.firstName ?? '',
  ageBand: v.ageBand,
  commune: v.commune ?? '',
  phone: v.phone ?? '',
  briques: v.briques.map((code) => ({ code, label: briqueName(v.referentielVersion, code) })),
  advice: v.advice ?? '',
  steps: v.steps,
  recordedBy: v.recordedByUserId ? (names.get(v.recordedByUserId) ?? null) : null,
  conversion:
    v.convertedTo && v.convertedAt
      ? {
          to: v.convertedTo,
          at: v.convertedAt.toISOString(),
          householdId: v.householdId,
          referralId: v.referralId,
        }
      : null,
  rowVersion: v.rowVersion,
});
