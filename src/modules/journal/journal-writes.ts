import { organisationNames } from '../organisations/index.ts';
import { createHash } from 'node:crypto';
import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../kernel/errors.ts';
import { audit } from '../../kernel/audit.ts';
import {
  canCorrectJournalEntry,
  canWriteJournal,
  type JournalReader,
} from '../../shared/access/journal-policy.ts';
import type { TJournalEntry, TJournalEntryInput } from '../../shared/contracts/journal.ts';
import { journalEntryBreaks } from '../../shared/journal/rules.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { fileReferences, journalFacts, type FileReferences } from './file-references.ts';
import {
  changesOf,
  findReadableEntry,
  insertChange,
  updateEntry,
  type JournalRecord,
  type JournalRow,
} from './journal.repository.ts';
import { presentEntry } from './journal.presenter.ts';

export const ENTRY_NOT_FOUND = 'Activité introuvable.';

/** The reader of the journal: the actor's organisation and level on the household. */
export async function journalReader(ctx: Context, householdId: string): Promise<JournalReader> {
  return { organisationId: ctx.actor.organisationId, level: await requireHouseholdAccess(ctx, householdId) };
}

/** The writer of the journal (the household's social workers), 403 otherwise. */
export async function journalWriter(ctx: Context, householdId: string): Promise<JournalReader> {
  const reader = await journalReader(ctx, householdId);
  if (!canWriteJournal(reader.level))
    throw forbidden('Seuls les travailleurs sociaux qui accompagnent le ménage tiennent son journal.');
  return reader;
}

/** An entry the reader may see, 404 otherwise (a confidential one of another organisation included). */
export async function requireEntry(
  ctx: Context,
  reader: JournalReader,
  householdId: string,
  entryId: string,
): Promise<JournalRecord> {
  const record = await findReadableEntry(ctx.db, householdId, entryId, reader);
  if (!record) throw notFound(ENTRY_NOT_FOUND);
  return record;
}

/** Refuses an entry that breaks a rule, field by field. */
export function checkEntry(ctx: Context, refs: FileReferences, input: TJournalEntryInput, kept?: JournalRow) {
  const fields = journalEntryBreaks(
    { ...input, occurredAt: new Date(input.occurredAt) },
    journalFacts(ctx, refs, input, kept),
    ctx.now,
  );
  if (Object.keys(fields).length > 0)
    throw invalid(fields, 'L’activité ne peut pas être enregistrée : voyez les champs signalés.');
}

/** The values stored from an input (the instant normalised). */
export const entryValues = (input: TJournalEntryInput) => ({
  kind: input.kind,
  occurredAt: new Date(input.occurredAt),
  durationMinutes: input.durationMinutes,
  place: input.place,
  memberIds: input.memberIds,
  partnerOrganisationIds: input.partnerOrganisationIds,
  otherParticipants: input.otherParticipants,
  briques: input.briques,
  measureId: input.measureId,
  note: input.note,
  sensitivity: input.sensitivity,
});

/** A digest of what a create said, to tell a replay from another activity sent with the same key. */
export function requestDigest(input: TJournalEntryInput): string {
  const values = { ...entryValues(input), occurredAt: new Date(input.occurredAt).toISOString() };
  return createHash('sha256')
    .update(JSON.stringify({ ...values, objectives: input.objectives }))
    .digest('hex');
}

export const alreadySentDifferently = () =>
  new AppError('CONFLICT', 'Cette activité a déjà été envoyée avec un contenu différent.');

export const staleEntry = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Cette activité a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rechargez-la pour voir ses changements, puis refaites les vôtres.',
  );

/** The entry as the reader receives it after a write or on its own read (with its history). */
export async function entryAnswer(
  ctx: Context,
  reader: JournalReader,
  record: JournalRecord,
  refs?: FileReferences,
): Promise<TJournalEntry> {
  const known = refs ?? (await fileReferences(ctx, record.entry.householdId));
  return presentEntry(
    record,
    known,
    await organisationNames(ctx.db, record.entry.partnerOrganisationIds),
    reader,
    await changesOf(ctx.db, record.entry.id),
  );
}

interface Revision {
  values: Partial<JournalRow>;
  change: {
    kind: 'corrected' | 'cancelled';
    fields?: string[];
    previous?: Record<string, unknown>;
    reason?: string;
  };
  action: 'journal.correct' | 'journal.cancel';
  details?: Record<string, unknown>;
}

/**
 * Changes an entry at the version its writer read (409 otherwise), by its author's organisation
 * only, while it is not cancelled; the change lands in its history and the audit log.
 */
export async function reviseEntry(
  ctx: Context,
  target: { householdId: string; entryId: string; rowVersion: number },
  revise: (record: JournalRecord, refs: FileReferences) => Revision,
): Promise<TJournalEntry> {
  const reader = await journalWriter(ctx, target.householdId);
  const record = await requireEntry(ctx, reader, target.householdId, target.entryId);
  if (!canCorrectJournalEntry(reader, record.entry))
    throw forbidden('Seule l’organisation qui a écrit cette activité la corrige ou l’annule.');
  if (record.entry.status === 'cancelled')
    throw new AppError('INVALID_STATE', 'Cette activité est annulée : elle ne se modifie plus.');
  const refs = await fileReferences(ctx, target.householdId);
  const revision = revise(record, refs);
  const saved = await updateEntry(ctx.db, record.entry.id, target.rowVersion, {
    ...revision.values,
    updatedAt: ctx.now,
  });
  if (!saved) throw staleEntry();
  await insertChange(ctx.db, {
    entryId: record.entry.id,
    ...revision.change,
    userId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: revision.action,
    entityType: 'journal_entry',
    entityId: record.entry.id,
    householdId: target.householdId,
    details: { kind: record.entry.kind, ...revision.details },
  });
  // A contact or a home visit moved or cancelled: the household's journal alerts follow.
  await ctx.householdChanged?.(target.householdId);
  return entryAnswer(ctx, reader, await requireEntry(ctx, reader, target.householdId, record.entry.id), refs);
}
