import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** The body of issue 12, point 7. */
const body = {
  year: 2026,
  financing: 'PLUS',
  zone: 'paris_limitrophes',
  persons: 3,
  dependants: 1,
  couple: false,
  coupleAgeSum: null,
  disabledMember: false,
  incomeN2: 21000,
  incomeN1: null,
  incomeLast12Months: null,
};

const ONE = '/api/calculators/social-housing-eligibility';
const BATCH = '/api/calculators/social-housing-eligibility/batch';

describe('social-housing eligibility calculator API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object });

  describe(`POST ${ONE}`, () => {
    it('answers without a session: category, ceiling, income used', async () => {
      const res = await post(ONE, body);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json()).toEqual({
        category: 3,
        extraPersons: 0,
        ceiling: 52740,
        incomeUsed: 'n2',
        eligible: true,
      });
    });

    it('a single parent of five in a PLAI dwelling, N-1 10 % lower: category 6 + 1, eligible on N-1', async () => {
      const res = await post(ONE, {
        ...body,
        financing: 'PLAI',
        zone: 'ile_de_france',
        persons: 6,
        dependants: 5,
        incomeN2: 60000,
        incomeN1: 47171,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        category: 6,
        extraPersons: 1,
        ceiling: 42444 + 4727,
        incomeUsed: 'n1',
        eligible: true,
      });
    });

    it('accepts a body without the optional incomes and age sum', async () => {
      const { coupleAgeSum: _a, incomeN1: _b, incomeLast12Months: _c, ...short } = body;
      const res = await post(ONE, { ...short, incomeN2: 60000 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ incomeUsed: 'n2', eligible: false });
    });

    it.each([
      [
        'a negative income',
        { incomeN2: -1 },
        'incomeN2',
        'Revenu fiscal de référence N-2 : pas de montant négatif.',
      ],
      [
        'a negative N-1',
        { incomeN1: -10 },
        'incomeN1',
        'Revenu fiscal de référence N-1 : pas de montant négatif.',
      ],
      [
        'a negative 12-month income',
        { incomeLast12Months: -10 },
        'incomeLast12Months',
        'Revenus des 12 derniers mois : pas de montant négatif.',
      ],
      [
        'no person',
        { persons: 0, dependants: 0 },
        'persons',
        'Au moins une personne vivra dans le logement.',
      ],
      [
        'as many dependants as persons',
        { persons: 3, dependants: 3 },
        'dependants',
        'Les personnes à charge sont comptées parmi les personnes du foyer : moins que le nombre de personnes attendu.',
      ],
      ['an unknown financing', { financing: 'PLI' }, 'financing', 'Financement PLAI, PLUS ou PLS attendu.'],
      [
        'an unknown zone',
        { zone: 'zone_a' },
        'zone',
        'Zone paris_limitrophes, ile_de_france ou autres_regions attendue.',
      ],
      ['a missing income', { incomeN2: undefined }, 'incomeN2', 'Ce champ est obligatoire.'],
    ])('answers 400 for %s, in French on its field', async (_name, overrides, field, message) => {
      const res = await post(ONE, { ...body, ...overrides });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe('Certains champs sont invalides.');
      expect(error.fields[field]).toBe(message);
    });

    it('answers 422 OUT_OF_SCOPE for a year without a table', async () => {
      const res = await post(ONE, { ...body, year: 2024 });
      expect(res.statusCode).toBe(422);
      const message = 'Pas de plafonds de ressources connus pour 2024 : années couvertes 2025, 2026.';
      expect(res.json()).toEqual({ error: { code: 'OUT_OF_SCOPE', message, fields: { year: message } } });
    });

    it('answers 422 INCONSISTENT_INPUT for a couple without dependants and no age sum', async () => {
      const res = await post(ONE, { ...body, persons: 2, dependants: 0, couple: true });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({
        code: 'INCONSISTENT_INPUT',
        message: 'Il manque une donnée pour déterminer la catégorie du ménage.',
        fields: {
          coupleAgeSum:
            'Pour un couple sans personne à charge, indiquez la somme des âges des deux conjoints : 55 ans ou moins, c’est un jeune ménage.',
        },
      });
      const young = await post(ONE, { ...body, persons: 2, dependants: 0, couple: true, coupleAgeSum: 50 });
      expect(young.json()).toMatchObject({ category: 3, ceiling: 52740 });
    });
  });

  describe(`POST ${BATCH}`, () => {
    it('answers a mixed batch in input order, each error as the single route gives it', async () => {
      const items = [
        body,
        { ...body, incomeN2: -1 },
        { ...body, year: 2024 },
        { ...body, persons: 2, dependants: 0, couple: true },
        { ...body, financing: 'PLS', zone: 'autres_regions', incomeN2: 50000, incomeLast12Months: 40000 },
        'pas un ménage',
      ];
      const res = await post(BATCH, items);
      expect(res.statusCode).toBe(200);
      const answers = res.json();
      expect(answers).toHaveLength(items.length);
      expect(answers[0]).toEqual((await post(ONE, items[0])).json());
      // Each refused item carries exactly the single route's error body.
      for (const i of [1, 2, 3]) {
        const single = await post(ONE, items[i]);
        expect(single.statusCode).toBeGreaterThanOrEqual(400);
        expect(answers[i]).toEqual(single.json());
      }
      expect(answers[1].error.code).toBe('VALIDATION_FAILED');
      expect(answers[2].error.code).toBe('OUT_OF_SCOPE');
      expect(answers[3].error.code).toBe('INCONSISTENT_INPUT');
      expect(answers[4]).toEqual({
        category: 3,
        extraPersons: 0,
        ceiling: 48859,
        incomeUsed: 'last12Months',
        eligible: true,
      });
      expect(answers[5]).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont invalides.',
          fields: { _: expect.any(String) },
        },
      });
    });

    it('accepts 10 000 bodies and refuses 10 001, none or a non-array', async () => {
      const many = Array.from({ length: 10_000 }, (_, i) => ({ ...body, incomeN2: i * 10 }));
      const ok = await post(BATCH, many);
      expect(ok.statusCode).toBe(200);
      const answers = ok.json();
      expect(answers).toHaveLength(10_000);
      expect(answers[5274]).toMatchObject({ eligible: true });
      expect(answers[5275]).toMatchObject({ eligible: false });
      const tooMany = await post(BATCH, [...many, body]);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
      expect((await post(BATCH, [])).statusCode).toBe(400);
      expect((await post(BATCH, body)).statusCode).toBe(400);
    });
  });

  it('documents both routes in the API description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = res.json().paths;
    expect(paths[ONE].post.responses['422']).toBeDefined();
    expect(paths[BATCH].post).toBeDefined();
  });
});

// Every public calculator is throttled per address the same way (no session to throttle otherwise).
describe.each([
  ['/api/calculators/housing-benefit', '/api/calculators/housing-benefit/batch'],
  ['/api/calculators/eviction-timeline', '/api/calculators/eviction-timeline/batch'],
  [ONE, BATCH],
])('public calculator rate limit (%s)', (single, batch) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a 31st batch within a minute from one address, in French', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: batch, payload: [] })).statusCode);
    }
    expect(statuses.slice(0, 30)).not.toContain(429);
    expect(statuses[30]).toBe(429);
    const refused = await t.app.inject({ method: 'POST', url: batch, payload: [] });
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message).toMatch(/^Trop de tentatives/);
    // The single route counts on its own.
    expect((await t.app.inject({ method: 'POST', url: single, payload: {} })).statusCode).not.toBe(429);
  });
});
