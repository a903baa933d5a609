import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TYPOLOGIES } from '../contracts/household-enums.ts';
import { ACCESSIBILITY_NEEDS, PRIORITY_CATEGORIES } from '../contracts/housing-pool.ts';
import { DWELLING_ACCESSIBILITIES, DWELLING_FINANCINGS } from '../contracts/housing-stock.ts';
import { ZMatchingPolicyParams } from '../contracts/matching.ts';
import { hardFilters, type DwellingFacts, type HouseholdFacts } from './filters.ts';
import { DEFAULT_POLICY, policyChanges } from './policy.ts';
import { monthsSince, policyMoves, rankHouseholds, rankingSignals, type BudgetFacts } from './ranking.ts';
import { ceilingZoneOf } from './zones.ts';

const TODAY = '2026-12-07';

const household = (over: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  householdId: 'h1',
  persons: 3,
  dependants: 2,
  couple: false,
  coupleAgeSum: null,
  disabledMember: false,
  incomes: [{ source: 'rfr_n2', year: 2024, annualCents: 1_500_000 }],
  consent: true,
  demandState: 'valid',
  demandFiledOn: '2025-06-01',
  housingSince: '2025-01-15',
  daloRecognised: false,
  daloDecisionDate: null,
  priorityCategories: [],
  accessibilityNeed: 'none',
  typologies: ['t3'],
  communeIds: [],
  supportWished: false,
  supportInPlace: false,
  refusals: [],
  alreadyProposed: false,
  allocation: null,
  ...over,
});

const dwelling = (over: Partial<DwellingFacts> = {}): DwellingFacts => ({
  financing: 'plai',
  zone: 'autres_regions',
  surfaceM2: 62,
  typology: 't3',
  accessibility: 'not_accessible',
  floor: 2,
  lift: false,
  communeId: 'c1',
  communeName: 'Saint-Aubin',
  monthlyRentCents: 42_000,
  monthlyChargesCents: 9_000,
  ...over,
});

const noBudget = () => null;
const failed = (h: HouseholdFacts, d: DwellingFacts, coolOff = 90) =>
  hardFilters(h, d, TODAY, coolOff)
    .filter((f) => !f.passed)
    .map((f) => f.code);

describe('the ceiling zone of a commune', () => {
  it.each([
    ['75056', 'paris_limitrophes'],
    ['75111', 'paris_limitrophes'],
    ['92012', 'paris_limitrophes'], // Boulogne-Billancourt, missing from OpenFisca's list
    ['93006', 'paris_limitrophes'],
    ['92002', 'ile_de_france'], // Antony
    ['77288', 'ile_de_france'],
    ['57463', 'autres_regions'],
    ['VB-101', 'autres_regions'],
    ['97411', null],
  ])('%s → %s', (code, zone) => expect(ceilingZoneOf(code)).toBe(zone));
});

