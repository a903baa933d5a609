import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { DatedBalance } from '../../shared/eviction-prevention/timeline.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { accountBalanceHistory } from '../rent-accounts/index.ts';

/**
 * The debt of the household's contract in force as its rent account in Relais states it (empty when
 * no account is kept here): what the deadlines are computed from when no balance was noted by hand.
 */
export async function rentAccountDebt(q: Queryable, householdId: string): Promise<DatedBalance[]> {
  const [contract] = await q
    .select({ id: occupancyContracts.id })
    .from(occupancyContracts)
    .where(and(eq(occupancyContracts.householdId, householdId), eq(occupancyContracts.status, 'active')))
    .orderBy(desc(occupancyContracts.startOn))
    .limit(1);
  if (!contract) return [];
  return (await accountBalanceHistory(q, contract.id)).map((b) => ({
    on: b.on,
    amountCents: b.balanceCents,
  }));
}
