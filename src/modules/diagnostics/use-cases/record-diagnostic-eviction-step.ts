import type { Context } from '../../../kernel/context.ts';
import type { EvictionStep } from '../../../shared/contracts/household-enums.ts';
import { recordEvictionStep } from '../../households/index.ts';
import { assertCanWrite, assertNotFrozen, requireDiagnostic } from '../diagnostic-access.ts';
import type { DiagnosticRef } from '../diagnostic-writes.ts';

/**
 * A step of the household's eviction procedure learnt while writing the diagnostic: recorded on the
 * household's procedure (its one home), with this diagnostic as its source.
 */
export async function recordDiagnosticEvictionStep(
  ctx: Context,
  input: DiagnosticRef & { step: EvictionStep; occurredOn: string; note?: string | null },
) {
  const { diagnostic, level } = await requireDiagnostic(ctx, input);
  assertCanWrite(level);
  assertNotFrozen(diagnostic);
  return recordEvictionStep(ctx, {
    householdId: diagnostic.householdId,
    step: input.step,
    occurredOn: input.occurredOn,
    note: input.note,
    source: { type: 'diagnostic', id: diagnostic.id },
  });
}
