import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { frozenAt, requireFullDiagnostic } from '../diagnostic-access.ts';
import { evictionProcedureAt } from '../diagnostics.repository.ts';
import { presentDetail } from '../diagnostic.presenter.ts';
import type { DiagnosticRef } from '../diagnostic-writes.ts';

/** The full diagnostic, for the household's caseworker; the read is audited. */
export async function getDiagnostic(ctx: Context, input: DiagnosticRef) {
  const diagnostic = await requireFullDiagnostic(ctx, input);
  await audit(ctx.db, ctx.actor, {
    action: 'diagnostic.read',
    entityType: 'diagnostic',
    entityId: diagnostic.id,
    householdId: input.householdId,
    details: { version: diagnostic.version },
  });
  const asOf = frozenAt(diagnostic);
  const record = await evictionProcedureAt(ctx.db, diagnostic.householdId, asOf);
  return presentDetail(diagnostic, { record, asOf });
}
