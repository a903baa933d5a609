import { replayed, type Routes } from '../../kernel/routes.ts';
import { JOURNAL_ROUTES as R } from '../../shared/routes/journal.ts';
import { cancelJournalEntry } from './use-cases/cancel-journal-entry.ts';
import { correctJournalEntry } from './use-cases/correct-journal-entry.ts';
import { createJournalEntry } from './use-cases/create-journal-entry.ts';
import { getJournalEntry } from './use-cases/get-journal-entry.ts';
import { getJournalOptions } from './use-cases/get-journal-options.ts';
import { listHouseholdTimeline } from './use-cases/list-household-timeline.ts';

/** The case journal and the household timeline (transport only). */
export function journalRoutes(routes: Routes): void {
  routes.add(R.timeline, (ctx, { params, query }) => listHouseholdTimeline(ctx, params.id, query));
  routes.add(R.options, (ctx, { params }) => getJournalOptions(ctx, params.id));
  routes.add(R.create, async (ctx, { params, body }) => {
    const { entry, replayed: again } = await createJournalEntry(ctx, { householdId: params.id, ...body });
    return again ? replayed(entry) : entry;
  });
  const onEntry = (params: { id: string; entryId: string }) => ({
    householdId: params.id,
    entryId: params.entryId,
  });
  routes.add(R.get, (ctx, { params }) => getJournalEntry(ctx, onEntry(params)));
  routes.add(R.correct, (ctx, { params, body }) => correctJournalEntry(ctx, { ...onEntry(params), ...body }));
  routes.add(R.cancel, (ctx, { params, body }) => cancelJournalEntry(ctx, { ...onEntry(params), ...body }));
}
