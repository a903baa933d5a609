import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TPresentation } from '../../../shared/contracts/diagnostics.ts';
import { missingForPresentation } from '../../../shared/diagnostics/completeness.ts';
import { applyDiagnosticChange, loadForWrite, savedOf, type DiagnosticRef } from '../diagnostic-writes.ts';

/** Brique 1.2: the diagnostic, now complete, has been explained to the household. */
export async function presentDiagnostic(ctx: Context, input: DiagnosticRef & TPresentation) {
  const diagnostic = await loadForWrite(ctx, input);
  const missing = missingForPresentation(diagnostic.content);
  if (Object.keys(missing).length > 0) {
    throw invalid(
      missing,
      'Le diagnostic est incomplet : complétez les champs signalés avant de le présenter au ménage.',
    );
  }
  const row = await applyDiagnosticChange(ctx, {
    diagnostic,
    patch: {
      status: 'presented',
      presentation: {
        presentedOn: input.presentedOn,
        method: input.method,
        explanation: input.explanation,
        byUserId: ctx.actor.userId,
      },
    },
    action: 'diagnostic.present',
    details: { method: input.method },
  });
  return savedOf(row);
}
