import { describe, expect, it } from 'vitest';
import type { HousingSituation } from '../contracts/household-enums.ts';
import {
  composition,
  allocatedByRank,
  countsOf,
  fairnessTables,
  incomeBand,
  medianDays,
  origin,
  priorityStatus,
  suppress,
  type Cell,
  type ProposalFact,
} from './fairness.ts';

const adult = { relationship: 'reference_person', birthDate: '1985-04-01' } as const;
const spouse = { relationship: 'spouse', birthDate: '1987-09-12' } as const;
const child = (birthDate: string | null = '2018-06-01') => ({ relationship: 'child', birthDate }) as const;
const relative = { relationship: 'other_relative', birthDate: '1950-01-01' } as const;

const fact = (over: Partial<ProposalFact> = {}): ProposalFact => ({
  poolOrganisationId: 'pool-a',
  vacancyId: 'vacancy-1',
  designatedOn: '2026-03-01',
  members: [adult],
  monthlyResourcesCents: 70_000,
  housingSituation: 'shelter',
  daloRecognised: false,
  priorityCategories: [],
  readySince: '2026-01-01',
  answer: null,
  decision: null,
  decisionRank: null,
  decidedOn: null,
  ...over,
});

describe('the household profile', () => {
  it.each([
    ['one person', [adult], 'single'],
    ['a couple', [adult, spouse], 'couple'],
    ['a parent and two children', [adult, child(), child()], 'single_parent'],
    ['a couple and a child', [adult, spouse, child()], 'couple_with_children'],
    ['a person and a relative', [adult, relative], 'other'],
    ['a couple, a child and a grandparent', [adult, spouse, child(), relative], 'other'],
    ['nobody recorded', [], 'other'],
  ] as const)('composition: %s → %s', (_, members, expected) => {
    expect(composition(members)).toBe(expected);
  });

  it.each([
    // One adult: 1 unit.
    ['no resources', [adult], 0, 'none'],
    ['499.99 € alone', [adult], 49_999, 'under_500'],
    ['500 € alone', [adult], 50_000, 'from_500'],
    ['899 € alone', [adult], 89_900, 'from_500'],
    ['900 € alone', [adult], 90_000, 'from_900'],
    ['1 300 € alone', [adult], 130_000, 'from_1300'],
    // A couple and a child under 14: 1 + 0.5 + 0.3 = 1.8 units; 1 620 € → 900 € per unit.
    ['1 620 € for a couple and a young child', [adult, spouse, child()], 162_000, 'from_900'],
    ['1 619 € for a couple and a young child', [adult, spouse, child()], 161_900, 'from_500'],
    // A child of 14 on the designation day counts 0.5: 1.5 units; 1 350 € → 900 € per unit.
    ['1 350 € for a parent and a child of 14', [adult, child('2012-03-01')], 135_000, 'from_900'],
    // A child whose birth date is unknown counts as under 14: 1.3 units; 1 170 € → 900 € per unit.
    ['1 170 € for a parent and a child of unknown age', [adult, child(null)], 117_000, 'from_900'],
  ] as const)('income band: %s → %s', (_, members, cents, expected) => {
    expect(incomeBand({ members, monthlyResourcesCents: cents, designatedOn: '2026-03-01' })).toBe(expected);
  });

  it.each([
    [true, [], 'dalo'],
    [true, ['c'], 'dalo'],
    [false, ['c', 'j'], 'priority_category'],
    [false, [], 'none'],
  ] as const)('priority: DALO %s, categories %j → %s', (dalo, categories, expected) => {
    expect(priorityStatus({ daloRecognised: dalo, priorityCategories: categories })).toBe(expected);
  });

  it.each([
    ['shelter', 'shelter'],
    ['chrs', 'shelter'],
    ['hotel', 'hotel'],
    ['street', 'street'],
    ['hosted_by_third_party', 'hosted'],
    ['sublet', 'other'],
    ['private_tenant', 'other'],
    ['other', 'other'],
  ] as const)('origin: %s → %s', (situation, expected) => {
    expect(origin(situation as HousingSituation)).toBe(expected);
  });
});

