import type { THouseholdVersion } from '../../../shared/contracts/households.ts';
import { presentHistory } from '../household.presenter.ts';
import { householdChangeRows } from '../households.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** The file's versions, each diff cut to what the reader's level may see. */
export async function getHouseholdHistory({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<THouseholdVersion[]> {
  const level = await requireHouseholdAccess({ db: q, actor, now }, householdId);
  return presentHistory(await householdChangeRows(q, householdId), level);
}