describe('the hard filters', () => {
  it('passes a household that meets every condition, each with its figures', () => {
    const filters = hardFilters(household(), dwelling(), TODAY, 90);
    expect(filters.every((f) => f.passed)).toBe(true);
    const resources = filters.find((f) => f.code === 'resources')!;
    // A single parent with 2 dependants counts 4: PLAI 2026 other regions, category 4.
    expect(resources.detail).toMatch(
      /N-2 : 15\s000,00\s€ ≤ plafond PLAI 2026, Autres régions, catégorie 4 : 25\s092,00\s€\.$/,
    );
    expect(resources.reference).toContain('L441-1');
  });

  it.each<[string, Partial<HouseholdFacts>, Partial<DwellingFacts>, string[]]>([
    ['consent withdrawn', { consent: false }, {}, ['consent']],
    ['expired demand', { demandState: 'expired' }, {}, ['demand']],
    ['no demand number', { demandState: 'missing' }, {}, ['demand']],
    [
      'income over the PLAI ceiling',
      { incomes: [{ source: 'rfr_n2', year: 2024, annualCents: 4_000_000 }] },
      {},
      ['resources'],
    ],
    [
      'only a declared income',
      { incomes: [{ source: 'declared', year: null, annualCents: 900_000 }] },
      {},
      ['resources'],
    ],
    ['unknown financing', {}, { financing: null }, ['resources']],
    ['Anah conventioned dwelling', {}, { financing: 'private_conventioned' }, ['resources']],
    ['overseas dwelling', {}, { zone: null }, ['resources']],
    ['24 m² for 3 persons, under the 25 m² minimum', {}, { surfaceM2: 24 }, ['surface']],
    ['unknown surface', {}, { surfaceM2: null }, ['surface']],
    [
      'wheelchair need, dwelling not accessible',
      { accessibilityNeed: 'wheelchair' },
      { accessibility: 'adaptable' },
      ['accessibility'],
    ],
    [
      'reduced mobility, 2nd floor without lift',
      { accessibilityNeed: 'reduced_mobility' },
      {},
      ['accessibility'],
    ],
    ['refused a T3 40 days ago', { refusals: [{ typology: 't3', on: '2026-10-28' }] }, {}, ['cool_off']],
    ['already proposed here', { alreadyProposed: true }, {}, ['pending_proposal']],
    [
      'given a T2 by a commission',
      { allocation: { on: '2026-11-20', typology: 't2', decision: 'allocation' } },
      {},
      ['allocated'],
    ],
  ])('excludes: %s', (_label, h, d, codes) => {
    expect(failed(household(h), dwelling(d))).toEqual(codes);
  });

  it.each<[string, Partial<HouseholdFacts>, Partial<DwellingFacts>]>([
    ['a private dwelling has no ceiling', { incomes: [] }, { financing: 'private' }],
    ['25 m² for 3 persons is the minimum', {}, { surfaceM2: 25 }],
    ['reduced mobility on the ground floor', { accessibilityNeed: 'reduced_mobility' }, { floor: 0 }],
    ['reduced mobility with a lift', { accessibilityNeed: 'reduced_mobility' }, { floor: 5, lift: true }],
    [
      'wheelchair accessible',
      { accessibilityNeed: 'wheelchair' },
      { accessibility: 'wheelchair_accessible' },
    ],
    ['a refusal of another typology', { refusals: [{ typology: 't2', on: '2026-11-28' }] }, {}],
    ['a refusal older than the cool-off', { refusals: [{ typology: 't3', on: '2026-09-07' }] }, {}],
    [
      'N-1 at least 10 % lower and under the ceiling',
      {
        incomes: [
          { source: 'rfr_n2', year: 2024, annualCents: 3_000_000 },
          { source: 'rfr_n1', year: 2025, annualCents: 1_800_000 },
        ],
      },
      {},
    ],
  ])('keeps: %s', (_label, h, d) => {
    expect(failed(household(h), dwelling(d))).toEqual([]);
  });

  it('counts the cool-off to its last day, and says from when the household may be proposed again', () => {
    const h = household({ refusals: [{ typology: 't3', on: '2026-09-08' }] });
    const f = hardFilters(h, dwelling(), TODAY, 90).find((x) => x.code === 'cool_off')!;
    expect(f.passed).toBe(false);
    expect(f.detail).toContain('refusée le 08/09/2026');
    expect(f.detail).toContain('avant le 08/12/2026');
    expect(failed(h, dwelling(), 89)).toEqual([]);
  });

  it('says which dwelling was given to the household, and when', () => {
    const given = (allocation: HouseholdFacts['allocation']) =>
      hardFilters(household({ allocation }), dwelling(), TODAY, 90).find((x) => x.code === 'allocated')!;
    expect(given(null)).toMatchObject({ passed: true });
    expect(given({ on: '2026-11-20', typology: 't2', decision: 'conditional' })).toMatchObject({
      passed: false,
      detail:
        'Attribution sous condition suspensive d’un T2 le 20/11/2026, non refusée par le ménage : il n’est plus proposé ailleurs.',
    });
  });

  it('a disabled member moves the household up one category (a higher ceiling)', () => {
    // 3 persons, couple with 1 dependant: category 3; disabled member → 4.
    const income = { source: 'rfr_n2' as const, year: 2024, annualCents: 2_400_000 };
    const base = household({ couple: true, dependants: 1, incomes: [income] });
    const detail = (h: HouseholdFacts) =>
      hardFilters(h, dwelling({ financing: 'plus' }), TODAY, 90).find((f) => f.code === 'resources')!.detail;
    expect(detail(base)).toContain('catégorie 3');
    expect(detail({ ...base, disabledMember: true })).toContain('catégorie 4');
  });
});

