import { describe, expect, it } from 'vitest';
import {
  ZSocialHousingEligibilityInput,
  type TSocialHousingEligibilityInput,
} from '../contracts/calculators.ts';
import {
  CEILING_TABLES,
  CEILING_ZONES,
  HOUSING_FINANCINGS,
  ceilingTableOf,
  type CeilingZone,
  type HousingFinancing,
} from './social-housing-ceilings.ts';
import {
  answerEligibility,
  categoryExplanation,
  ceilingExplanation,
  householdCategory,
  incomeExplanation,
  socialHousingEligibility,
} from './social-housing-eligibility.ts';

/** The body of issue 12: three persons, one of them à charge, in 2026, PLUS outside Île-de-France. */
const BASE: TSocialHousingEligibilityInput = {
  year: 2026,
  financing: 'PLUS',
  zone: 'autres_regions',
  persons: 3,
  dependants: 1,
  couple: false,
  coupleAgeSum: null,
  disabledMember: false,
  incomeN2: 21_000,
  incomeN1: null,
  incomeLast12Months: null,
};

function answer(overrides: Partial<TSocialHousingEligibilityInput> = {}) {
  const outcome = socialHousingEligibility(ZSocialHousingEligibilityInput.parse({ ...BASE, ...overrides }));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result;
}

describe('household category (allocation-rules.md §1.3)', () => {
  it.each([
    ['one person alone', { persons: 1, dependants: 0 }, 1, 0],
    ['two persons without dependants, not a couple', { persons: 2, dependants: 0 }, 2, 0],
    ['a couple whose ages add up to 56', { persons: 2, dependants: 0, couple: true, coupleAgeSum: 56 }, 2, 0],
    ['a couple whose ages add up to 55: jeune ménage', { persons: 2, couple: true, coupleAgeSum: 55 }, 3, 0],
    [
      'a young couple with a disabled member',
      { persons: 2, couple: true, coupleAgeSum: 40, disabledMember: true },
      4,
      0,
    ],
    ['a couple with two children', { persons: 4, dependants: 2, couple: true }, 4, 0],
    [
      'a couple with a child is no jeune ménage',
      { persons: 3, dependants: 1, couple: true, coupleAgeSum: 40 },
      3,
      0,
    ],
    ['a single parent with one child', { persons: 2, dependants: 1 }, 3, 0],
    ['a single parent with two children', { persons: 3, dependants: 2 }, 4, 0],
    ['a single parent with four children', { persons: 5, dependants: 4 }, 6, 0],
    ['a single parent with five children', { persons: 6, dependants: 5 }, 6, 1],
    ['one person alone, disabled', { persons: 1, disabledMember: true }, 2, 0],
    ['three persons, one disabled', { persons: 3, dependants: 1, couple: true, disabledMember: true }, 4, 0],
    [
      'a single parent with one child, one disabled (+1 once)',
      { persons: 2, dependants: 1, disabledMember: true },
      4,
      0,
    ],
    ['six persons', { persons: 6, dependants: 4, couple: true }, 6, 0],
    ['six persons, one disabled', { persons: 6, dependants: 4, couple: true, disabledMember: true }, 6, 1],
    ['nine persons', { persons: 9, dependants: 7, couple: true }, 6, 3],
    [
      'nine persons, a single parent, one disabled',
      { persons: 9, dependants: 8, disabledMember: true },
      6,
      5,
    ],
  ] as const)('%s → category %i, %i extra', (_name, household, category, extraPersons) => {
    const h = ZSocialHousingEligibilityInput.parse({ ...BASE, dependants: 0, ...household });
    expect(householdCategory(h)).toMatchObject({ category, extraPersons });
  });

  it('names why: persons, single parent, jeune ménage, and the disability step', () => {
    const parse = (o: Partial<TSocialHousingEligibilityInput>) =>
      ZSocialHousingEligibilityInput.parse({ ...BASE, ...o });
    expect(householdCategory(parse({ persons: 2, dependants: 1 })).basis).toBe('single_parent');
    expect(
      householdCategory(parse({ persons: 2, dependants: 0, couple: true, coupleAgeSum: 50 })).basis,
    ).toBe('young_couple');
    expect(householdCategory(parse({ persons: 4, dependants: 2, couple: true }))).toMatchObject({
      basis: 'persons',
      disabilityStep: false,
    });
    expect(householdCategory(parse({ persons: 1, dependants: 0, disabledMember: true })).disabilityStep).toBe(
      true,
    );
  });
});

