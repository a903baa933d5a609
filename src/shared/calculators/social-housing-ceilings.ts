/**
 * Resource ceilings of social housing (plafonds de ressources, arrêté du 29 juillet 1987 as revised
 * each 1 January): annual revenu fiscal de référence in euros, by the commission's year, the
 * dwelling's financing, the dwelling's zone and the household category (1 to 6), plus the amount
 * added per person beyond category 6. Data, not code: a new year is one more entry (docs:
 * allocation-rules.md §1.5–1.6). Metropolitan France only; overseas ceilings are out of scope.
 */

export const HOUSING_FINANCINGS = ['PLAI', 'PLUS', 'PLS'] as const;
export type HousingFinancing = (typeof HOUSING_FINANCINGS)[number];
export const HOUSING_FINANCING_LABELS: Record<HousingFinancing, string> = {
  PLAI: 'PLAI (prêt locatif aidé d’intégration)',
  PLUS: 'PLUS (prêt locatif à usage social)',
  PLS: 'PLS (prêt locatif social)',
};

export const CEILING_ZONES = ['paris_limitrophes', 'ile_de_france', 'autres_regions'] as const;
export type CeilingZone = (typeof CEILING_ZONES)[number];
export const CEILING_ZONE_LABELS: Record<CeilingZone, string> = {
  paris_limitrophes: 'Paris et communes limitrophes',
  ile_de_france: 'Île-de-France hors Paris et communes limitrophes',
  autres_regions: 'Autres régions',
};

/** Categories 1 to 6, in order, and the amount per person beyond category 6. */
export interface ZoneCeilings {
  categories: readonly [number, number, number, number, number, number];
  perExtraPerson: number;
}

export interface CeilingTable {
  /** The year of the commission's examination; the table is in force from its 1 January. */
  year: number;
  /** Where each financing's figures come from, in French. */
  sources: Record<HousingFinancing, string>;
  ceilings: Record<HousingFinancing, Record<CeilingZone, ZoneCeilings>>;
}

const zone = (categories: ZoneCeilings['categories'], perExtraPerson: number): ZoneCeilings => ({
  categories,
  perExtraPerson,
});

/** Every year the research note gives, oldest first (allocation-rules.md §1.6). */
export const CEILING_TABLES: readonly CeilingTable[] = [
  {
    year: 2025,
    sources: {
      PLUS: 'Arrêté du 29 juillet 1987, annexe I, révisé par l’arrêté du 23 décembre 2024',
      PLAI: 'Arrêté du 29 juillet 1987, annexe II, révisé par l’arrêté du 23 décembre 2024 (valeurs recalculées par la règle de révision)',
      PLS: 'Arrêté du 29 juillet 1987, art. 1 : plafonds PLUS majorés de 30 %',
    },
    ceilings: {
      PLUS: {
        paris_limitrophes: zone([26_687, 39_885, 52_284, 62_424, 74_271, 83_575], 9_313),
        ile_de_france: zone([26_687, 39_885, 47_944, 57_429, 67_984, 76_504], 8_524),
        autres_regions: zone([23_201, 30_984, 37_259, 44_982, 52_915, 59_636], 6_652),
      },
      PLAI: {
        paris_limitrophes: zone([14_683, 23_931, 31_369, 34_338, 40_847, 45_968], 5_121),
        ile_de_france: zone([14_683, 23_931, 28_767, 31_585, 37_393, 42_077], 4_686),
        autres_regions: zone([12_759, 18_591, 22_356, 24_875, 29_105, 32_800], 3_657),
      },
      PLS: {
        paris_limitrophes: zone([34_693, 51_851, 67_969, 81_151, 96_552, 108_648], 12_107),
        ile_de_france: zone([34_693, 51_851, 62_327, 74_658, 88_379, 99_455], 11_081),
        autres_regions: zone([30_161, 40_279, 48_437, 58_477, 68_790, 77_527], 8_648),
      },
    },
  },
  {
    year: 2026,
    sources: {
      PLUS: 'Arrêté du 29 juillet 1987, annexe I, révisé par l’arrêté du 19 décembre 2025',
      PLAI: 'Arrêté du 29 juillet 1987, annexe II, révisé par l’arrêté du 19 décembre 2025 (valeurs recalculées par la règle de révision)',
      PLS: 'Arrêté du 29 juillet 1987, art. 1 : plafonds PLUS majorés de 30 %',
    },
    ceilings: {
      PLUS: {
        paris_limitrophes: zone([26_920, 40_233, 52_740, 62_968, 74_919, 84_304], 9_394),
        ile_de_france: zone([26_920, 40_233, 48_362, 57_930, 68_577, 77_171], 8_598),
        autres_regions: zone([23_403, 31_254, 37_584, 45_374, 53_376, 60_156], 6_710),
      },
      PLAI: {
        paris_limitrophes: zone([14_811, 24_140, 31_643, 34_637, 41_203, 46_369], 5_166),
        ile_de_france: zone([14_811, 24_140, 29_018, 31_860, 37_719, 42_444], 4_727),
        autres_regions: zone([12_870, 18_753, 22_551, 25_092, 29_359, 33_086], 3_689),
      },
      PLS: {
        paris_limitrophes: zone([34_996, 52_303, 68_562, 81_858, 97_395, 109_595], 12_212),
        ile_de_france: zone([34_996, 52_303, 62_871, 75_309, 89_150, 100_322], 11_177),
        autres_regions: zone([30_424, 40_630, 48_859, 58_986, 69_389, 78_203], 8_723),
      },
    },
  },
];

/** The table of a commission's year, or null when none is known for it. */
export function ceilingTableOf(year: number, tables: readonly CeilingTable[] = CEILING_TABLES) {
  return tables.find((t) => t.year === year) ?? null;
}

/** The years with a table, in French (« 2025, 2026 »), for the messages. */
export const coveredYears = (tables: readonly CeilingTable[] = CEILING_TABLES): string =>
  tables.map((t) => t.year).join(', ');
