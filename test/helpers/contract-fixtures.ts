import type { Queryable } from '../../src/kernel/db.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { occupancyContracts } from '../../src/modules/leases/schema.ts';
import type { OccupancyKind } from '../../src/shared/contracts/housing-stock.ts';

let counter = 0;

/**
 * An occupancy contract written straight into the tables, with its dwelling and the dwelling's rent
 * from the contract's start: for the tests of modules that read contracts (rent accounts) while
 * the leases module's own use cases are written elsewhere. A sublease names the association holding
 * the main lease.
 */
export async function insertContract(
  q: Queryable,
  input: {
    kind?: OccupancyKind;
    landlordId: string;
    associationId?: string | null;
    householdId?: string | null;
    tenantName?: string;
    startOn?: string;
    endOn?: string | null;
    rentCents?: number;
    chargesCents?: number;
  },
) {
  const n = ++counter;
  const startOn = input.startOn ?? '2025-01-01';
  const [dwelling] = await q
    .insert(dwellings)
    .values({
      address: `${n} rue des Tilleuls, 38000 Grenoble`,
      landlordOrganisationId: input.landlordId,
      status: 'let',
    })
    .returning();
  await q.insert(dwellingRents).values({
    dwellingId: dwelling!.id,
    effectiveFrom: startOn,
    monthlyRentCents: input.rentCents ?? 42_000,
    monthlyChargesCents: input.chargesCents ?? 8_000,
  });
  const [contract] = await q
    .insert(occupancyContracts)
    .values({
      dwellingId: dwelling!.id,
      kind: input.kind ?? 'direct_lease',
      householdId: input.householdId ?? null,
      tenantName: input.tenantName ?? `Locataire ${n}`,
      lessorOrganisationId: input.landlordId,
      lessorKind: 'legal_person',
      intermediaryOrganisationId: input.associationId ?? null,
      status: 'active',
      signedOn: startOn,
      startOn,
      endOn: input.endOn ?? null,
    })
    .returning();
  return { contract: contract!, dwelling: dwelling! };
}
