import { and, eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { hasRoleIn } from '../../../shared/access/role-groups.ts';
import type { TPaging } from '../../../shared/contracts/common.ts';
import type { OccupancyStatus } from '../../../shared/contracts/housing-stock.ts';
import { presentSummary } from '../lease.presenter.ts';
import { contractsPage, contractsWhere, partyCondition } from '../leases.repository.ts';
import { occupancyContracts } from '../schema.ts';

/** The contracts of a household's file (every reader of the file sees which it has); audited. */
export async function listHouseholdContracts(ctx: Context, householdId: string) {
  await requireHouseholdAccess(ctx, householdId);
  const rows = await contractsWhere(ctx.db, eq(occupancyContracts.householdId, householdId));
  await audit(ctx.db, ctx.actor, {
    action: 'lease.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return { items: rows.map(presentSummary) };
}

/** Where the actor's organisation is a party as the lease policy counts it: lessor staff, association social workers. */
const ownContracts = (ctx: Context) =>
  partyCondition(
    ctx.actor.organisationId,
    hasRoleIn(ctx.actor.roles, 'landlordStaff') || ctx.actor.roles.includes('admin'),
    hasRoleIn(ctx.actor.roles, 'socialWork') || ctx.actor.roles.includes('admin'),
  );

/** The organisation's contracts, a page at a time: a landlord's dwellings', the subleases and mandates an association holds. */
export async function listOrganisationContracts(
  ctx: Context,
  query: TPaging & { status?: OccupancyStatus | undefined },
) {
  const where = and(
    ownContracts(ctx),
    query.status ? eq(occupancyContracts.status, query.status) : undefined,
  );
  const { items, total } = await contractsPage(ctx.db, where, query);
  // The list names the occupants: the read is audited like the households' list.
  await audit(ctx.db, ctx.actor, {
    action: 'lease.org_list',
    entityType: 'occupancy_contract',
    details: { status: query.status, page: query.page },
  });
  return { items: items.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

/** The contracts of a dwelling the organisation is a party to. */
export async function listDwellingContracts(ctx: Context, dwellingId: string) {
  const rows = await contractsWhere(
    ctx.db,
    and(eq(occupancyContracts.dwellingId, dwellingId), ownContracts(ctx)),
  );
  return { items: rows.map(presentSummary) };
}
