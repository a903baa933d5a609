import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { PartnerAudience } from '../../../shared/contracts/diagnostics.ts';
import { requireFullDiagnostic } from '../diagnostic-access.ts';
import { buildPartnerVersion } from '../partner-version.ts';

/** "Voir comme le bailleur": the caseworker checks what a partner would receive before sharing. */
export async function previewPartnerVersion(
  ctx: Context,
  { diagnosticId, audience }: { diagnosticId: string; audience: PartnerAudience },
) {
  const diagnostic = await requireFullDiagnostic(ctx, { diagnosticId });
  await audit(ctx.db, ctx.actor, {
    action: 'diagnostic.preview',
    entityType: 'diagnostic',
    entityId: diagnostic.id,
    householdId: diagnostic.householdId,
    details: { audience },
  });
  return buildPartnerVersion(ctx.db, diagnostic, audience);
}
