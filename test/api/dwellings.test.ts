import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import type { TDwelling, TDwellingSummary } from '../../src/shared/contracts/dwellings.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
const NOW = new Date('2026-03-31T08:30:00Z');

describe('dwellings: a landlord’s stock', () => {
  let t: TestApp;
  let manager: TestSession;
  let advisor: TestSession;
  let auditor: TestSession;
  let otherLandlord: TestSession;
  let association: TestSession;
  let communes: Awaited<ReturnType<typeof makeMetzTerritory>>;
  let dwelling: TDwelling;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const body = (extra: object = {}) => ({
    reference: 'MET-0001',
    address: '12 rue des Jardins',
    communeId: communes.metz,
    typology: 't3',
    surfaceM2: 64.5,
    floor: 2,
    lift: false,
    accessibility: 'adaptable',
    financing: 'plus',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    communes = await makeMetzTerritory(t.deps.db);
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', [
      'landlord_rental_manager',
      'landlord_social_advisor',
      'auditor',
    ]);
    manager = landlord.members.landlord_rental_manager!.session;
    advisor = landlord.members.landlord_social_advisor!.session;
    auditor = landlord.members.auditor!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['admin'])).members.admin!.session;
    association = (await makeOrgWithUsers(t.deps, 'association', ['admin'])).members.admin!.session;
  });
  afterAll(() => t.close());

  it('adds a dwelling with its first rent, its commune and EPCI, and audits it', async () => {
    const res = await call(manager, 'POST', '/api/dwellings', {
      ...body(),
      rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 42_000, monthlyChargesCents: 8_000 },
    });
    expect(res.statusCode).toBe(201);
    dwelling = res.json();
    expect(dwelling).toMatchObject({
      reference: 'MET-0001',
      communeName: 'Metz',
      communePostcode: '57000',
      epciName: 'Metz Métropole',
      typology: 't3',
      surfaceM2: 64.5,
      status: 'vacant',
      rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 42_000, monthlyChargesCents: 8_000 },
    });
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dwelling.create'), eq(auditLog.entityId, dwelling.id)));
    expect(entries).toHaveLength(1);
  });

  it('refuses a second dwelling with the same reference, and an unknown commune', async () => {
    const dup = await call(advisor, 'POST', '/api/dwellings', body());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual({ reference: 'Référence déjà prise par un autre logement.' });
    const unknown = await call(
      manager,
      'POST',
      '/api/dwellings',
      body({ reference: 'X', communeId: communes.epciId }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ communeId: 'Commune inconnue.' });
  });

  it('keeps the rent history: the rent in force today, the later one planned', async () => {
    await ok(
      await call(manager, 'POST', `/api/dwellings/${dwelling.id}/rents`, {
        effectiveFrom: '2026-03-01',
        monthlyRentCents: 43_050,
        monthlyChargesCents: 8_000,
      }),
    );
    const after = await ok<TDwelling>(
      await call(manager, 'POST', `/api/dwellings/${dwelling.id}/rents`, {
        effectiveFrom: '2027-01-01',
        monthlyRentCents: 44_000,
        monthlyChargesCents: 8_500,
      }),
    );
    expect(after.rent).toEqual({
      effectiveFrom: '2026-03-01',
      monthlyRentCents: 43_050,
      monthlyChargesCents: 8_000,
    });
    expect(after.rents.map((r) => r.effectiveFrom)).toEqual(['2027-01-01', '2026-03-01', '2026-01-01']);
  });

  it('edits a dwelling and changes its status, both audited', async () => {
    const edited = await ok<TDwelling>(
      await call(
        advisor,
        'PUT',
        `/api/dwellings/${dwelling.id}`,
        body({ floor: 3, lift: true, communeId: communes.woippy }),
      ),
    );
    expect(edited).toMatchObject({ floor: 3, lift: true, communeName: 'Woippy' });
    const made = await ok<TDwelling>(
      await call(manager, 'POST', `/api/dwellings/${dwelling.id}/status`, { status: 'made_available' }),
    );
    expect(made.status).toBe('made_available');
    const actions = (
      await t.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, dwelling.id))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['dwelling.update', 'dwelling.status.change', 'dwelling.rent.add']),
    );
  });

  it('lists the stock filtered and paged', async () => {
    for (let i = 2; i <= 7; i++)
      await ok(
        await call(manager, 'POST', '/api/dwellings', {
          ...body({ reference: `MET-000${i}`, typology: i % 2 ? 't2' : 't4', communeId: communes.metz }),
          status: i === 7 ? 'works' : 'vacant',
        }),
      );
    const page = await ok<{ items: TDwellingSummary[]; total: number }>(
      await call(manager, 'GET', '/api/dwellings?pageSize=3&page=2'),
    );
    expect(page.total).toBe(7);
    expect(page.items.map((d) => d.reference)).toEqual(['MET-0004', 'MET-0005', 'MET-0006']);
    const t2 = await ok<{ items: TDwellingSummary[] }>(
      await call(manager, 'GET', `/api/dwellings?typology=t2&communeId=${communes.metz}`),
    );
    expect(t2.items.map((d) => d.reference)).toEqual(['MET-0003', 'MET-0005', 'MET-0007']);
    const works = await ok<{ items: TDwellingSummary[] }>(
      await call(manager, 'GET', '/api/dwellings?status=works'),
    );
    expect(works.items.map((d) => d.reference)).toEqual(['MET-0007']);
    const byQ = await ok<{ items: TDwellingSummary[] }>(await call(manager, 'GET', '/api/dwellings?q=0001'));
    expect(byQ.items.map((d) => d.reference)).toEqual(['MET-0001']);
    const financing = await ok<{ total: number }>(
      await call(manager, 'GET', '/api/dwellings?financing=plai'),
    );
    expect(financing.total).toBe(0);
  });

  it('keeps the stock to the landlord’s own staff', async () => {
    // Another landlord: the dwelling is unknown, its list is empty, it cannot change it.
    expect((await call(otherLandlord, 'GET', `/api/dwellings/${dwelling.id}`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>(await call(otherLandlord, 'GET', '/api/dwellings'))).total).toBe(0);
    expect(
      (await call(otherLandlord, 'POST', `/api/dwellings/${dwelling.id}/status`, { status: 'vacant' }))
        .statusCode,
    ).toBe(404);
    // An association and a landlord's auditor: refused.
    for (const s of [association, auditor]) {
      expect((await call(s, 'GET', '/api/dwellings')).statusCode).toBe(403);
      expect((await call(s, 'GET', `/api/dwellings/${dwelling.id}`)).statusCode).toBe(403);
      expect((await call(s, 'POST', '/api/dwellings', body({ reference: 'Z' }))).statusCode).toBe(403);
    }
  });
});