describe('ceiling: table value + extra persons × the per-person amount', () => {
  it('is the category-6 value plus the per-person amount for each extra person', () => {
    // Nine persons in a couple: category 6 + 3; PLAI 2026 Paris: 46 369 + 3 × 5 166.
    expect(
      answer({ financing: 'PLAI', zone: 'paris_limitrophes', persons: 9, dependants: 7, couple: true })
        .ceiling,
    ).toBe(46_369 + 3 * 5_166);
  });

  /** Spot checks read from the doc's tables (§1.6): year, financing, zone, category 1 / 3 / 6 and + per person. */
  const SPOT: [number, HousingFinancing, CeilingZone, [number, number, number, number]][] = [
    [2025, 'PLUS', 'paris_limitrophes', [26_687, 52_284, 83_575, 9_313]],
    [2025, 'PLUS', 'ile_de_france', [26_687, 47_944, 76_504, 8_524]],
    [2025, 'PLUS', 'autres_regions', [23_201, 37_259, 59_636, 6_652]],
    [2025, 'PLAI', 'paris_limitrophes', [14_683, 31_369, 45_968, 5_121]],
    [2025, 'PLAI', 'ile_de_france', [14_683, 28_767, 42_077, 4_686]],
    [2025, 'PLAI', 'autres_regions', [12_759, 22_356, 32_800, 3_657]],
    [2025, 'PLS', 'paris_limitrophes', [34_693, 67_969, 108_648, 12_107]],
    [2025, 'PLS', 'ile_de_france', [34_693, 62_327, 99_455, 11_081]],
    [2025, 'PLS', 'autres_regions', [30_161, 48_437, 77_527, 8_648]],
    [2026, 'PLUS', 'paris_limitrophes', [26_920, 52_740, 84_304, 9_394]],
    [2026, 'PLUS', 'ile_de_france', [26_920, 48_362, 77_171, 8_598]],
    [2026, 'PLUS', 'autres_regions', [23_403, 37_584, 60_156, 6_710]],
    [2026, 'PLAI', 'paris_limitrophes', [14_811, 31_643, 46_369, 5_166]],
    [2026, 'PLAI', 'ile_de_france', [14_811, 29_018, 42_444, 4_727]],
    [2026, 'PLAI', 'autres_regions', [12_870, 22_551, 33_086, 3_689]],
    [2026, 'PLS', 'paris_limitrophes', [34_996, 68_562, 109_595, 12_212]],
    [2026, 'PLS', 'ile_de_france', [34_996, 62_871, 100_322, 11_177]],
    [2026, 'PLS', 'autres_regions', [30_424, 48_859, 78_203, 8_723]],
  ];
  it.each(SPOT)('%i %s %s', (year, financing, zone, [one, three, six, perPerson]) => {
    const at = (o: Partial<TSocialHousingEligibilityInput>) =>
      answer({ year, financing, zone, ...o }).ceiling;
    expect(at({ persons: 1, dependants: 0 })).toBe(one);
    expect(at({ persons: 3, dependants: 1, couple: true })).toBe(three);
    expect(at({ persons: 6, dependants: 4, couple: true })).toBe(six);
    expect(at({ persons: 7, dependants: 5, couple: true })).toBe(six + perPerson);
  });

  it('has every year the doc gives, each financing and zone with six increasing categories', () => {
    expect(CEILING_TABLES.map((t) => t.year)).toEqual([2025, 2026]);
    for (const table of CEILING_TABLES) {
      for (const financing of HOUSING_FINANCINGS) {
        for (const zone of CEILING_ZONES) {
          const { categories, perExtraPerson } = table.ceilings[financing][zone];
          expect(categories).toHaveLength(6);
          for (let i = 1; i < 6; i++) expect(categories[i]!).toBeGreaterThan(categories[i - 1]!);
          expect(perExtraPerson).toBeGreaterThan(0);
        }
      }
    }
  });

  it('PLS is PLUS + 30 % rounded half up, for every value (arrêté 1987 art. 1)', () => {
    for (const table of CEILING_TABLES) {
      for (const zone of CEILING_ZONES) {
        const plus = table.ceilings.PLUS[zone];
        const pls = table.ceilings.PLS[zone];
        const up = (v: number) => Math.round((v * 13) / 10);
        expect(pls.categories).toEqual(plus.categories.map(up));
        expect(pls.perExtraPerson).toBe(up(plus.perExtraPerson));
      }
    }
  });

  it('2026 is 2025 revised by the IRL (T3 2025 / T3 2024), rounded, for PLUS and PLAI (§1.5)', () => {
    const [y2025, y2026] = [ceilingTableOf(2025)!, ceilingTableOf(2026)!];
    const revise = (v: number) => Math.round((v * 145.77) / 144.51);
    for (const financing of ['PLUS', 'PLAI'] as const) {
      for (const zone of CEILING_ZONES) {
        const before = y2025.ceilings[financing][zone];
        const after = y2026.ceilings[financing][zone];
        expect(after.categories).toEqual(before.categories.map(revise));
        expect(after.perExtraPerson).toBe(revise(before.perExtraPerson));
      }
    }
  });
});

