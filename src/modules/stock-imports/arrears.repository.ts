import { and, asc, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TArrearsThreshold } from '../../shared/contracts/dwellings.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { arrearsBalances, arrearsThresholds } from './schema.ts';

export async function thresholdOf(q: Queryable, landlordId: string): Promise<TArrearsThreshold | null> {
  const [row] = await q
    .select({ months: arrearsThresholds.months, amountCents: arrearsThresholds.amountCents })
    .from(arrearsThresholds)
    .where(eq(arrearsThresholds.landlordOrganisationId, landlordId));
  return row ?? null;
}

export async function saveThreshold(q: Queryable, landlordId: string, t: TArrearsThreshold, at: Date) {
  await q
    .insert(arrearsThresholds)
    .values({ landlordOrganisationId: landlordId, ...t, updatedAt: at })
    .onConflictDoUpdate({ target: arrearsThresholds.landlordOrganisationId, set: { ...t, updatedAt: at } });
}

/**
 * Each current contract of the landlord with its latest imported balance and the dwelling's rent and
 * charges in force on that day.
 */
export async function latestBalances(q: Queryable, landlordId: string) {
  const latest = q
    .selectDistinctOn([arrearsBalances.contractId], {
      contractId: arrearsBalances.contractId,
      asOf: arrearsBalances.asOf,
      balanceCents: arrearsBalances.balanceCents,
      months: arrearsBalances.monthsOfArrears,
    })
    .from(arrearsBalances)
    .orderBy(arrearsBalances.contractId, desc(arrearsBalances.asOf))
    .as('latest');
  return q
    .select({
      contractId: latest.contractId,
      tenantReference: sql<string>`coalesce(${occupancyContracts.tenantReference}, '')`,
      tenantName: occupancyContracts.tenantName,
      dwellingId: dwellings.id,
      address: dwellings.address,
      asOf: latest.asOf,
      balanceCents: latest.balanceCents,
      months: latest.months,
      monthlyDueCents: sql<number | null>`(
        select ${dwellingRents.monthlyRentCents} + ${dwellingRents.monthlyChargesCents} from ${dwellingRents}
        where ${dwellingRents.dwellingId} = ${dwellings.id} and ${dwellingRents.effectiveFrom} <= ${latest.asOf}
        order by ${dwellingRents.effectiveFrom} desc limit 1)`,
    })
    .from(latest)
    .innerJoin(occupancyContracts, eq(occupancyContracts.id, latest.contractId))
    .innerJoin(dwellings, eq(dwellings.id, occupancyContracts.dwellingId))
    .where(
      and(eq(occupancyContracts.lessorOrganisationId, landlordId), ne(occupancyContracts.status, 'ended')),
    )
    .orderBy(desc(latest.balanceCents), asc(dwellings.address));
}

/**
 * The monthly balances the landlord's arrears files gave for a contract, oldest first, up to `until`:
 * for the eviction-prevention work (the balances before a procedure, the first unpaid month).
 */
export const arrearsHistory = async (q: Queryable, contractId: string, until: string) =>
  (await arrearsHistories(q, [contractId], until)).map(({ asOf, balanceCents, months }) => ({
    asOf,
    balanceCents,
    months,
  }));

/** `arrearsHistory` of several contracts in one query, each row naming its contract. */
export const arrearsHistories = (q: Queryable, contractIds: readonly string[], until: string) =>
  q
    .select({
      contractId: arrearsBalances.contractId,
      asOf: arrearsBalances.asOf,
      balanceCents: arrearsBalances.balanceCents,
      months: arrearsBalances.monthsOfArrears,
    })
    .from(arrearsBalances)
    .where(and(inArray(arrearsBalances.contractId, [...contractIds]), lte(arrearsBalances.asOf, until)))
    .orderBy(asc(arrearsBalances.contractId), asc(arrearsBalances.asOf));
