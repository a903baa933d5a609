import { describe, expect, it } from 'vitest';
import {
  daysInShelter,
  demandState,
  entryRefusal,
  filterPool,
  isVerifiedIncome,
  passesPoolFilters,
  projectErrors,
  shelterTimeWords,
  type PoolFacts,
} from './rules.ts';

const TODAY = '2026-03-10';

describe('the demand on a day', () => {
  it.each([
    [null, '2026-06-01', 'missing'],
    ['0751225000123', null, 'missing'],
    ['0751225000123', '2026-06-01', 'valid'],
    ['0751225000123', '2026-04-10', 'valid'],
    ['0751225000123', '2026-04-09', 'expiring'],
    ['0751225000123', '2026-03-10', 'expiring'],
    ['0751225000123', '2026-03-09', 'expired'],
    ['0751225000123', '2025-01-01', 'expired'],
  ] as const)('number %s, renewal due %s → %s', (number, due, state) => {
    expect(demandState(number, due, TODAY)).toBe(state);
  });
});

describe('time in shelter', () => {
  it.each([
    [null, null, 'Date d’entrée inconnue'],
    ['2026-03-10', 0, '0 jour'],
    ['2026-03-09', 1, '1 jour'],
    ['2026-02-20', 18, '18 jours'],
    ['2025-12-10', 90, '2 mois'],
    ['2025-03-10', 365, '11 mois'],
    ['2024-12-01', 464, '1 an et 3 mois'],
    ['2023-03-01', 1105, '3 ans'],
    ['2026-04-01', 0, '0 jour'],
  ] as const)('entered %s → %s days (%s)', (entered, days, words) => {
    expect(daysInShelter(entered, TODAY)).toBe(days);
    expect(shelterTimeWords(days)).toBe(words);
  });
});

describe('entering the pool', () => {
  it.each([
    [null, true],
    ['not_yet', true],
    ['ready', false],
    ['ready_with_support', false],
  ] as const)('opinion %s → refused %s', (opinion, refused) => {
    expect(entryRefusal(opinion) !== null).toBe(refused);
  });
});

describe('the project’s checks', () => {
  const base = { typologies: ['t2' as const], communeIds: ['c1'], incomes: [] };
  it.each([
    ['a sound project', base, '0751225000123', '2026-06-01', {}],
    [
      'a first demand filed in the future',
      { ...base, demandFiledOn: '2099-01-01' },
      '0751225000123',
      null,
      { demandFiledOn: 'La date de première demande ne peut pas être dans le futur.' },
    ],
    [
      'a first demand after its renewal date',
      { ...base, demandFiledOn: '2026-02-01' },
      '0751225000123',
      '2026-01-15',
      { demandFiledOn: 'La première demande précède sa date de renouvellement.' },
    ],
    [
      'a typology twice',
      { ...base, typologies: ['t2' as const, 't2' as const] },
      null,
      null,
      { typologies: 'Une typologie est citée deux fois.' },
    ],
    [
      'a commune twice',
      { ...base, communeIds: ['c1', 'c1'] },
      null,
      null,
      { communeIds: 'Une commune est citée deux fois.' },
    ],
    [
      'a renewal date without a number',
      base,
      null,
      '2026-06-01',
      {
        demandRenewalDue:
          'Le dossier n’a pas de numéro unique : renseignez-le d’abord dans l’onglet « Situation ».',
      },
    ],
    [
      'two figures of one source, a wrong RFR year',
      {
        ...base,
        incomes: [
          { source: 'rfr_n2' as const, year: 2024, annualCents: 1_500_000 },
          { source: 'rfr_n1' as const, year: 2024, annualCents: 1_200_000 },
          { source: 'declared' as const, year: null, annualCents: 1_000_000 },
          { source: 'declared' as const, year: 2025, annualCents: 1_000_000 },
        ],
      },
      null,
      null,
      {
        'incomes.1.year': 'Année 2025 attendue pour cette source.',
        'incomes.3.source': 'Un seul montant par source.',
        'incomes.3.year': 'Pas d’année pour cette source.',
      },
    ],
  ])('%s', (_label, input, number, due, errors) => {
    expect(projectErrors(input, number, due, TODAY)).toEqual(errors);
  });

  it.each([
    ['rfr_n2', true],
    ['rfr_n1', true],
    ['last_12_months', true],
    ['declared', false],
  ] as const)('a figure from %s is verified: %s', (source, verified) => {
    expect(isVerifiedIncome({ source })).toBe(verified);
  });
});

const entry = (over: Partial<PoolFacts>): PoolFacts => ({
  householdId: 'h',
  typologies: ['t2'],
  communeIds: ['grenoble'],
  daloRecognised: false,
  priorityCategories: [],
  demandState: 'valid',
  daysInShelter: 100,
  ...over,
});

describe('the pool filters', () => {
  it.each([
    ['no filter', entry({}), {}, true],
    ['typology wished', entry({ typologies: ['t2', 't3'] }), { typology: 't3' }, true],
    ['typology not wished', entry({}), { typology: 't4' }, false],
    ['commune wished', entry({}), { communeId: 'grenoble' }, true],
    ['commune not wished', entry({}), { communeId: 'echirolles' }, false],
    ['no commune: all wished', entry({ communeIds: [] }), { communeId: 'echirolles' }, true],
    ['DALO', entry({ daloRecognised: true }), { priority: 'dalo' }, true],
    ['not DALO', entry({ priorityCategories: ['c'] }), { priority: 'dalo' }, false],
    ['any priority: a category', entry({ priorityCategories: ['c'] }), { priority: 'any' }, true],
    ['any priority: DALO', entry({ daloRecognised: true }), { priority: 'any' }, true],
    ['any priority: none', entry({}), { priority: 'any' }, false],
    ['one category', entry({ priorityCategories: ['c', 'j'] }), { priority: 'j' }, true],
    ['another category', entry({ priorityCategories: ['c'] }), { priority: 'f' }, false],
    ['demand expiring', entry({ demandState: 'expiring' }), { demand: 'expiring' }, true],
    ['demand expired', entry({ demandState: 'expired' }), { demand: 'expiring' }, true],
    ['demand valid', entry({}), { demand: 'expiring' }, false],
    ['demand missing', entry({ demandState: 'missing' }), { demand: 'expiring' }, false],
    [
      'all at once',
      entry({ typologies: ['t3'], daloRecognised: true, demandState: 'expired' }),
      { typology: 't3', priority: 'dalo', demand: 'expiring', communeId: 'grenoble' },
      true,
    ],
  ] as const)('%s', (_label, e, filters, kept) => {
    expect(passesPoolFilters(e, filters)).toBe(kept);
  });

  it('orders by time in shelter, the longest first, an unknown entry date last', () => {
    const pool = [
      entry({ householdId: 'b', daysInShelter: 30 }),
      entry({ householdId: 'u', daysInShelter: null }),
      entry({ householdId: 'a', daysInShelter: 400 }),
      entry({ householdId: 'c', daysInShelter: 30 }),
      entry({ householdId: 'x', daysInShelter: 900, typologies: ['t5'] }),
    ];
    expect(filterPool(pool, { typology: 't2' }).map((e) => e.householdId)).toEqual(['a', 'b', 'c', 'u']);
  });
});
