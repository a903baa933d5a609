import type { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { ZPresentation } from '../../../shared/contracts/diagnostics.ts';
import { missingForPresentation } from '../../../shared/diagnostics/completeness.ts';
import { applyDiagnosticChange, loadForWrite, savedOf } from '../diagnostic-writes.ts';

/** Brique 1.2: the diagnostic, now complete, has been explained to the household. */
export async function presentDiagnostic({
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
  input: z.infer<typeof ZPresentation>;
  now: Date;
}) {
  const diagnostic = await loadForWrite(tx, actor, {
    householdId,
    diagnosticId,
    rowVersion: input.rowVersion,
    at: now,
  });
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
