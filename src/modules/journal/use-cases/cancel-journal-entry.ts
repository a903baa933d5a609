import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { TJournalEntry, ZJournalCancel } from '../../../shared/contracts/journal.ts';
import { reviseEntry } from '../journal-writes.ts';

type CancelInput = z.output<typeof ZJournalCancel> & { householdId: string; entryId: string };

/** Cancels an entry with a reason: it stays in the journal, marked cancelled, never deleted. */
export async function cancelJournalEntry(ctx: Context, input: CancelInput): Promise<TJournalEntry> {
  const { householdId, entryId, rowVersion, reason } = input;
  return reviseEntry(ctx, { householdId, entryId, rowVersion }, () => ({
    values: { status: 'cancelled', cancelReason: reason },
    change: { kind: 'cancelled', reason },
    action: 'journal.cancel',
    details: { reason },
  }));
}
