import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TJournalEntry } from '../../../shared/contracts/journal.ts';
import { entryAnswer, journalReader, requireEntry } from '../journal-writes.ts';

/** One entry with its history, if the reader may see it (404 otherwise); the read is audited. */
export async function getJournalEntry(
  ctx: Context,
  input: { householdId: string; entryId: string },
): Promise<TJournalEntry> {
  const reader = await journalReader(ctx, input.householdId);
  const record = await requireEntry(ctx, reader, input.householdId, input.entryId);
  await audit(ctx.db, ctx.actor, {
    action: 'journal.read',
    entityType: 'journal_entry',
    entityId: record.entry.id,
    householdId: input.householdId,
    details: { kind: record.entry.kind, accessLevel: reader.level },
  });
  return entryAnswer(ctx, reader, record);
}
