import { createHash } from 'node:crypto';
import type { Context } from '../../../kernel/context.ts';
import { ZJournalEntryInput } from '../../../shared/contracts/journal.ts';
import { formatDate } from '../../../shared/format.ts';
import { createJournalEntry } from './create-journal-entry.ts';

/** What a drop-in visit tells the journal of the file it became. */
export interface PermanenceVisitInput {
  householdId: string;
  visitId: string;
  place: string;
  occurredAt: Date;
  durationMinutes: number;
  briques: string[];
  advice: string | null;
  steps: { text: string; dueOn: string | null }[];
}

/** The key of the visit's entry: one entry per visit, whoever sends it again. */
function visitKey(visitId: string): string {
  const hex = createHash('sha256').update(`permanence-visit:${visitId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const NOTE_MAX = 4000;

/** The visit in words: the place, the advice given and the steps the person keeps. */
export function permanenceVisitNote(input: Pick<PermanenceVisitInput, 'place' | 'advice' | 'steps'>): string {
  const lines = [`Passage à la permanence (${input.place}).`];
  if (input.advice) lines.push(`Conseils donnés : ${input.advice}`);
  if (input.steps.length > 0) {
    lines.push('Démarches que la personne garde à sa charge :');
    for (const s of input.steps)
      lines.push(`- ${s.text}${s.dueOn ? ` (pour le ${formatDate(s.dueOn)})` : ''}`);
  }
  const note = lines.join('\n');
  return note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;
}

/**
 * Records a drop-in visit in the journal of the file it became, as an ordinary « entretien au bureau »
 * entry of the organisation's social workers alone (confidential: the person came to them), through
 * the journal's own rules, key and audit.
 */
export async function recordPermanenceVisit(ctx: Context, input: PermanenceVisitInput): Promise<string> {
  const entry = ZJournalEntryInput.parse({
    kind: 'office_meeting',
    occurredAt: input.occurredAt.toISOString(),
    durationMinutes: input.durationMinutes,
    place: input.place.slice(0, 200),
    briques: input.briques,
    note: permanenceVisitNote(input),
    sensitivity: 'confidential',
  });
  const { entry: saved } = await createJournalEntry(ctx, {
    ...entry,
    householdId: input.householdId,
    idempotencyKey: visitKey(input.visitId),
  });
  return saved.id;
}