describe('what a proposal counts for', () => {
  it.each([
    ['waiting', {}, ['proposals'], null],
    ['refused by the household', { answer: 'refused' }, ['proposals', 'householdRefusals'], null],
    ['left without answer', { answer: 'silence' }, ['proposals', 'householdRefusals'], null],
    ['refused by the landlord', { decision: 'landlord_refusal' }, ['proposals', 'landlordRefusals'], null],
    ['not allocated', { decision: 'non_allocation' }, ['proposals', 'commissionRefusals'], null],
    ['rejected', { decision: 'rejection' }, ['proposals', 'commissionRefusals'], null],
    [
      'allocated 59 days after entering the pool',
      { answer: 'accepted', decision: 'allocation', decidedOn: '2026-03-01' },
      ['proposals', 'allocations', 'allocationDelays'],
      59,
    ],
    [
      'allocated by rank, no answer yet',
      { decision: 'allocation_by_rank', decisionRank: 1, decidedOn: '2026-01-11' },
      ['proposals', 'allocations', 'allocationDelays'],
      10,
    ],
    [
      'allocated under condition, no decision day',
      { decision: 'conditional' },
      ['proposals', 'allocations'],
      null,
    ],
    [
      'allocated, then the offer refused',
      { answer: 'refused', decision: 'allocation', decidedOn: '2026-03-01' },
      ['proposals', 'householdRefusals'],
      null,
    ],
  ] as const)('%s', (_, over, measures, delay) => {
    const f = fact(over as Partial<ProposalFact>);
    expect(countsOf(f, allocatedByRank([f]))).toEqual({ measures, delayDays: delay });
  });

  it('gives a dwelling allocated by classement to the best-ranked household that did not refuse it', () => {
    const ranked = (decisionRank: number, over: Partial<ProposalFact> = {}) =>
      fact({ decision: 'allocation_by_rank', decisionRank, decidedOn: '2026-02-01', ...over });
    // The first refused the offer: the second gets the dwelling, the third nothing.
    const first = ranked(1, { answer: 'refused' });
    const second = ranked(2, { answer: 'accepted' });
    const third = ranked(3);
    // On another vacancy, the only one ranked gets it.
    const elsewhere = ranked(2, { vacancyId: 'vacancy-2' });
    const facts = [third, first, second, elsewhere];
    const byRank = allocatedByRank(facts);
    expect(byRank).toEqual(new Set([second, elsewhere]));
    expect(countsOf(first, byRank).measures).toEqual(['proposals', 'householdRefusals']);
    expect(countsOf(second, byRank).measures).toEqual(['proposals', 'allocations', 'allocationDelays']);
    expect(countsOf(third, byRank)).toEqual({ measures: ['proposals'], delayDays: null });
    expect(fairnessTables(facts, 'pool-a').total.counts.allocations).toBe(2);
  });

  it.each([
    [[], null],
    [[10], 10],
    [[30, 10, 20], 20],
    [[10, 20], 15],
    [[10, 21], 16],
    [[40, 10, 30, 20], 25],
  ])('median of %j → %s', (days, expected) => {
    expect(medianDays(days)).toBe(expected);
  });
});

const c = (count: number, owned = false): Cell => ({ count, owned });

