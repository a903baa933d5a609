import type { Context } from '../../../kernel/context.ts';
import type { TDiagnosticSave } from '../../../shared/contracts/diagnostics.ts';
import { changedSections, stampAuthorship } from '../authorship.ts';
import { applyDiagnosticChange, loadForWrite, savedOf, type DiagnosticRef } from '../diagnostic-writes.ts';

/**
 * Autosave of a draft: partial content is accepted, the whole content replaces the previous one
 * at the rowVersion read. Editing a diagnostic already explained to the household brings it back
 * to draft: the household must be told about the new content before approving it.
 */
export async function saveDiagnosticDraft(ctx: Context, input: DiagnosticRef & TDiagnosticSave) {
  const diagnostic = await loadForWrite(ctx, input);
  const sections = changedSections(diagnostic.content, input.content);
  if (sections.length === 0) return savedOf(diagnostic);
  const row = await applyDiagnosticChange(ctx, {
    diagnostic,
    patch: {
      content: input.content,
      authorship: stampAuthorship({
        previous: diagnostic.authorship,
        sections,
        householdVoice: input.householdVoiceSections,
        actor: ctx.actor,
        at: ctx.now,
      }),
      status: 'draft',
      presentation: null,
    },
    action: 'diagnostic.update',
    details: { sections },
  });
  return savedOf(row);
}
