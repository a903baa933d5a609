import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { requireFullDiagnostic } from '../diagnostic-access.ts';
import { presentDetail } from '../diagnostic.presenter.ts';

/** The full diagnostic, for the household's caseworker; the read is audited. */
export async function getDiagnostic({
  tx,
  actor,
  householdId,
  diagnosticId,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  diagnosticId: string;
  now: Date;
}) {
  const diagnostic = await requireFullDiagnostic(tx, actor, { householdId, diagnosticId, at: now });
  await audit(tx, actor, {
    action: 'diagnostic.read',
    entityType: 'diagnostic',
    entityId: diagnostic.id,
    householdId,
    details: { version: diagnostic.version },
  });
  return presentDetail(diagnostic);
}
