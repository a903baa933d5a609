import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { DatedBalance } from '../../shared/eviction-prevention/timeline.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { accountBalanceHistories } from '../rent-accounts/index.ts';
import { arrearsHistories } from '../stock-imports/index.ts';

/** The landlord's imported arrears files of one of the household's contracts: its name and latest file. */
export interface LandlordFileDebt {
  landlordName: string | null;
  /** The day of the latest file's balance. */
  asOf: string;
  balances: (DatedBalance & { months: number | null })[];
}

/** The debt Relais knows of a household without a balance noted on its procedure, by source. */
export interface KnownDebt {
  /** Its rent account in Relais (the contract in force latest started): empty without one. */
  account: DatedBalance[];
  /** Else the landlord's arrears files of its contracts (the latest started that has any): null without. */
  landlordFile: LandlordFileDebt | null;
}

export const NO_KNOWN_DEBT: KnownDebt = { account: [], landlordFile: null };

/**
 * What each household's deadlines are computed from when no balance was noted by hand, in this order:
 * its rent account kept in Relais, else the landlord's imported arrears history (up to `until`) of
 * the contracts attached to its file. Three queries whatever the number of households (the alerts
 * read every followed procedure at once); a household with neither is absent.
 */
export async function knownDebts(
  q: Queryable,
  householdIds: readonly string[],
  until: string,
): Promise<Map<string, KnownDebt>> {
  if (householdIds.length === 0) return new Map();
  const contracts = await q
    .select({
      id: occupancyContracts.id,
      householdId: occupancyContracts.householdId,
      status: occupancyContracts.status,
      landlordName: sql<string | null>`coalesce(${organisations.name}, ${occupancyContracts.lessorName})`,
    })
    .from(occupancyContracts)
    .leftJoin(organisations, eq(organisations.id, occupancyContracts.lessorOrganisationId))
    .where(inArray(occupancyContracts.householdId, [...householdIds]))
    .orderBy(desc(occupancyContracts.startOn), occupancyContracts.id);
  const inForce = new Map<string, string>();
  for (const c of contracts)
    if (c.status === 'active' && !inForce.has(c.householdId!)) inForce.set(c.householdId!, c.id);
  const [accounts, arrears] = await Promise.all([
    accountBalanceHistories(q, [...inForce.values()]),
    contracts.length > 0
      ? arrearsHistories(
          q,
          contracts.map((c) => c.id),
          until,
        )
      : [],
  ]);
  const files = new Map<string, LandlordFileDebt['balances']>();
  for (const a of arrears) {
    const list = files.get(a.contractId) ?? [];
    if (list.length === 0) files.set(a.contractId, list);
    list.push({ on: a.asOf, amountCents: a.balanceCents, months: a.months });
  }
  const out = new Map<string, KnownDebt>();
  for (const c of contracts) {
    const householdId = c.householdId!;
    const known = out.get(householdId) ?? {
      account: (accounts.get(inForce.get(householdId) ?? '') ?? []).map((b) => ({
        on: b.on,
        amountCents: b.balanceCents,
      })),
      landlordFile: null,
    };
    const file = files.get(c.id);
    if (!known.landlordFile && known.account.length === 0 && file)
      known.landlordFile = { landlordName: c.landlordName, asOf: file.at(-1)!.on, balances: file };
    out.set(householdId, known);
  }
  return out;
}

/** The debt the deadlines are computed from: noted by hand, else the account's, else the landlord's file. */
export const debtOf = (noted: DatedBalance[], known: KnownDebt): DatedBalance[] =>
  noted.length > 0
    ? noted
    : known.account.length > 0
      ? known.account
      : (known.landlordFile?.balances.map(({ on, amountCents }) => ({ on, amountCents })) ?? []);
