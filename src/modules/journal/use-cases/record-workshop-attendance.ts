import { createHash } from 'node:crypto';
import type { Context } from '../../../kernel/context.ts';
import { ZJournalEntryInput } from '../../../shared/contracts/journal.ts';
import { createJournalEntry } from './create-journal-entry.ts';

/** What a workshop tells one present household's journal: the session, never who else came. */
export interface WorkshopAttendanceInput {
  householdId: string;
  workshopId: string;
  theme: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  briques: string[];
}

/** The key of the household's attendance at the workshop: one entry per household and session. */
function attendanceKey(workshopId: string, householdId: string): string {
  const hex = createHash('sha256').update(`workshop:${workshopId}:${householdId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Records a household's attendance at a workshop in its journal, as an ordinary « participation à
 * un atelier » entry, through the journal's own rules, key and audit: sent again by the same person,
 * it answers the entry already written. The entry names no participant; its note, the theme alone.
 */
export async function recordWorkshopAttendance(
  ctx: Context,
  input: WorkshopAttendanceInput,
): Promise<string> {
  const entry = ZJournalEntryInput.parse({
    kind: 'workshop',
    occurredAt: input.startsAt.toISOString(),
    durationMinutes: input.durationMinutes,
    place: input.place,
    briques: input.briques,
    note: `Atelier collectif « ${input.theme} »`,
    sensitivity: 'ordinary',
  });
  const { entry: saved } = await createJournalEntry(ctx, {
    ...entry,
    householdId: input.householdId,
    idempotencyKey: attendanceKey(input.workshopId, input.householdId),
  });
  return saved.id;
}
