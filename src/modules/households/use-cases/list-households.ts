import type { Context } from '../../../kernel/context.ts';
import { auditParams } from '../../../kernel/audit.ts';
import { formatFileNumber, type THouseholdListItem } from '../../../shared/contracts/households.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import { listHouseholdsVisibleTo, type HouseholdListFilter } from '../households.repository.ts';

/**
 * The households the actor's organisation is a current party to; every list or search is audited
 * (who searched for what), in the statement that reads it. Every item carries only
 * landlord-summary fields, so the list is the same shape whatever the reader's level; a role that
 * reads no file (funder, auditor, admin alone) gets an empty list.
 */
export async function listHouseholds(
  ctx: Context,
  filter: HouseholdListFilter,
): Promise<{ items: THouseholdListItem[]; total: number; page: number; pageSize: number }> {
  const level = partyAccessLevel(ctx.actor);
  const paging = { page: filter.page, pageSize: filter.pageSize };
  if (level === 'none') return { items: [], total: 0, ...paging };
  const { rows, total } = await listHouseholdsVisibleTo(
    ctx.db,
    ctx.actor.organisationId,
    filter,
    ctx.now,
    auditParams(ctx.actor, {
      action: 'household.list',
      entityType: 'household',
      // Absent filters are left out of the stored JSON (undefined is not serialised).
      details: {
        search: filter.q || undefined,
        status: filter.status,
        housingSituation: filter.housingSituation,
        dalo: filter.dalo,
        page: filter.page,
      },
    }),
  );
  return {
    items: rows.map((r) => ({
      ...r,
      fileLabel: formatFileNumber(r.fileNumber),
      accessLevel: level,
      updatedAt: r.updatedAt.toISOString(),
    })),
    total,
    ...paging,
  };
}
