import type { TDiagnosticSave } from '../../../shared/contracts/diagnostics.ts';
import { changedSections, stampAuthorship } from '../authorship.ts';
import {
  applyDiagnosticChange,
  loadForWrite,
  savedOf,
  type DiagnosticWriteRequest,
} from '../diagnostic-writes.ts';

/**
 * Autosave of a draft: partial content is accepted, the whole content replaces the previous one
 * at the rowVersion read. Editing a diagnostic already explained to the household brings it back
 * to draft: the household must be told about the new content before approving it.
 */
export async function saveDiagnosticDraft(request: DiagnosticWriteRequest<TDiagnosticSave>) {
  const { tx, actor, input, now } = request;
  const diagnostic = await loadForWrite(request);
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
