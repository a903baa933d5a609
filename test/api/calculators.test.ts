import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers } from '../helpers/factories.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { housingBenefitScales } from '../../src/modules/calculators/schema.ts';

const singleParent = {
  period: '2024-01',
  zone: 3,
  monthlyRent: 400,
  couple: false,
  dependants: 1,
  annualResources: 12600,
  conventioned: false,
  furnished: false,
  flatShare: false,
  room: false,
  disabledMember: false,
};

describe('housing-benefit calculator API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const estimate = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/calculators/housing-benefit', payload: body as object });

  describe('POST /api/calculators/housing-benefit', () => {
    it('estimates without a session and matches OpenFisca to the cent', async () => {
      const res = await estimate(singleParent);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.monthlyAmount).toBe(271.07);
      expect(body.rlsMonthly).toBe(0);
      expect(body.breakdown).toMatchObject({ aidKind: 'ALF', rentCeiling: 354.51, flatCharges: 71.25 });
    });

    it('stores nothing', async () => {
      const before = await t.deps.db.select().from(auditLog);
      await estimate(singleParent);
      expect(await t.deps.db.select().from(auditLog)).toHaveLength(before.length);
    });

    it.each([
      ['a negative rent', { monthlyRent: -1 }, 'monthlyRent'],
      ['an absurd rent', { monthlyRent: 1e9 }, 'monthlyRent'],
      ['an unknown zone', { zone: 4 }, 'zone'],
      ['too many dependants', { dependants: 40 }, 'dependants'],
      ['a fractional number of dependants', { dependants: 1.5 }, 'dependants'],
      ['negative resources', { annualResources: -5 }, 'annualResources'],
      ['a bad period', { period: '2024-13' }, 'period'],
      ['an unknown housing type', { housingType: 'castle' }, 'housingType'],
      ['an unknown field', { garage: true }, ''],
    ])('answers 400 with field errors for %s', async (_name, overrides, field) => {
      const res = await estimate({ ...singleParent, ...overrides });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(body.error.fields[field]).toEqual(expect.any(String));
    });

    it('answers 400 when a documented field is missing', async () => {
      const { couple: _couple, ...body } = singleParent;
      const res = await estimate(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.couple).toBe('Ce champ est obligatoire.');
    });

    it.each([
      ['overseas', { overseas: true }, /outre-mer/],
      ['a foyer', { housingType: 'foyer' }, /logements-foyers/],
      ['a student residence', { housingType: 'student_residence' }, /CROUS/],
      ['accession', { housingType: 'accession' }, /accession/],
      ['a month without parameters', { period: '2030-01' }, /ne sont pas connus pour janvier 2030/],
      ['a month before 2021', { period: '2019-06' }, /janvier 2021/],
    ])('answers 422 OUT_OF_SCOPE for %s', async (_name, overrides, message) => {
      const res = await estimate({ ...singleParent, ...overrides });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
      expect(res.json().error.message).toMatch(message);
    });
  });

  describe('POST /api/calculators/housing-benefit/batch', () => {
    const url = '/api/calculators/housing-benefit/batch';

    it('answers in input order, an out-of-scope item as an error in its place', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: [
          singleParent,
          { ...singleParent, overseas: true },
          { ...singleParent, period: '2024-10' },
          { ...singleParent, conventioned: true },
        ],
      });
      expect(res.statusCode).toBe(200);
      const items = res.json();
      expect(items).toHaveLength(4);
      expect(items[0].monthlyAmount).toBe(271.07);
      expect(items[1]).toEqual({
        error: { code: 'OUT_OF_SCOPE', message: expect.stringMatching(/outre-mer/) },
      });
      expect(items[2].monthlyAmount).toBe(283.64);
      expect(items[3]).toMatchObject({ monthlyAmount: 211.18, rlsMonthly: 61.42 });
    });

    it('accepts 10 000 items and refuses 10 001', async () => {
      const batch = Array.from({ length: 10_000 }, (_, i) => ({
        ...singleParent,
        monthlyRent: 300 + (i % 500),
      }));
      const ok = await t.app.inject({ method: 'POST', url, payload: batch });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toHaveLength(10_000);
      const tooMany = await t.app.inject({ method: 'POST', url, payload: [...batch, singleParent] });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses the whole batch with the path of an invalid item', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: [singleParent, { ...singleParent, zone: 9 }],
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain('1.zone');
    });
  });

  describe('scales', () => {
    const october2026 = { ...singleParent, period: '2026-10' };
    const newScale = (family: string, values: unknown) => ({
      family,
      effectiveFrom: '2026-10-01',
      effectiveTo: '2027-09-30',
      source: 'Arrêté de revalorisation du 1er octobre 2026 (test)',
      values,
    });
    const ceilings = (k: number) => ({
      '1': { single: 340 * k, couple: 410, oneDependant: 463, perExtraDependant: 67 },
      '2': { single: 296, couple: 362, oneDependant: 408, perExtraDependant: 59 },
      '3': { single: 277, couple: 336, oneDependant: 377, perExtraDependant: 54 },
    });

    it('lists the periods, with values only on request', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/housing-benefit-scales' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.coverage).toEqual({ from: '2021-01', to: '2026-09' });
      const ceilingsList = body.scales.filter((s: { family: string }) => s.family === 'rent_ceilings');
      expect(ceilingsList.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual([
        '2020-10-01',
        '2021-10-01',
        '2022-07-01',
        '2023-10-01',
        '2024-10-01',
        '2025-10-01',
      ]);
      expect(ceilingsList[0]).toMatchObject({ label: 'Loyers plafonds', origin: 'file', effectiveTo: null });
      expect(ceilingsList[0].values).toBeUndefined();
      const full = await t.app.inject({ method: 'GET', url: '/api/housing-benefit-scales?full=true' });
      expect(full.json().scales[0].values).toBeDefined();
    });

    it('lets only an administrator add a scale', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/admin/housing-benefit-scales',
        payload: newScale('rent_ceilings', ceilings(1)),
      });
      expect(anonymous.statusCode).toBe(401);
      const { members } = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
      const caseworker = await t.app.inject({
        method: 'POST',
        url: '/api/admin/housing-benefit-scales',
        headers: members.caseworker!.session.headers,
        payload: newScale('rent_ceilings', ceilings(1)),
      });
      expect(caseworker.statusCode).toBe(403);
      expect(await t.deps.db.select().from(housingBenefitScales)).toHaveLength(0);
    });

    it('validates the values with the schema of the family', async () => {
      const { members } = await makeOrgWithUsers(t.deps, 'association', ['admin']);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/housing-benefit-scales',
        headers: members.admin!.session.headers,
        payload: newScale('rent_ceilings', { '1': { single: -3 } }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    });

    it('adds published scales, refuses overlaps and makes the new month computable', async () => {
      const { members } = await makeOrgWithUsers(t.deps, 'association', ['admin']);
      const post = (payload: unknown) =>
        t.app.inject({
          method: 'POST',
          url: '/api/admin/housing-benefit-scales',
          headers: members.admin!.session.headers,
          payload: payload as object,
        });

      // Warm the cache first: the additions must invalidate it.
      expect((await estimate(october2026)).statusCode).toBe(422);

      const added = await post(newScale('rent_ceilings', ceilings(1)));
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({
        family: 'rent_ceilings',
        origin: 'admin',
        effectiveTo: '2027-09-30',
      });

      const overlap = await post({ ...newScale('rent_ceilings', ceilings(2)), effectiveFrom: '2027-01-01' });
      expect(overlap.statusCode).toBe(409);
      expect(overlap.json().error.message).toBe(
        'Le barème « Loyers plafonds » en vigueur du 01/10/2026 au 30/09/2027 chevauche les dates demandées.',
      );
      const overlapFile = await post({
        ...newScale('rent_ceilings', ceilings(2)),
        effectiveFrom: '2026-09-01',
      });
      expect(overlapFile.statusCode).toBe(409);

      const stillMissing = await estimate(october2026);
      expect(stillMissing.statusCode).toBe(422);
      expect(stillMissing.json().error.message).toMatch(
        /« Forfait charges », « Participation minimale \(P0\) »/,
      );

      expect(
        (
          await post(
            newScale('flat_charges', {
              general: { base: 61.2, perDependant: 13.9 },
              flatShare: { single: 30.6, couple: 61.2, perDependant: 13.9 },
            }),
          )
        ).statusCode,
      ).toBe(201);
      expect((await post(newScale('minimum_contribution', { flatAmount: 40, rate: 0.085 }))).statusCode).toBe(
        201,
      );

      const res = await estimate(october2026);
      expect(res.statusCode).toBe(200);
      expect(res.json().breakdown).toMatchObject({ rentCeiling: 377, flatCharges: 61.2 + 13.9 });
      expect(res.json().breakdown.scalesUsed).toContainEqual({
        family: 'rent_ceilings',
        effectiveFrom: '2026-10-01',
      });

      const list = (await t.app.inject({ method: 'GET', url: '/api/housing-benefit-scales' })).json();
      expect(list.coverage.to).toBe('2026-12'); // R0 2025 is kept through 2026 only
      expect(list.scales.filter((s: { origin: string }) => s.origin === 'admin')).toHaveLength(3);

      const audits = await t.deps.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'housing_benefit_scale.create'),
            eq(auditLog.actorUserId, members.admin!.user.id),
          ),
        );
      expect(audits).toHaveLength(3);
    });
  });
});
