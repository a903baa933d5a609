import { canCorrectJournalEntry, type JournalReader } from '../../shared/access/journal-policy.ts';
import {
  JOURNAL_KIND_LABELS,
  JOURNAL_SENSITIVITY_LABELS,
  type TJournalEntry,
  type TJournalEntryInput,
  type TTimelineItem,
} from '../../shared/contracts/journal.ts';
import { briqueName } from '../referentiel/index.ts';
import type { FileReferences } from './file-references.ts';
import type { changesOf, JournalRecord } from './journal.repository.ts';

type ChangeRow = Awaited<ReturnType<typeof changesOf>>[number];

/** The fields of an entry in words, for its history. */
export const JOURNAL_FIELD_LABELS: Record<keyof TJournalEntryInput, string> = {
  kind: 'type d’activité',
  occurredAt: 'date et heure',
  durationMinutes: 'durée',
  place: 'lieu',
  memberIds: 'membres du ménage présents',
  partnerOrganisationIds: 'partenaires',
  otherParticipants: 'autres participants',
  briques: 'briques',
  objectives: 'objectifs du contrat',
  measureId: 'mesure',
  note: 'note',
  sensitivity: 'confidentialité',
};

const CHANGE_LABELS: Record<string, string> = {
  created: 'Activité enregistrée',
  corrected: 'Activité corrigée',
  cancelled: 'Activité annulée',
};

function changeDetail(c: ChangeRow): string | null {
  if (c.kind === 'cancelled') return c.reason ? `Motif : ${c.reason}` : null;
  if (c.fields.length === 0) return null;
  const names = c.fields.map((f) => JOURNAL_FIELD_LABELS[f as keyof TJournalEntryInput] ?? 'autre champ');
  return `Modifié : ${names.join(', ')}.`;
}

/**
 * An entry as its reader receives it: the references of the file in names (a member removed since
 * reads as such), whether the reader may correct it, and its history when asked for. The caller
 * selected only entries the reader may read (see journal-policy).
 */
export function presentEntry(
  record: JournalRecord,
  refs: Pick<FileReferences, 'members' | 'measures'>,
  partnerNames: ReadonlyMap<string, string>,
  reader: JournalReader,
  changes?: ChangeRow[],
): TJournalEntry {
  const e = record.entry;
  return {
    id: e.id,
    householdId: e.householdId,
    kind: e.kind,
    occurredAt: e.occurredAt.toISOString(),
    durationMinutes: e.durationMinutes,
    place: e.place,
    members: e.memberIds.map((id) => ({ id, name: refs.members.get(id) ?? 'Personne retirée du dossier' })),
    partners: e.partnerOrganisationIds.map((id) => ({
      id,
      name: partnerNames.get(id) ?? 'Organisation partenaire',
    })),
    otherParticipants: e.otherParticipants,
    briques: e.briques.map((code) => ({ code, label: briqueName(e.referentielVersion, code) })),
    objectives: e.objectives,
    measure: e.measureId ? { id: e.measureId, name: refs.measures.get(e.measureId)?.name ?? 'Mesure' } : null,
    note: e.note,
    sensitivity: e.sensitivity,
    status: e.status,
    cancelReason: e.cancelReason,
    authorName: record.authorName,
    authorOrganisationId: e.authorOrganisationId,
    authorOrganisationName: record.authorOrganisationName,
    createdAt: e.createdAt.toISOString(),
    rowVersion: e.rowVersion,
    canCorrect: canCorrectJournalEntry(reader, e),
    ...(changes
      ? {
          history: changes.map((c) => ({
            at: c.at.toISOString(),
            label: CHANGE_LABELS[c.kind] ?? 'Changement',
            detail: changeDetail(c),
            byName: c.byName,
          })),
        }
      : {}),
  };
}

/** A journal entry on the timeline, in words. */
export function entryItem(entry: TJournalEntry): TTimelineItem {
  const parts = [
    `${entry.durationMinutes} min`,
    entry.place || null,
    entry.members.length ? `avec ${entry.members.map((m) => m.name).join(', ')}` : null,
    entry.sensitivity === 'confidential' ? JOURNAL_SENSITIVITY_LABELS.confidential : null,
    entry.status === 'cancelled' ? `Annulée : ${entry.cancelReason ?? ''}` : null,
  ];
  return {
    key: `journal:${entry.id}`,
    kind: entry.kind,
    at: entry.occurredAt,
    title: JOURNAL_KIND_LABELS[entry.kind],
    detail: parts.filter(Boolean).join(' · '),
    byName: entry.authorName,
    byOrganisationName: entry.authorOrganisationName,
    entry,
  };
}
