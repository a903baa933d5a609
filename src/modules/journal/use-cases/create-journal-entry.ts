import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TJournalEntry, ZJournalCreate } from '../../../shared/contracts/journal.ts';
import { parisDate } from '../../../shared/time.ts';
import { referentielInForce } from '../../referentiel/index.ts';
import { fileReferences, objectiveTitles } from '../file-references.ts';
import { findByIdempotencyKey, insertChange, insertEntry } from '../journal.repository.ts';
import {
  alreadySentDifferently,
  checkEntry,
  entryAnswer,
  entryValues,
  journalWriter,
  requestDigest,
  requireEntry,
} from '../journal-writes.ts';

type CreateInput = z.output<typeof ZJournalCreate> & { householdId: string };

/**
 * Records an activity in the household's journal. The device's idempotency key makes a resend
 * harmless: the same key with the same content answers the entry first recorded (`replayed`), with
 * another content a conflict — never a second entry, never a silent merge.
 */
export async function createJournalEntry(
  ctx: Context,
  input: CreateInput,
): Promise<{ entry: TJournalEntry; replayed: boolean }> {
  const { householdId, idempotencyKey, ...body } = input;
  const reader = await journalWriter(ctx, householdId);
  const digest = requestDigest(body);
  const replay = async () => {
    const sent = await findByIdempotencyKey(ctx.db, ctx.actor.userId, idempotencyKey);
    if (!sent) return null;
    if (sent.entry.householdId !== householdId || sent.entry.requestDigest !== digest)
      throw alreadySentDifferently();
    await audit(ctx.db, ctx.actor, {
      action: 'journal.replay',
      entityType: 'journal_entry',
      entityId: sent.entry.id,
      householdId,
      details: { kind: sent.entry.kind },
    });
    return { entry: await entryAnswer(ctx, reader, sent), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const refs = await fileReferences(ctx, householdId);
  checkEntry(ctx, refs, body);
  const id = await insertEntry(ctx.db, {
    ...entryValues(body),
    householdId,
    objectives: objectiveTitles(refs, body),
    referentielVersion: referentielInForce(parisDate(ctx.now)).version,
    authorUserId: ctx.actor.userId,
    authorOrganisationId: ctx.actor.organisationId,
    idempotencyKey,
    requestDigest: digest,
    createdAt: ctx.now,
  });
  // Sent at the same moment from another tab or a retry: the first one is the entry.
  if (!id) return (await replay())!;
  await insertChange(ctx.db, {
    entryId: id,
    kind: 'created',
    userId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'journal.create',
    entityType: 'journal_entry',
    entityId: id,
    householdId,
    details: { kind: body.kind, sensitivity: body.sensitivity },
  });
  // A contact or a home visit: the household's journal alerts (no contact, visits due) follow.
  await ctx.householdChanged?.(householdId);
  return {
    entry: await entryAnswer(ctx, reader, await requireEntry(ctx, reader, householdId, id), refs),
    replayed: false,
  };
}
