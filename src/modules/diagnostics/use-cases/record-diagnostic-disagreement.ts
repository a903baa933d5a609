import type { Context } from '../../../kernel/context.ts';
import type { TDisagreement } from '../../../shared/contracts/diagnostics.ts';
import { invalidState } from '../diagnostic-access.ts';
import { applyDiagnosticChange, loadForWrite, savedOf, type DiagnosticRef } from '../diagnostic-writes.ts';

/**
 * The household does not agree with the diagnostic it was explained: its words are recorded and
 * the version is closed (brique 1.4: it is then at least oriented, possibly via arbitration).
 */
export async function recordDiagnosticDisagreement(ctx: Context, input: DiagnosticRef & TDisagreement) {
  const diagnostic = await loadForWrite(ctx, input);
  if (diagnostic.status !== 'presented') {
    throw invalidState('Le désaccord se note sur un diagnostic expliqué au ménage.');
  }
  const row = await applyDiagnosticChange(ctx, {
    diagnostic,
    patch: {
      status: 'disagreed',
      disagreement: {
        notedOn: input.notedOn,
        inHouseholdWords: input.inHouseholdWords,
        byUserId: ctx.actor.userId,
      },
    },
    action: 'diagnostic.disagree',
  });
  return savedOf(row);
}
