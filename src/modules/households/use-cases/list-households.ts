import type { Context } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { auditParams } from '../../../kernel/audit.ts';
import { formatFileNumber, type THouseholdListItem } from '../../../shared/contracts/households.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import { listHouseholdsVisibleTo, type HouseholdListFilter } from '../households.repository.ts';

/**
 * The port through which the list learns which households of a page are under a social watch, and
 * until when (the measures module answers it; app.ts wires it, as this module cannot import that
 * one): one call per page, whatever its size. Without it, no household shows a watch.
 */
export type WatchStatusPort = (
  q: Queryable,
  householdIds: readonly string[],
  now: Date,
) => Promise<ReadonlyMap<string, string>>;

/**
 * The households the actor's organisation is a current party to; every list or search is audited
 * (who searched for what), in the statement that reads it. Every item carries only
 * landlord-summary fields, so the list is the same shape whatever the reader's level; a role that
 * reads no file (funder, auditor, admin alone) gets an empty list. Each item says whether the
 * household is under a watch (« En veille »), read through the watch port.
 */
export async function listHouseholds(
  ctx: Context,
  filter: HouseholdListFilter,
  watchStatus?: WatchStatusPort,
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
  const watch = watchStatus
    ? await watchStatus(
        ctx.db,
        rows.map((r) => r.id),
        ctx.now,
      )
    : new Map<string, string>();
  return {
    items: rows.map((r) => ({
      ...r,
      watchUntil: watch.get(r.id) ?? null,
      fileLabel: formatFileNumber(r.fileNumber),
      accessLevel: level,
      updatedAt: r.updatedAt.toISOString(),
    })),
    total,
    ...paging,
  };
}
