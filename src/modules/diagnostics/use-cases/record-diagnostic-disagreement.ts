import type { z } from 'zod';
import type { ZDisagreement } from '../../../shared/contracts/diagnostics.ts';
import { invalidState } from '../diagnostic-access.ts';
import {
  applyDiagnosticChange,
  loadForWrite,
  savedOf,
  type DiagnosticWriteRequest,
} from '../diagnostic-writes.ts';

/**
 * The household does not agree with the diagnostic it was explained: its words are recorded and
 * the version is closed (brique 1.4: it is then at least oriented, possibly via arbitration).
 */
export async function recordDiagnosticDisagreement(
  request: DiagnosticWriteRequest<z.infer<typeof ZDisagreement>>,
) {
  const { tx, actor, input, now } = request;
  const diagnostic = await loadForWrite(request);
  if (diagnostic.status !== 'presented') {
    throw invalidState('Le désaccord se note sur un diagnostic expliqué au ménage.');
  }
  const row = await applyDiagnosticChange(tx, actor, {
    diagnostic,
    patch: {
      status: 'disagreed',
      disagreement: {
        notedOn: input.notedOn,
        inHouseholdWords: input.inHouseholdWords,
        byUserId: actor.userId,
      },
    },
    action: 'diagnostic.disagree',
    at: now,
  });
  return savedOf(row);
}
