import type { TDocument } from '../../../shared/contracts/households.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { documentRows } from '../documents.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

export async function listHouseholdDocuments({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<TDocument[]> {
  const level = await requireHouseholdAccess({ db: q, actor, now }, householdId);
  const rows = await documentRows(q, householdId, readableSensitivities(level));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
