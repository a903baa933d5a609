import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import type { PartnerAudience } from '../../../shared/contracts/diagnostics.ts';
import { requireFullDiagnostic } from '../diagnostic-access.ts';
import { buildPartnerVersion } from '../partner-version.ts';

/** "Voir comme le bailleur": the caseworker checks what a partner would receive before sharing. */
export async function previewPartnerVersion({
  tx,
  actor,
  diagnosticId,
  audience,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  diagnosticId: string;
  audience: PartnerAudience;
  now: Date;
}) {
  const diagnostic = await requireFullDiagnostic(tx, actor, { diagnosticId, at: now });
  await audit(tx, actor, {
    action: 'diagnostic.preview',
    entityType: 'diagnostic',
    entityId: diagnostic.id,
    householdId: diagnostic.householdId,
    details: { audience },
  });
  return buildPartnerVersion(tx, diagnostic, audience);
}