describe('small-cell suppression', () => {
  it.each([
    ['nothing small', c(30), [[c(10), c(20)]], false, [[false, false]]],
    ['zeros stay shown', c(30), [[c(0), c(30)]], false, [[false, false]]],
    // A 3 alone would be the total minus the 20 and the 7: the next smallest (7) goes with it.
    ['one small cell and its complement', c(30), [[c(3), c(20), c(7)]], false, [[true, false, true]]],
    ['two small cells protect each other', c(30), [[c(3), c(2), c(25)]], false, [[true, true, false]]],
    // The reader's own households are shown, and never chosen as the complement (it knows them).
    ['a cell of its own pool', c(30), [[c(3, true), c(20), c(7)]], false, [[false, false, false]]],
    [
      'the complement skips the reader’s own cell',
      c(30),
      [[c(3), c(6, true), c(21)]],
      false,
      [[true, false, true]],
    ],
    // The only other cell is zero: the small cell is the total, itself small, so masked.
    ['a small total', c(3), [[c(3), c(0)]], true, [[true, false]]],
    // No other non-zero cell the reader does not hold: the total is masked, and every table keeps a mask.
    [
      'no complement left: the total, then a cell in each other table',
      c(9),
      [
        [c(3), c(6, true)],
        [c(9), c(0)],
      ],
      true,
      [
        [true, false],
        [true, false],
      ],
    ],
  ] as const)('%s', (_, total, groups, totalMasked, cells) => {
    const result = suppress(
      total,
      groups.map((g) => [...g]),
    );
    expect(result).toEqual({ total: totalMasked, cells });
  });

  it('leaves no table where a single masked cell could be worked out from the total', () => {
    const groups = [
      [c(1), c(12), c(30), c(0)],
      [c(4), c(39)],
      [c(20), c(23)],
    ];
    const result = suppress(c(43), groups);
    expect(result.total).toBe(false);
    for (const masked of result.cells) expect(masked.filter(Boolean).length).not.toBe(1);
    expect(result.cells).toEqual([
      [true, true, false, false],
      [true, true],
      [false, false],
    ]);
  });
});

describe('the tables', () => {
  const facts = [
    // Three single people of pool A, one allocated; twelve couples with children of pool B.
    fact({ decision: 'allocation', answer: 'accepted', decidedOn: '2026-02-15' }),
    fact({ answer: 'refused' }),
    fact({ decision: 'landlord_refusal' }),
    ...Array.from({ length: 12 }, (_, i) =>
      fact({
        poolOrganisationId: 'pool-b',
        members: [adult, spouse, child()],
        monthlyResourcesCents: 200_000,
        housingSituation: 'hotel',
        daloRecognised: i < 6,
        ...(i < 10 ? { decision: 'allocation', decidedOn: `2026-03-${String(i + 1).padStart(2, '0')}` } : {}),
      }),
    ),
  ];

  it('counts every profile value, masking 1 to 4 for a reader that does not hold them', () => {
    const view = fairnessTables(facts, null);
    expect(view.total).toEqual({
      counts: {
        proposals: 15,
        householdRefusals: null,
        landlordRefusals: null,
        commissionRefusals: 0,
        allocations: 11,
        allocationDelays: 11,
      },
      medianDaysToAllocation: 63,
    });
    const compositionTable = view.tables.find((t) => t.dimension === 'composition')!;
    const single = compositionTable.rows.find((r) => r.value === 'single')!;
    const family = compositionTable.rows.find((r) => r.value === 'couple_with_children')!;
    // The singles' 3 proposals and 1 allocation are masked; the families' 12 and 10 then too (complement).
    expect(single.counts).toMatchObject({ proposals: null, allocations: null });
    expect(single.medianDaysToAllocation).toBeNull();
    expect(family.counts).toMatchObject({ proposals: null, allocations: null });
    expect(compositionTable.rows.find((r) => r.value === 'couple')!.counts.proposals).toBe(0);
  });

  it('shows the reader’s own pool whole', () => {
    const view = fairnessTables(facts, 'pool-a');
    const single = view.tables
      .find((t) => t.dimension === 'composition')!
      .rows.find((r) => r.value === 'single')!;
    expect(single.counts).toEqual({
      proposals: 3,
      householdRefusals: 1,
      landlordRefusals: 1,
      commissionRefusals: 0,
      allocations: 1,
      allocationDelays: 1,
    });
    expect(single.medianDaysToAllocation).toBe(45);
    expect(view.total.counts.householdRefusals).toBe(1);
  });
});
