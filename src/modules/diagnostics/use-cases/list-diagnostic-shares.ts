import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { requireFullDiagnostic } from '../diagnostic-access.ts';
import { listSharesOfDiagnostic } from '../diagnostics.repository.ts';
import { presentShareRecord } from '../diagnostic.presenter.ts';

/** Who received which version of the diagnostic, when and from whom (caseworker). */
export async function listDiagnosticShares({
  tx,
  actor,
  diagnosticId,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  diagnosticId: string;
  now: Date;
}) {
  const diagnostic = await requireFullDiagnostic(tx, actor, { diagnosticId, at: now });
  await audit(tx, actor, {
    action: 'diagnostic.shares.read',
    entityType: 'diagnostic',
    entityId: diagnosticId,
    householdId: diagnostic.householdId,
  });
  return { items: (await listSharesOfDiagnostic(tx, diagnosticId)).map(presentShareRecord) };
}
