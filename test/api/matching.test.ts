import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { placeIn } from '../helpers/measure-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import type { TCandidateList, TMatchingPolicy, TPolicyImpact } from '../../src/shared/contracts/matching.ts';
import { DEFAULT_POLICY } from '../../src/shared/matching/policy.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';

const scores = Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }]));

describe('matching households of the pools with a vacancy', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let otherPool: TestSession;
  let coordinator: TestSession;
  let siaoWorker: TestSession;
  let landlord: TestSession;
  let farWorker: TestSession;
  let communes: Awaited<ReturnType<typeof makeMetzTerritory>>;
  let vacancyId: string;
  const ids = { dalo: '', longest: '', noConsent: '', overCeiling: '', otherPool: '' };

  const call = (session: TestSession, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const ok = async (res: Awaited<ReturnType<typeof call>>, status = 200) => {
    if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A household of `session`'s organisation, confirmed ready, in its pool, with or without consent. */
  const inPool = async (
    session: TestSession,
    over: Parameters<typeof sampleHousehold>[0],
    project: object = {},
    consent = true,
  ) => {
    const id = await createHouseholdAs(t, session, sampleHousehold(over));
    await ok(
      await call(session, 'POST', `/api/households/${id}/capacity-assessments`, {
        assessedOn: TODAY,
        scores,
        opinion: 'ready',
      }),
      201,
    );
    await ok(
      await call(session, 'PUT', `/api/households/${id}/housing-project`, {
        typologies: ['t2', 't3'],
        communeIds: [communes.metz],
        accessibilityNeed: 'none',
        supportIntensity: 'none',
        priorityCategories: ['c'],
        demandRenewalDue: '2026-09-30',
        demandFiledOn: '2024-09-30',
        incomes: [{ source: 'rfr_n2', year: 2024, annualCents: 1_450_000 }],
        ...project,
      }),
    );
    if (consent)
      await ok(
        await call(session, 'POST', `/api/households/${id}/housing-project/consent`, {
          givenOn: TODAY,
          method: 'signed_form',
        }),
      );
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    communes = await makeMetzTerritory(t.deps.db);
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    caseworker = association.members.caseworker!.session;
    await placeIn(t.deps.db, association.org.id, communes.metz);
    const second = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    otherPool = second.members.caseworker!.session;
    await placeIn(t.deps.db, second.org.id, communes.epciId);
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker', 'committee_coordinator']);
    coordinator = siao.members.committee_coordinator!.session;
    siaoWorker = siao.members.caseworker!.session;
    await placeIn(t.deps.db, siao.org.id, communes.epciId);
    const social = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlord = social.members.landlord_rental_manager!.session;
    const far = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    farWorker = far.members.caseworker!.session;
    const [isere] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: '38', name: 'Isère' })
      .returning();
    await placeIn(t.deps.db, far.org.id, isere!.id);

    // DALO, in a CHRS since June 2025; the longest in shelter without DALO; one without consent;
    // one over the PLUS ceiling; one of another association's pool.
    ids.dalo = await inPool(caseworker, {});
    ids.longest = await inPool(caseworker, {
      daloRecognised: false,
      daloDecisionDate: undefined,
      housingSince: '2023-01-15',
    });
    ids.noConsent = await inPool(caseworker, {}, {}, false);
    ids.overCeiling = await inPool(
      caseworker,
      { daloRecognised: false, daloDecisionDate: undefined },
      {
        incomes: [{ source: 'rfr_n2', year: 2024, annualCents: 5_200_000 }],
      },
    );
    ids.otherPool = await inPool(otherPool, {
      daloRecognised: false,
      daloDecisionDate: undefined,
      housingSince: '2025-12-01',
    });

    const dwelling = await ok(
      await call(landlord, 'POST', '/api/dwellings', {
        address: '12 rue Serpenoise, 57000 Metz',
        communeId: communes.metz,
        typology: 't3',
        surfaceM2: 64,
        financing: 'plus',
        rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 48_000, monthlyChargesCents: 9_500 },
      }),
      201,
    );
    const vacancy = await ok(
      await call(landlord, 'POST', '/api/vacancies', {
        dwellingId: dwelling.id,
        channel: 'prefectoral',
        answerBy: '2026-03-25',
        visitDetails: null,
        visitDates: [],
      }),
      201,
    );
    vacancyId = vacancy.id;
  });
  afterAll(() => t.close());

  const candidates = async (session = caseworker) =>
    (await ok(await call(session, 'GET', `/api/vacancies/${vacancyId}/candidates`))) as TCandidateList;

  describe('the candidates of a vacancy', () => {
    it('ranks the département’s pools, names the reader’s households, and says why and why not', async () => {
      const list = await candidates();
      expect(list).toMatchObject({ policyVersion: 0, considered: 5, eligible: 3, canDesignate: true });
      expect(list.candidates.map((c) => c.householdId)).toEqual([ids.dalo, ids.longest]);
      const [first, second] = list.candidates;
      expect(first!.rank).toBe(1);
      // The other pool's candidate is ranked with them but not shown: the ranks leave its place.
      expect(second!.rank).toBeGreaterThan(1);
      expect(list.candidates.some((c) => c.householdId === ids.otherPool)).toBe(false);

      const resources = first!.explanation.filters.find((f) => f.code === 'resources')!;
      expect(resources.passed).toBe(true);
      expect(resources.detail).toMatch(
        /N-2 : 14\s500,00\s€ ≤ plafond PLUS 2026, Autres régions, catégorie 3 : /,
      );
      const signals = Object.fromEntries(first!.explanation.signals.map((s) => [s.code, s]));
      expect(signals.dalo).toMatchObject({ points: 100, value: 'Reconnu prioritaire le 20/11/2025' });
      expect(signals.demand_age!.points).toBe(17);
      expect(signals.effort_rate!.value).toMatch(/d’aide au logement estimée/);
      expect(first!.explanation.points).toBe(
        first!.explanation.signals.reduce((sum, s) => sum + s.points, 0),
      );

      expect(
        Object.fromEntries(
          list.excluded.map((e) => [
            e.householdId,
            e.explanation.filters.filter((f) => !f.passed).map((f) => f.code),
          ]),
        ),
      ).toEqual({
        [ids.noConsent]: ['consent'],
        [ids.overCeiling]: ['resources'],
      });
      expect(list.excluded.every((e) => e.rank === null && e.explanation.signals.length === 0)).toBe(true);
    });

    it('audits each household shown, and none of another pool', async () => {
      await candidates();
      const reads = await t.deps.db
        .select({ householdId: auditLog.householdId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'household.matching.read'), eq(auditLog.entityId, vacancyId)));
      const read = new Set(reads.map((r) => r.householdId));
      expect(read).toEqual(new Set([ids.dalo, ids.longest, ids.noConsent, ids.overCeiling]));
    });

    it('pages the reader’s candidates and excluded households, auditing only those shown', async () => {
      const reads = () =>
        t.deps.db
          .select({ id: auditLog.id, householdId: auditLog.householdId })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'household.matching.read'), eq(auditLog.entityId, vacancyId)));
      const earlier = new Set((await reads()).map((r) => r.id));
      const paged = (await ok(
        await call(
          caseworker,
          'GET',
          `/api/vacancies/${vacancyId}/candidates?pageSize=1&page=2&excludedPage=2`,
        ),
      )) as TCandidateList;
      expect(paged).toMatchObject({
        candidateCount: 2,
        excludedCount: 2,
        page: 2,
        excludedPage: 2,
        pageSize: 1,
      });
      expect(paged.candidates.map((c) => c.householdId)).toEqual([ids.longest]);
      expect(paged.excluded).toHaveLength(1);
      expect(new Set((await reads()).filter((r) => !earlier.has(r.id)).map((r) => r.householdId))).toEqual(
        new Set([ids.longest, paged.excluded[0]!.householdId]),
      );
      const bad = await call(caseworker, 'GET', `/api/vacancies/${vacancyId}/candidates?pageSize=500`);
      expect(bad.statusCode).toBe(400);
    });

    it('is read by the pool holders of the vacancy’s département only', async () => {
      expect((await call(landlord, 'GET', `/api/vacancies/${vacancyId}/candidates`)).statusCode).toBe(403);
      expect((await call(farWorker, 'GET', `/api/vacancies/${vacancyId}/candidates`)).statusCode).toBe(404);
      const siao = await candidates(siaoWorker);
      // The SIAO is no party to these households: it sees how many, not who.
      expect(siao).toMatchObject({
        considered: 5,
        eligible: 3,
        candidates: [],
        excluded: [],
        canDesignate: false,
      });
      const other = await candidates(otherPool);
      expect(other.candidates.map((c) => c.householdId)).toEqual([ids.otherPool]);
    });
  });

  describe('the territory’s policy', () => {
    it('starts from the default policy, which only the SIAO’s coordinators adopt', async () => {
      const policy = (await ok(await call(caseworker, 'GET', '/api/matching/policy'))) as TMatchingPolicy;
      expect(policy).toMatchObject({
        territoryName: 'Moselle',
        inForce: { version: 0, params: DEFAULT_POLICY, adoptedAt: null },
        history: [],
        canAdopt: false,
      });
      const refused = await call(caseworker, 'POST', '/api/matching/policy', {
        params: DEFAULT_POLICY,
        note: 'Essai',
        basedOnVersion: 0,
      });
      expect(refused.statusCode).toBe(403);
      expect((await call(landlord, 'GET', '/api/matching/policy')).statusCode).toBe(403);
    });

    it('shows who moves before a change, then adopts it as a new version', async () => {
      const noDalo = { ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, dalo: 0 } };
      const impact = (await ok(
        await call(caseworker, 'POST', '/api/matching/policy/preview', { params: noDalo }),
      )) as TPolicyImpact;
      expect(impact).toMatchObject({ vacancies: 1, households: 5, changes: ['DALO : 100 points → 0 point'] });
      const moved = Object.fromEntries(impact.moves.map((m) => [m.householdId, m]));
      // Named by file number and reference person, as the pool lists them.
      expect(moved[ids.dalo]).toMatchObject({
        fileLabel: expect.stringMatching(/^M-\d{6}$/),
        name: 'Hélène Dupré',
      });
      expect(moved[ids.dalo]!.before.meanRank).toBe(1);
      expect(moved[ids.dalo]!.after.meanRank).toBeGreaterThan(1);
      expect(moved[ids.longest]!.after.meanRank).toBe(1);
      // Nothing is adopted by a preview.
      expect((await candidates()).policyVersion).toBe(0);

      const bad = await call(coordinator, 'POST', '/api/matching/policy', {
        params: { ...noDalo, weights: { ...noDalo.weights, perShelterMonth: -1 } },
        note: '',
        basedOnVersion: 0,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toMatchObject({
        'params.weights.perShelterMonth': 'Par mois en hébergement : 0 point au moins.',
        note: 'Indiquez pourquoi la politique change.',
      });
      const same = await call(coordinator, 'POST', '/api/matching/policy', {
        params: DEFAULT_POLICY,
        note: 'Rien ne change',
        basedOnVersion: 0,
      });
      expect(same.statusCode).toBe(422);

      const adopted = (await ok(
        await call(coordinator, 'POST', '/api/matching/policy', {
          params: noDalo,
          note: 'Le DALO est suivi par la commission de médiation, pas par la cotation.',
          basedOnVersion: 0,
        }),
        201,
      )) as TMatchingPolicy;
      expect(adopted.inForce).toMatchObject({ version: 1, changes: ['DALO : 100 points → 0 point'] });
      expect(adopted.history.map((v) => v.version)).toEqual([0]);
      const stale = await call(coordinator, 'POST', '/api/matching/policy', {
        params: DEFAULT_POLICY,
        note: 'Retour au défaut',
        basedOnVersion: 0,
      });
      expect(stale.statusCode).toBe(409);

      const after = await candidates();
      expect(after.policyVersion).toBe(1);
      expect(after.candidates[0]!.householdId).toBe(ids.longest);
      const [trace] = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'matching_policy.adopt'));
      expect(trace!.details).toMatchObject({ version: 1 });
    });
  });

  it('answers 409 once the vacancy is no longer open', async () => {
    await ok(await call(landlord, 'POST', `/api/vacancies/${vacancyId}/withdraw`, { reason: null }));
    expect((await call(caseworker, 'GET', `/api/vacancies/${vacancyId}/candidates`)).statusCode).toBe(409);
  });
});
