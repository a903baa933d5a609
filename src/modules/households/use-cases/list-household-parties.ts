import { PARTY_BASIS_LABELS } from '../../../shared/contracts/household-enums.ts';
import type { TParty } from '../../../shared/contracts/households.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { currentPartyRows } from '../parties.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** Who has access to the file today, and why (every party may see this, landlords included). */
export async function listHouseholdParties({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<TParty[]> {
  await requireHouseholdAccess({ db: q, actor, now }, householdId);
  const rows = await currentPartyRows(q, householdId, now);
  return rows.map((r) => ({ ...r, basisLabel: PARTY_BASIS_LABELS[r.basis], since: r.since.toISOString() }));
}
