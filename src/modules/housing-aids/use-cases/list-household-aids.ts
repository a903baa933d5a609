import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { aidManageRefusal, canReadAid } from '../../../shared/access/aid-policy.ts';
import type { TAidList } from '../../../shared/contracts/housing-aids.ts';
import { parisDate } from '../../../shared/time.ts';
import { aidReader } from '../aid-access.ts';
import { viewAids } from '../aid-view.ts';
import { contractLabel } from '../housing-aids.presenter.ts';
import { householdAids, householdContracts } from '../housing-aids.repository.ts';

/**
 * The household's aids as the reader may see them — all for its social workers, those paid to it for
 * a landlord — and, for whoever manages them, the contracts whose rent account an aid may credit. The
 * read is audited in the route's transaction.
 */
export async function listHouseholdAids(ctx: Context, householdId: string): Promise<TAidList> {
  const { db, actor } = ctx;
  const reader = await aidReader(ctx, householdId);
  const rows = await householdAids(db, householdId);
  const visible = rows.filter((r) => canReadAid(reader, r.aid.payeeOrganisationId));
  const visibleIds = new Set(visible.map((r) => r.aid.id));
  const renewals = new Map(
    visible.flatMap((r) =>
      r.aid.renewsAidId && visibleIds.has(r.aid.renewsAidId) ? [[r.aid.renewsAidId, r.aid.id]] : [],
    ),
  );
  const canManage = aidManageRefusal(reader) === null;
  const contracts = canManage ? await householdContracts(db, householdId) : [];
  await audit(db, actor, {
    action: 'household.aids.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: reader.level },
  });
  return {
    items: await viewAids(db, visible, renewals, parisDate(ctx.now)),
    canManage,
    contracts: contracts.map((c) => ({ id: c.id, label: contractLabel(c) })),
  };
}
