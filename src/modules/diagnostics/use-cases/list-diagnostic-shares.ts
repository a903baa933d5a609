import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { requireFullDiagnostic } from '../diagnostic-access.ts';
import { listSharesOfDiagnostic } from '../diagnostics.repository.ts';
import { presentShareRecord } from '../diagnostic.presenter.ts';

/** Who received which version of the diagnostic, when and from whom (caseworker). */
export async function listDiagnosticShares(ctx: Context, diagnosticId: string) {
  const diagnostic = await requireFullDiagnostic(ctx, { diagnosticId });
  await audit(ctx.db, ctx.actor, {
    action: 'diagnostic.shares.read',
    entityType: 'diagnostic',
    entityId: diagnosticId,
    householdId: diagnostic.householdId,
  });
  return { items: (await listSharesOfDiagnostic(ctx.db, diagnosticId)).map(presentShareRecord) };
}
