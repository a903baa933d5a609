import type { z } from 'zod';
import { invalid } from '../../../kernel/errors.ts';
import type { ZPresentation } from '../../../shared/contracts/diagnostics.ts';
import { missingForPresentation } from '../../../shared/diagnostics/completeness.ts';
import {
  applyDiagnosticChange,
  loadForWrite,
  savedOf,
  type DiagnosticWriteRequest,
} from '../diagnostic-writes.ts';

/** Brique 1.2: the diagnostic, now complete, has been explained to the household. */
export async function presentDiagnostic(request: DiagnosticWriteRequest<z.infer<typeof ZPresentation>>) {
  const { tx, actor, input, now } = request;
  const diagnostic = await loadForWrite(request);
  const missing = missingForPresentation(diagnostic.content);
  if (Object.keys(missing).length > 0) {
    throw invalid(
      missing,
      'Le diagnostic est incomplet : complétez les champs signalés avant de le présenter au ménage.',
    );
  }
  const row = await applyDiagnosticChange(tx, actor, {
    diagnostic,
    patch: {
      status: 'presented',
      presentation: {
        presentedOn: input.presentedOn,
        method: input.method,
        explanation: input.explanation,
        byUserId: actor.userId,
      },
    },
    action: 'diagnostic.present',
    details: { method: input.method },
    at: now,
  });
  return savedOf(row);
}
