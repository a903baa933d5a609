import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { canReadFullDiagnostic } from '../diagnostic-access.ts';
import { listDiagnosticVersions, listSharesReceived } from '../diagnostics.repository.ts';
import { presentSharedVersion, presentSummary } from '../diagnostic.presenter.ts';

/**
 * The caseworker sees every version; any other party sees only the partner versions that were
 * shared with its organisation (a landlord never the full diagnostic). The read is audited.
 */
export async function listDiagnostics(ctx: Context, householdId: string) {
  const { db: tx, actor } = ctx;
  const level = await requireHouseholdAccess(ctx, householdId);
  const full = canReadFullDiagnostic(level);
  const items = full ? (await listDiagnosticVersions(tx, householdId)).map(presentSummary) : [];
  const sharedWithMe = (await listSharesReceived(tx, householdId, actor.organisationId)).map(
    presentSharedVersion,
  );
  await audit(tx, actor, {
    action: 'diagnostic.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level, versions: items.length, sharedVersions: sharedWithMe.length },
  });
  return { items, sharedWithMe };
}