describe('income used (§1.2)', () => {
  // 3 persons, one dependant, in a couple: category 3; PLUS 2026 autres régions: 37 584 €.
  const couple = { persons: 3, dependants: 1, couple: true } as const;
  const CEILING = 37_584;

  it('the example body of issue 12: 3 persons, 1 dependant, no couple, 21 000 € N-2 → category 3, eligible on N-2', () => {
    expect(answer()).toEqual({
      category: 3,
      extraPersons: 0,
      ceiling: 37_584,
      incomeUsed: 'n2',
      eligible: true,
    });
  });

  it('N-2 equal to the ceiling is eligible; one euro more is not', () => {
    expect(answer({ ...couple, incomeN2: CEILING })).toMatchObject({
      ceiling: CEILING,
      incomeUsed: 'n2',
      eligible: true,
    });
    expect(answer({ ...couple, incomeN2: CEILING + 1 })).toMatchObject({ incomeUsed: 'n2', eligible: false });
    expect(answer({ ...couple, incomeN2: CEILING + 0.01 }).eligible).toBe(false);
  });

  it('N-1 at least 10 % lower and under the ceiling: eligible on N-1', () => {
    expect(answer({ ...couple, incomeN2: 40_000, incomeN1: 36_000 })).toMatchObject({
      incomeUsed: 'n1',
      eligible: true,
    });
  });

  it('N-1 exactly 10 % lower counts; one euro above 90 % does not', () => {
    expect(answer({ ...couple, incomeN2: 40_000, incomeN1: 36_000 }).incomeUsed).toBe('n1');
    expect(answer({ ...couple, incomeN2: 40_000, incomeN1: 36_001 })).toMatchObject({
      incomeUsed: 'n2',
      eligible: false,
    });
  });

  it('N-1 10 % lower but over the ceiling: not eligible on it', () => {
    expect(answer({ ...couple, incomeN2: 50_000, incomeN1: CEILING + 1 })).toMatchObject({
      incomeUsed: 'n2',
      eligible: false,
    });
    expect(answer({ ...couple, incomeN2: 50_000, incomeN1: CEILING }).incomeUsed).toBe('n1');
  });

  it('the last 12 months when N-1 does not qualify, under the same test', () => {
    expect(
      answer({ ...couple, incomeN2: 40_000, incomeN1: 39_000, incomeLast12Months: 30_000 }),
    ).toMatchObject({
      incomeUsed: 'last12Months',
      eligible: true,
    });
    expect(answer({ ...couple, incomeN2: 40_000, incomeLast12Months: 36_000 }).incomeUsed).toBe(
      'last12Months',
    );
    // Under the ceiling but not 10 % below N-2 (N-2 barely over it): not used.
    expect(answer({ ...couple, incomeN2: CEILING + 100, incomeLast12Months: CEILING })).toMatchObject({
      incomeUsed: 'n2',
      eligible: false,
    });
  });

  it('N-1 is preferred over the last 12 months when both qualify', () => {
    expect(
      answer({ ...couple, incomeN2: 50_000, incomeN1: 30_000, incomeLast12Months: 10_000 }).incomeUsed,
    ).toBe('n1');
  });

  it('not eligible answers "n2"', () => {
    expect(answer({ ...couple, incomeN2: 60_000, incomeN1: 58_000, incomeLast12Months: 55_000 })).toEqual({
      category: 3,
      extraPersons: 0,
      ceiling: CEILING,
      incomeUsed: 'n2',
      eligible: false,
    });
  });

  it('the financing decides: under the PLUS ceiling but over the PLAI one (§1.7)', () => {
    expect(answer({ ...couple, incomeN2: 30_000 }).eligible).toBe(true);
    expect(answer({ ...couple, financing: 'PLAI', incomeN2: 30_000 })).toMatchObject({
      ceiling: 22_551,
      eligible: false,
    });
  });
});

