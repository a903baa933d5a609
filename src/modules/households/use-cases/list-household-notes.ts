import type { TNote } from '../../../shared/contracts/households.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { noteRows } from '../notes.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** The notes the reader's level covers (a landlord: landlord-visible notes only). */
export async function listHouseholdNotes({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<TNote[]> {
  const level = await requireHouseholdAccess({ db: q, actor, now }, householdId);
  const rows = await noteRows(q, householdId, readableSensitivities(level));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
