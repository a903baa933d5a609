import type { TDwelling, TDwellingSummary } from '../../shared/contracts/dwellings.ts';
import type { DwellingRow, RentRow } from './dwellings.repository.ts';

const presentRent = (r: RentRow | undefined) =>
  r
    ? {
        effectiveFrom: r.effectiveFrom,
        monthlyRentCents: r.monthlyRentCents,
        monthlyChargesCents: r.monthlyChargesCents,
      }
    : null;

export const presentSummary = (d: DwellingRow, rent: RentRow | undefined): TDwellingSummary => ({
  id: d.id,
  reference: d.reference,
  address: d.address,
  communeName: d.communeName,
  typology: d.typology,
  surfaceM2: d.surfaceM2,
  financing: d.financing,
  status: d.status,
  rent: presentRent(rent),
});

/** The dwelling's page: its rent in force on `day` and its whole rent history, the latest first. */
export function presentDwelling(d: DwellingRow, rents: RentRow[], day: string): TDwelling {
  return {
    ...presentSummary(
      d,
      rents.find((r) => r.effectiveFrom <= day),
    ),
    communeId: d.communeId,
    communePostcode: d.communePostcode,
    epciName: d.epciName,
    floor: d.floor,
    lift: d.lift,
    accessibility: d.accessibility,
    rents: rents.map((r) => presentRent(r)!),
  };
}
