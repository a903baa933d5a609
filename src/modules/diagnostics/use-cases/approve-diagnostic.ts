import type { Context } from '../../../kernel/context.ts';
import type { TApproval } from '../../../shared/contracts/diagnostics.ts';
import type { ApprovalRecord } from '../schema.ts';
import { invalidState } from '../diagnostic-access.ts';
import { checkSignaturePng } from '../signature.ts';
import { applyDiagnosticChange, loadForWrite, savedOf, type DiagnosticRef } from '../diagnostic-writes.ts';

/**
 * The household approves the diagnostic it was explained (brique 1.1 "signature du diagnostic"):
 * a signature drawn on a tablet, or its name typed in front of the caseworker who witnesses it.
 * From now on the diagnostic is frozen.
 */
export async function approveDiagnostic(ctx: Context, input: DiagnosticRef & TApproval) {
  const { actor, now } = ctx;
  const diagnostic = await loadForWrite(ctx, input);
  if (diagnostic.status !== 'presented') {
    throw invalidState('Le diagnostic doit d’abord être expliqué au ménage avant son approbation.');
  }
  const approval: ApprovalRecord =
    input.method === 'signature'
      ? {
          method: 'signature',
          signedOn: input.signedOn,
          signaturePng: checkSignaturePng(input.signaturePng),
          witnessedByUserId: actor.userId,
        }
      : {
          method: 'typed_name',
          signedOn: input.signedOn,
          typedName: input.typedName.trim(),
          witnessedByUserId: actor.userId,
        };
  const row = await applyDiagnosticChange(ctx, {
    diagnostic,
    patch: { status: 'approved', approval, approvedAt: now },
    action: 'diagnostic.approve',
    details: { method: input.method },
  });
  return savedOf(row);
}