describe('the ranking signals', () => {
  const budget: BudgetFacts = {
    effortPercent: 24.5,
    resteAVivrePerUnitPerDayCents: 1450,
    housingBenefitCents: 31_200,
  };

  it('gives each signal its value, points and weight', () => {
    const signals = rankingSignals(
      household({
        daloRecognised: true,
        daloDecisionDate: '2026-03-02',
        priorityCategories: ['b', 'c', 'h', 'k'],
      }),
      dwelling(),
      budget,
      DEFAULT_POLICY,
      TODAY,
    );
    const by = Object.fromEntries(signals.map((s) => [s.code, s]));
    expect(by.dalo!.points).toBe(100);
    expect(by.dalo!.value).toBe('Reconnu prioritaire le 02/03/2026');
    expect(by.priority_categories!.points).toBe(60); // 4 categories, 3 counted
    expect(by.time_in_shelter!.points).toBe(2 * 22); // since 15/01/2025: 22 whole months
    expect(by.time_in_shelter!.value).toContain('depuis le 15/01/2025');
    expect(by.demand_age!.points).toBe(18);
    expect(by.effort_rate!.points).toBe(15);
    expect(by.effort_rate!.value).toContain('24,5 %');
    expect(by.effort_rate!.value).toContain('312,00');
    expect(by.reste_a_vivre!.points).toBe(15);
    expect(by.typology_fit!.points).toBe(10);
    expect(by.location_wish!.points).toBe(10);
    expect(by.support!.points).toBe(10);
    expect(by.accessibility!.points).toBe(0);
    expect(signals.every((s) => s.label && s.weight && s.reference)).toBe(true);
  });

  it('caps the time criteria and leaves an unknown date at zero', () => {
    const long = rankingSignals(
      household({ housingSince: '2019-01-01', demandFiledOn: null }),
      dwelling(),
      null,
      DEFAULT_POLICY,
      TODAY,
    );
    const by = Object.fromEntries(long.map((s) => [s.code, s]));
    expect(by.time_in_shelter!.points).toBe(72);
    expect(by.time_in_shelter!.value).toContain('(36 mois comptés)');
    expect(by.demand_age!.points).toBe(0);
    expect(by.effort_rate!.value).toContain('Non calculable');
  });

  it('gives no affordability points over the thresholds, nor location points outside the communes wished', () => {
    const signals = rankingSignals(
      household({ communeIds: ['c2'], supportWished: true }),
      dwelling(),
      { effortPercent: 36, resteAVivrePerUnitPerDayCents: 800, housingBenefitCents: 0 },
      DEFAULT_POLICY,
      TODAY,
    );
    const points = Object.fromEntries(signals.map((s) => [s.code, s.points]));
    expect(points).toMatchObject({ effort_rate: 0, reste_a_vivre: 0, location_wish: 0, support: 0 });
  });

  it('counts whole months', () => {
    expect(monthsSince('2026-11-07', TODAY)).toBe(0);
    expect(monthsSince('2026-11-06', TODAY)).toBe(1);
    expect(monthsSince(null, TODAY)).toBeNull();
  });
});