describe('refusals', () => {
  it('a year without a table: OUT_OF_SCOPE on year', () => {
    const outcome = socialHousingEligibility(ZSocialHousingEligibilityInput.parse({ ...BASE, year: 2024 }));
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'OUT_OF_SCOPE',
        message: 'Pas de plafonds de ressources connus pour 2024 : années couvertes 2025, 2026.',
        fields: { year: 'Pas de plafonds de ressources connus pour 2024 : années couvertes 2025, 2026.' },
      },
    });
  });

  it('a couple without dependants and no age sum: INCONSISTENT_INPUT on coupleAgeSum', () => {
    const outcome = socialHousingEligibility(
      ZSocialHousingEligibilityInput.parse({ ...BASE, persons: 2, dependants: 0, couple: true }),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('INCONSISTENT_INPUT');
      expect(Object.keys(outcome.error.fields)).toEqual(['coupleAgeSum']);
    }
    // With dependants, the age sum is not needed.
    expect(answer({ persons: 3, dependants: 1, couple: true }).category).toBe(3);
  });

  it.each([
    ['a negative income', { incomeN2: -1 }, 'incomeN2'],
    ['a negative N-1', { incomeN1: -5 }, 'incomeN1'],
    ['a negative 12-month income', { incomeLast12Months: -0.5 }, 'incomeLast12Months'],
    ['no person', { persons: 0, dependants: 0 }, 'persons'],
    ['dependants as many as persons', { persons: 2, dependants: 2 }, 'dependants'],
    ['an unknown financing', { financing: 'PLI' }, 'financing'],
    ['an unknown zone', { zone: 'zone_a' }, 'zone'],
    ['a year that is no whole number', { year: 2026.5 }, 'year'],
    ['an unknown field', { garage: true }, ''],
  ])('%s: VALIDATION_FAILED with a French message on its field', (_name, overrides, field) => {
    const item = answerEligibility({ ...BASE, ...overrides });
    expect(item).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'Certains champs sont invalides.' },
    });
    if ('error' in item && field) expect(item.error.fields?.[field]).toMatch(/[a-zé]/);
  });

  it('answerEligibility answers a well-formed body as the pure function does', () => {
    expect(answerEligibility(BASE)).toEqual(answer());
    expect(answerEligibility({ ...BASE, year: 2030 })).toMatchObject({ error: { code: 'OUT_OF_SCOPE' } });
  });
});

describe('the answer in words', () => {
  it('explains the category, the ceiling and the income used', () => {
    const input = ZSocialHousingEligibilityInput.parse({
      ...BASE,
      persons: 2,
      dependants: 1,
      disabledMember: true,
    });
    const c = householdCategory(input);
    expect(categoryExplanation(input, c)).toBe(
      'Une personne seule avec 1 personne à charge compte comme 3 personnes. Une personne en situation de handicap fait passer le ménage à la catégorie supérieure.',
    );
    const result = answer({ persons: 7, dependants: 5, couple: true, incomeN2: 80_000, incomeN1: 50_000 });
    const text = ceilingExplanation({ year: 2026, financing: 'PLUS', zone: 'autres_regions' }, result);
    expect(text).toContain('catégorie 6');
    expect(text).toContain('plus 1 × 6 710,00\u00a0€ par personne supplémentaire, soit 66 866,00\u00a0€');
    expect(
      incomeExplanation({ incomeN2: 80_000, incomeN1: 50_000, incomeLast12Months: null }, result),
    ).toContain('le revenu fiscal de référence N-1 (50 000,00\u00a0€)');
  });
});
