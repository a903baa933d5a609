import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** The worked calendar of eviction-and-aids.md §2.1. */
const workedCase = {
  lease: { signedOn: '2024-03-01', landlord: 'legal_person' },
  rent: { monthlyRent: 420.0, monthlyCharges: 80.0, monthlyHousingBenefit: 350.0, benefitPaidTo: 'landlord' },
  balances: [
    { on: '2026-01-05', amount: 150 },
    { on: '2026-02-05', amount: 300 },
  ],
  steps: {
    cafSignalledOn: '2026-02-15',
    ccapexReferredOn: null,
    commandementServedOn: '2026-02-10',
    assignationServedOn: '2026-04-15',
    hearingOn: '2026-05-27',
  },
};

describe('eviction-timeline calculator API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) => t.app.inject({ method: 'POST', url, payload: body as object });
  const one = (body: unknown) => post('/api/calculators/eviction-timeline', body);
  const batch = (body: unknown) => post('/api/calculators/eviction-timeline/batch', body);

  describe('POST /api/calculators/eviction-timeline', () => {
    it('answers every deadline without a session', async () => {
      const res = await one(workedCase);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        deadlines: {
          impayeConstitutedOn: { date: '2026-02-05', rule: 'CCH R824-1' },
          signallingDueBy: { date: '2026-04-05', rule: 'CCH R824-4' },
          commandementDelayEndsOn: { date: '2026-03-24', rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)' },
          earliestAssignationOn: { date: '2026-04-15', rule: 'loi n° 89-462 art. 24 II' },
          prefetNoticeLatestOn: { date: '2026-04-15', rule: 'loi n° 89-462 art. 24 III (loi n° 2023-668)' },
          earliestExpulsionOn: null,
          cfpImplicitRefusalOn: null,
        },
      });
    });

    it('accepts a request without steps nor balances: every deadline is null', async () => {
      const res = await one({ lease: workedCase.lease, rent: workedCase.rent, balances: [] });
      expect(res.statusCode).toBe(200);
      expect(Object.values(res.json().deadlines)).toEqual(Array(7).fill(null));
    });

    it.each([
      ['a bad lease date', { lease: { ...workedCase.lease, signedOn: '2024-02-30' } }, 'lease.signedOn'],
      ['an unknown landlord kind', { lease: { ...workedCase.lease, landlord: 'state' } }, 'lease.landlord'],
      ['a negative rent', { rent: { ...workedCase.rent, monthlyRent: -1 } }, 'rent.monthlyRent'],
      [
        'an amount beyond the cent',
        { rent: { ...workedCase.rent, monthlyCharges: 80.001 } },
        'rent.monthlyCharges',
      ],
      ['an unknown payee', { rent: { ...workedCase.rent, benefitPaidTo: 'caf' } }, 'rent.benefitPaidTo'],
      ['a balance without amount', { balances: [{ on: '2026-01-05' }] }, 'balances.0.amount'],
      ['a step that is no date', { steps: { hearingOn: 'mardi' } }, 'steps.hearingOn'],
      ['an unknown step', { steps: { judgmentOn: '2026-06-01' } }, 'steps'],
      ['an unknown field', { garage: true }, ''],
    ])('answers 400 with French field errors for %s', async (_name, overrides, field) => {
      const res = await one({ ...workedCase, ...overrides });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(body.error.fields[field]).toEqual(expect.any(String));
    });

    it('answers 400 when the balances are missing', async () => {
      const { balances: _balances, ...body } = workedCase;
      const res = await one(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.balances).toBe('Ce champ est obligatoire.');
    });

    it('answers 422 for balances out of order and a hearing before the assignation', async () => {
      const res = await one({
        ...workedCase,
        balances: [...workedCase.balances].reverse(),
        steps: { ...workedCase.steps, hearingOn: '2026-04-01' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toEqual({
        code: 'INCONSISTENT_INPUT',
        message: 'Les dates données ne se suivent pas comme la procédure le veut.',
        fields: {
          'balances.1.on':
            'Les dates des soldes doivent être strictement croissantes : celle-ci suit le 5 février 2026.',
          'steps.hearingOn': 'Audience : ne peut pas précéder assignation du 15 avril 2026.',
        },
      });
    });
  });

  describe('POST /api/calculators/eviction-timeline/batch', () => {
    it('answers in input order, a malformed or inconsistent item as an error in its place', async () => {
      const natural = { ...workedCase, lease: { ...workedCase.lease, landlord: 'natural_person' } };
      const res = await batch([
        workedCase,
        { ...workedCase, rent: { ...workedCase.rent, monthlyRent: 'beaucoup' } },
        { ...workedCase, steps: { cqlServedOn: '2026-09-01', cfpRequestedOn: '2026-08-01' } },
        natural,
        42,
      ]);
      expect(res.statusCode).toBe(200);
      const items = res.json();
      expect(items).toHaveLength(5);
      expect(items[0].deadlines.earliestAssignationOn.date).toBe('2026-04-15');
      expect(items[1]).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont invalides.',
          fields: { 'rent.monthlyRent': 'Loyer invalide.' },
        },
      });
      expect(items[2].error).toMatchObject({
        code: 'INCONSISTENT_INPUT',
        fields: { 'steps.cfpRequestedOn': expect.stringMatching(/^Demande de concours/) },
      });
      expect(items[3].deadlines.earliestAssignationOn.date).toBe('2026-03-24');
      expect(items[4].error.code).toBe('VALIDATION_FAILED');
    });

    it('accepts 10 000 items and refuses 10 001 or none', async () => {
      const many = Array.from({ length: 10_000 }, (_, i) => ({
        ...workedCase,
        balances: [{ on: '2026-01-05', amount: i % 700 }],
      }));
      const ok = await batch(many);
      expect(ok.statusCode).toBe(200);
      const items = ok.json();
      expect(items).toHaveLength(10_000);
      // 1 € from 5 January 2026: below 2 × 150 € in 2026, more than 3 months old on 1 January 2027.
      expect(items[1].deadlines.impayeConstitutedOn.date).toBe('2027-01-01');
      expect(items[300].deadlines.impayeConstitutedOn.date).toBe('2026-01-05');
      const tooMany = await batch([...many, workedCase]);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
      expect((await batch([])).statusCode).toBe(400);
      expect((await batch(workedCase)).statusCode).toBe(400);
    });
  });

  it('documents both routes in the API description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(paths['/api/calculators/eviction-timeline'].post).toBeDefined();
    expect(paths['/api/calculators/eviction-timeline/batch'].post).toBeDefined();
  });
});