describe('the ranking', () => {
  it('orders by points, then the policy’s tie-breakers, then the id; excluded households say why', () => {
    const a = household({ householdId: 'a', housingSince: '2026-01-01' });
    const b = household({
      householdId: 'b',
      daloRecognised: true,
      daloDecisionDate: '2026-05-01',
      housingSince: '2026-06-01',
    });
    const c = household({ householdId: 'c', housingSince: '2026-01-01', demandFiledOn: '2024-01-01' });
    const tieWithA = household({ householdId: 'd', housingSince: '2026-01-01' });
    const out = household({ householdId: 'e', consent: false });
    const r = rankHouseholds([a, b, c, tieWithA, out], dwelling(), noBudget, DEFAULT_POLICY, 0, TODAY);
    expect(r.candidates.map((x) => [x.householdId, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
      ['d', 4],
    ]);
    expect(r.excluded.map((x) => x.householdId)).toEqual(['e']);
    expect(r.excluded[0]!.explain().signals).toEqual([]);
    expect(r.excluded[0]!.explain().points).toBe(0);
  });

  it('breaks a tie by time in shelter first by default, by demand age when the policy says so', () => {
    const older = household({ householdId: 'x', housingSince: '2025-12-20', demandFiledOn: '2025-06-01' });
    const newer = household({ householdId: 'y', housingSince: '2025-12-10', demandFiledOn: '2025-06-05' });
    // Same whole months both ways: the points tie.
    const order = (tieBreakers: typeof DEFAULT_POLICY.tieBreakers) =>
      rankHouseholds(
        [older, newer],
        dwelling(),
        noBudget,
        { ...DEFAULT_POLICY, tieBreakers },
        0,
        TODAY,
      ).candidates.map((c) => c.householdId);
    expect(order(['time_in_shelter'])).toEqual(['y', 'x']);
    expect(order(['demand_age'])).toEqual(['x', 'y']);
  });

  it('asks for the budget of the candidates only', () => {
    const asked: string[] = [];
    rankHouseholds(
      [household({ householdId: 'in' }), household({ householdId: 'out', consent: false })],
      dwelling(),
      (h) => (asked.push(h.householdId), null),
      DEFAULT_POLICY,
      0,
      TODAY,
    );
    expect(asked).toEqual(['in']);
  });
});

const arbitraryHousehold = fc
  .record({
    householdId: fc.uuid(),
    persons: fc.integer({ min: 1, max: 9 }),
    dependants: fc.integer({ min: 0, max: 8 }),
    couple: fc.boolean(),
    coupleAgeSum: fc.option(fc.integer({ min: 36, max: 160 }), { nil: null }),
    disabledMember: fc.boolean(),
    incomes: fc.subarray([
      { source: 'rfr_n2' as const, year: 2024, annualCents: 1_200_000 },
      { source: 'rfr_n1' as const, year: 2025, annualCents: 900_000 },
      { source: 'declared' as const, year: null, annualCents: 500_000 },
    ]),
    consent: fc.boolean(),
    demandState: fc.constantFrom(
      'valid' as const,
      'expiring' as const,
      'expired' as const,
      'missing' as const,
    ),
    demandFiledOn: fc.option(fc.constantFrom('2020-01-01', '2025-06-01', '2026-11-30'), { nil: null }),
    housingSince: fc.option(fc.constantFrom('2019-03-01', '2025-01-15', '2026-12-01'), { nil: null }),
    daloRecognised: fc.boolean(),
    daloDecisionDate: fc.option(fc.constant('2026-02-01'), { nil: null }),
    priorityCategories: fc.subarray([...PRIORITY_CATEGORIES]),
    accessibilityNeed: fc.constantFrom(...ACCESSIBILITY_NEEDS),
    typologies: fc.subarray([...TYPOLOGIES], { minLength: 1 }),
    communeIds: fc.subarray(['c1', 'c2']),
    supportWished: fc.boolean(),
    supportInPlace: fc.boolean(),
    refusals: fc.array(
      fc.record({
        typology: fc.constantFrom(...TYPOLOGIES),
        on: fc.constantFrom('2026-01-10', '2026-11-01'),
      }),
      {
        maxLength: 2,
      },
    ),
    alreadyProposed: fc.boolean(),
    allocation: fc.option(
      fc.record({
        on: fc.constant('2026-11-20'),
        typology: fc.constantFrom(...TYPOLOGIES),
        decision: fc.constantFrom('allocation' as const, 'conditional' as const),
      }),
      { nil: null },
    ),
  })
  .map((h) => ({
    ...h,
    dependants: Math.min(h.dependants, h.persons - 1),
    couple: h.couple && h.persons > 1,
  }));

const arbitraryDwelling = fc.record({
  financing: fc.option(fc.constantFrom(...DWELLING_FINANCINGS), { nil: null }),
  zone: fc.constantFrom(
    'paris_limitrophes' as const,
    'ile_de_france' as const,
    'autres_regions' as const,
    null,
  ),
  surfaceM2: fc.option(fc.integer({ min: 12, max: 110 }), { nil: null }),
  typology: fc.option(fc.constantFrom(...TYPOLOGIES), { nil: null }),
  accessibility: fc.option(fc.constantFrom(...DWELLING_ACCESSIBILITIES), { nil: null }),
  floor: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  lift: fc.option(fc.boolean(), { nil: null }),
  communeId: fc.constantFrom('c1', 'c2', null),
  communeName: fc.constant('Saint-Aubin'),
  monthlyRentCents: fc.integer({ min: 20_000, max: 90_000 }),
  monthlyChargesCents: fc.integer({ min: 0, max: 20_000 }),
});

describe('properties of the ranking', () => {
  it('every proposed candidate passes every hard filter, and every excluded one fails at least one', () => {
    fc.assert(
      fc.property(fc.array(arbitraryHousehold, { maxLength: 12 }), arbitraryDwelling, (households, d) => {
        const r = rankHouseholds(households, d, noBudget, DEFAULT_POLICY, 0, TODAY);
        for (const c of r.candidates) {
          expect(
            hardFilters(
              households.find((h) => h.householdId === c.householdId)!,
              d,
              TODAY,
              90,
            ).every((f) => f.passed),
          ).toBe(true);
        }
        for (const e of r.excluded) expect(e.explain().filters.some((f) => !f.passed)).toBe(true);
        expect(r.candidates.length + r.excluded.length).toBe(households.length);
        // Ranks are 1..n in decreasing points.
        r.candidates.forEach((c, i) => {
          expect(c.rank).toBe(i + 1);
          if (i > 0) expect(r.candidates[i - 1]!.explain().points).toBeGreaterThanOrEqual(c.explain().points);
          expect(c.explain().points).toBe(c.explain().signals.reduce((s, x) => s + x.points, 0));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the policy', () => {
  it('the default policy is a valid policy', () => {
    expect(ZMatchingPolicyParams.safeParse(DEFAULT_POLICY).success).toBe(true);
  });

  it('refuses bad weights field by field, in French', () => {
    const bad = ZMatchingPolicyParams.safeParse({
      ...DEFAULT_POLICY,
      weights: { ...DEFAULT_POLICY.weights, dalo: -3 },
      tieBreakers: ['demand_age', 'demand_age'],
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['weights.dalo']).toBe('DALO : 0 point au moins.');
    expect(messages.tieBreakers).toBe('Un critère est cité deux fois.');
  });

  it('states its changes in French', () => {
    const after = {
      ...DEFAULT_POLICY,
      weights: { ...DEFAULT_POLICY.weights, dalo: 150 },
      tieBreakers: ['demand_age' as const],
    };
    expect(policyChanges(DEFAULT_POLICY, after)).toEqual([
      'DALO : 100 points → 150 points',
      'Départage : La plus longue durée en hébergement, puis La demande la plus ancienne, puis La décision DALO la plus ancienne → La demande la plus ancienne',
    ]);
  });

  it('states who moves from the tallies before and after, a mean rank to a tenth', () => {
    const tally = (candidacies: number, rankSum: number, topThree: number) => ({
      candidacies,
      rankSum,
      topThree,
    });
    expect(
      policyMoves([
        { householdId: 'up', before: tally(2, 9, 0), after: tally(2, 3, 2) },
        { householdId: 'out', before: tally(1, 4, 0), after: tally(0, 0, 0) },
        // 65/20 and 66/20 are both a mean rank of 3.3: the same place.
        { householdId: 'same', before: tally(20, 65, 1), after: tally(20, 66, 1) },
      ]),
    ).toEqual([
      {
        householdId: 'up',
        before: { candidacies: 2, meanRank: 4.5, topThree: 0 },
        after: { candidacies: 2, meanRank: 1.5, topThree: 2 },
      },
      {
        householdId: 'out',
        before: { candidacies: 1, meanRank: 4, topThree: 0 },
        after: { candidacies: 0, meanRank: null, topThree: 0 },
      },
    ]);
  });
});
