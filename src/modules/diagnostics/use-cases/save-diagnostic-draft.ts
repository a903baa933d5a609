import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { TDiagnosticSave } from '../../../shared/contracts/diagnostics.ts';
import { changedSections, stampAuthorship } from '../authorship.ts';
import { applyDiagnosticChange, loadForWrite, savedOf } from '../diagnostic-writes.ts';

/**
 * Autosave of a draft: partial content is accepted, the whole content replaces the previous one
 * at the rowVersion read. Editing a diagnostic already explained to the household brings it back
 * to draft: the household must be told about the new content before approving it.
 */
export async function saveDiagnosticDraft({
  tx,
  actor,
  householdId,
  diagnosticId,
  input,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  diagnosticId: string;
  input: TDiagnosticSave;
  now: Date;
}) {
  const diagnostic = await loadForWrite(tx, actor, {
    householdId,
    diagnosticId,
    rowVersion: input.rowVersion,
    at: now,
  });
  const sections = changedSections(diagnostic.content, input.content);
  if (sections.length === 0) return savedOf(diagnostic);
  const row = await applyDiagnosticChange(tx, actor, {
    diagnostic,
    patch: {
      content: input.content,
      authorship: stampAuthorship({
        previous: diagnostic.authorship,
        sections,
        householdVoice: input.householdVoiceSections,
        actor,
        at: now,
      }),
      status: 'draft',
      presentation: null,
    },
    action: 'diagnostic.update',
    details: { sections },
    at: now,
  });
  return savedOf(row);
}
