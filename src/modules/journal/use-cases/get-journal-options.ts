import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TJournalOptions } from '../../../shared/contracts/journal.ts';
import { fileReferences, journalOptions } from '../file-references.ts';
import { journalWriter } from '../journal-writes.ts';

/**
 * What the activity form offers for this household (members, partners, measures, objectives in
 * force), for its writers; a tablet keeps it to record a visit without a connection. Audited.
 */
export async function getJournalOptions(ctx: Context, householdId: string): Promise<TJournalOptions> {
  await journalWriter(ctx, householdId);
  await audit(ctx.db, ctx.actor, {
    action: 'journal.options.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return journalOptions(ctx, await fileReferences(ctx, householdId));
}
