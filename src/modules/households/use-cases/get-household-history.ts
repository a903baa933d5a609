import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { THouseholdVersion } from '../../../shared/contracts/households.ts';
import { presentHistory } from '../household.presenter.ts';
import { householdChangeRows } from '../households.repository.ts';
import { requireHouseholdAccess } from '../parties.repository.ts';

/** The file's versions, each diff cut to what the reader's level may see. */
export async function getHouseholdHistory({
  q,
  actor,
  householdId,
  now,
}: {
  q: Queryable;
  actor: Actor;
  householdId: string;
  now: Date;
}): Promise<THouseholdVersion[]> {
  const level = await requireHouseholdAccess(q, actor, householdId, now);
  return presentHistory(await householdChangeRows(q, householdId), level);
}
