import type { dwellingRents, dwellings } from '../modules/dwellings/schema.ts';
import type { Typology } from '../shared/contracts/household-enums.ts';
import type { DwellingFinancing, DwellingStatus } from '../shared/contracts/housing-stock.ts';
import { monthsAgo } from './dates.ts';
import { stableId } from './ids.ts';
import { createPrng } from './prng.ts';
import { communeByKey, managementUnitId, organisationId, territoryId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface StockDemoRows {
  stockDwellings: Row<typeof dwellings>[];
  dwellingRents: Row<typeof dwellingRents>[];
}

const STREETS = [
  'rue des Tanneurs',
  'allée des Peupliers',
  'avenue de la Brenne',
  'rue Jean-Moulin',
  'résidence Les Coteaux, bâtiment B',
  'rue du Moulin-Vieux',
  'place de la Halle',
  'chemin des Vignes',
];
const SITES = [
  { commune: 'saint-aubin', unit: 'centre' },
  { commune: 'montreval', unit: 'rive-nord' },
  { commune: 'castelbrenne', unit: 'haut-val' },
] as const;
const FINANCINGS: DwellingFinancing[] = ['plai', 'plus', 'plus', 'plus', 'pls'];
// Rent per m² (cents) by financing: PLAI the lowest.
const RENT_PER_M2: Record<DwellingFinancing, number> = {
  plai: 520,
  plus: 600,
  pls: 780,
  private_conventioned: 700,
  private: 1000,
};

/**
 * Habitat Brenne's stock as its management software would have it: 36 dwellings (references HB-0001…)
 * across its three agencies, most let, a few vacant, under works or made available to an association,
 * each with three years of rents revised every January (IRL) and its charges.
 */
export function buildStockRows(now: Date): StockDemoRows {
  const prng = createPrng(11_2026);
  const rows: StockDemoRows = { stockDwellings: [], dwellingRents: [] };
  const thisYear = Number(monthsAgo(now, 0).slice(0, 4));
  for (let i = 1; i <= 36; i++) {
    const site = SITES[i % SITES.length]!;
    const rooms = prng.int(1, 5);
    const typology = `t${rooms}` as Typology;
    const surface = 18 + rooms * 14 + prng.int(0, 9);
    const financing = prng.pick(FINANCINGS);
    const status: DwellingStatus =
      i % 12 === 0 ? 'works' : i % 9 === 0 ? 'made_available' : i % 7 === 0 ? 'vacant' : 'let';
    const reference = `HB-${String(i).padStart(4, '0')}`;
    const id = stableId(`stock-dwelling:${reference}`);
    const floor = prng.int(0, 6);
    const at = new Date(`${thisYear - 3}-01-02T09:00:00Z`);
    rows.stockDwellings.push({
      id,
      address: `${prng.int(1, 120)} ${prng.pick(STREETS)}, logement ${prng.int(1, 40)}`,
      communeId: territoryId(communeByKey(site.commune).code),
      landlordOrganisationId: organisationId('habitat'),
      managementUnitId: managementUnitId(site.unit),
      externalReference: reference,
      typology,
      surfaceM2: surface,
      floor,
      lift: floor >= 3 ? true : prng.int(0, 1) === 1,
      accessibility: floor === 0 ? 'adaptable' : 'not_accessible',
      financing,
      status,
      createdAt: at,
      updatedAt: at,
    });
    // A rent from three years ago, then the yearly revisions (1 to 3.5 %), charges revised with them.
    let rent = Math.round((surface * RENT_PER_M2[financing]) / 100) * 100;
    let charges = 4_000 + rooms * 1_500;
    for (let year = thisYear - 3; year <= thisYear; year++) {
      rows.dwellingRents.push({
        id: stableId(`stock-rent:${reference}:${year}`),
        dwellingId: id,
        effectiveFrom: `${year}-01-01`,
        monthlyRentCents: rent,
        monthlyChargesCents: charges,
        createdAt: at,
      });
      rent = Math.round(rent * (1 + prng.int(10, 35) / 1000));
      charges += prng.int(0, 4) * 100;
    }
  }
  return rows;
}
