import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { formatFileNumber, type THouseholdListItem } from '../../../shared/contracts/households.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import { listHouseholdsVisibleTo, type HouseholdListFilter } from '../households.repository.ts';

/**
 * The households the actor's organisation is a current party to. Every item carries only
 * landlord-summary fields, so the list is the same shape whatever the reader's level; a role that
 * reads no file (funder, auditor, admin alone) gets an empty list.
 */
export async function listHouseholds({
  q,
  actor,
  filter,
  now,
}: {
  q: Queryable;
  actor: Actor;
  filter: HouseholdListFilter;
  now: Date;
}): Promise<{ items: THouseholdListItem[]; total: number; page: number; pageSize: number }> {
  const level = partyAccessLevel(actor);
  const paging = { page: filter.page, pageSize: filter.pageSize };
  if (level === 'none') return { items: [], total: 0, ...paging };
  const { rows, total } = await listHouseholdsVisibleTo(q, actor.organisationId, filter, now);
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
