import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type {
  TJournalEntry,
  TJournalEntryInput,
  ZJournalCorrect,
} from '../../../shared/contracts/journal.ts';
import { parisDate } from '../../../shared/time.ts';
import { referentielInForce } from '../../referentiel/index.ts';
import { objectiveTitles } from '../file-references.ts';
import type { JournalRow } from '../journal.repository.ts';
import { checkEntry, entryValues, reviseEntry } from '../journal-writes.ts';

type CorrectInput = z.output<typeof ZJournalCorrect> & { householdId: string; entryId: string };

/** A stored entry as its form would send it, to compare field by field. */
const asInput = (e: JournalRow): TJournalEntryInput => ({
  kind: e.kind,
  occurredAt: e.occurredAt.toISOString(),
  durationMinutes: e.durationMinutes,
  place: e.place,
  memberIds: e.memberIds,
  partnerOrganisationIds: e.partnerOrganisationIds,
  otherParticipants: e.otherParticipants,
  briques: e.briques,
  objectives: e.objectives.map(({ versionId, index }) => ({ versionId, index })),
  measureId: e.measureId,
  note: e.note,
  sensitivity: e.sensitivity,
});

/**
 * Corrects an entry: the rules apply to what changes (a measure since ended still holds the entry
 * recorded on it), the fields changed and their values before are kept in its history.
 */
export async function correctJournalEntry(ctx: Context, input: CorrectInput): Promise<TJournalEntry> {
  const { householdId, entryId, rowVersion, ...body } = input;
  return reviseEntry(ctx, { householdId, entryId, rowVersion }, (record, refs) => {
    checkEntry(ctx, refs, body, record.entry);
    const before = asInput(record.entry);
    const after = { ...body, occurredAt: new Date(body.occurredAt).toISOString() };
    const fields = (Object.keys(before) as (keyof TJournalEntryInput)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    return {
      values: {
        ...entryValues(body),
        objectives: objectiveTitles(refs, body, record.entry),
        referentielVersion: referentielInForce(parisDate(ctx.now)).version,
      },
      change: {
        kind: 'corrected',
        fields,
        previous: Object.fromEntries(fields.map((key) => [key, before[key]])),
      },
      action: 'journal.correct',
      details: { fields },
    };
  });
}
