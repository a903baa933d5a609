import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { placeIn } from '../helpers/measure-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import type { THousingProjectView, TPool } from '../../src/shared/contracts/housing-pool.ts';
import type { TVacancy, TVacancyList } from '../../src/shared/contracts/vacancies.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';

const scores = (score: number) => Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score }]));

describe('the pool of households ready to leave and the vacancies', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let associationId: string;
  let siaoWorker: TestSession;
  let landlord: TestSession;
  let landlordId: string;
  let otherLandlord: TestSession;
  let stranger: TestSession;
  let farAssociation: TestSession;
  const userIds: Record<'caseworker' | 'far' | 'stranger', string> = {
    caseworker: '',
    far: '',
    stranger: '',
  };
  let communes: Awaited<ReturnType<typeof makeMetzTerritory>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    communes = await makeMetzTerritory(t.deps.db);
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    associationId = association.org.id;
    caseworker = association.members.caseworker!.session;
    userIds.caseworker = association.members.caseworker!.user.id;
    await placeIn(t.deps.db, associationId, communes.metz);
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoWorker = siao.members.caseworker!.session;
    await placeIn(t.deps.db, siao.org.id, communes.epciId);
    const social = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlordId = social.org.id;
    landlord = social.members.landlord_rental_manager!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager'])).members
      .landlord_rental_manager!.session;
    const strangers = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    stranger = strangers.members.caseworker!.session;
    userIds.stranger = strangers.members.caseworker!.user.id;
    // An association holding a pool in another département: not told of Moselle's vacancies.
    const far = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    farAssociation = far.members.caseworker!.session;
    userIds.far = far.members.caseworker!.user.id;
    const [isere] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: '38', name: 'Isère' })
      .returning();
    await placeIn(t.deps.db, far.org.id, isere!.id);
    const farHousehold = await createHouseholdAs(t, farAssociation, sampleHousehold());
    await assess(farHousehold, 'ready', 3, farAssociation);
    const opened = await call(farAssociation, 'PUT', projectUrl(farHousehold), project({ communeIds: [] }));
    if (opened.statusCode !== 200) throw new Error(`projet : ${opened.body}`);
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const assess = async (householdId: string, opinion: string, score = 3, session = caseworker) => {
    const res = await call(session, 'POST', `/api/households/${householdId}/capacity-assessments`, {
      assessedOn: TODAY,
      scores: scores(score),
      opinion,
      ...(opinion === 'not_yet' || score < 3 ? { overrideReason: 'Avis de l’équipe.' } : {}),
    });
    if (res.statusCode !== 201) throw new Error(`grille : ${res.statusCode} ${res.body}`);
  };
  const project = (over: object = {}) => ({
    typologies: ['t2', 't3'],
    communeIds: [communes.metz],
    accessibilityNeed: 'none',
    supportIntensity: 'light',
    priorityCategories: ['c', 'j'],
    demandRenewalDue: '2026-09-30',
    incomes: [
      { source: 'rfr_n2', year: 2024, annualCents: 1_450_000 },
      { source: 'declared', annualCents: 1_300_000 },
    ],
    ...over,
  });
  const projectUrl = (id: string) => `/api/households/${id}/housing-project`;
  const readyHousehold = async (over = {}) => {
    const id = await createHouseholdAs(t, caseworker, sampleHousehold(over));
    await assess(id, 'ready');
    return id;
  };

  describe('a housing project', () => {
    it('is opened only on a capacity grid confirmed ready, and says why not', async () => {
      const id = await createHouseholdAs(t, caseworker, sampleHousehold());
      const before = (await call(caseworker, 'GET', projectUrl(id))).json() as THousingProjectView;
      expect(before.project).toBeNull();
      expect(before.openRefusal).toMatch(/pas encore de grille/);
      const none = await call(caseworker, 'PUT', projectUrl(id), project());
      expect(none.statusCode).toBe(422);
      expect(none.json().error.message).toMatch(/pas encore de grille/);

      await assess(id, 'not_yet', 2);
      const notYet = await call(caseworker, 'PUT', projectUrl(id), project());
      expect(notYet.statusCode).toBe(422);
      expect(notYet.json().error.message).toMatch(/pas encore prêt/);

      await assess(id, 'ready_with_support', 2);
      const opened = await call(caseworker, 'PUT', projectUrl(id), project());
      expect(opened.statusCode).toBe(200);
      const view = opened.json() as THousingProjectView;
      expect(view.project).toMatchObject({
        poolOrganisation: { id: associationId },
        typologies: ['t2', 't3'],
        communes: [{ id: communes.metz, name: 'Metz' }],
        readinessAtOpening: 'ready_with_support',
        openedOn: TODAY,
        consent: null,
        proposable: false,
        rowVersion: 1,
      });
      // The file's facts are read, not copied: the entry in shelter, DALO and the numéro unique.
      expect(view.facts).toMatchObject({
        applicationNumber: '0751224ABC12',
        housingSince: '2025-06-01',
        daloRecognised: true,
        daysInShelter: 282,
        demandState: 'valid',
      });
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.householdId, id), eq(auditLog.action, 'housing_project.open')));
      expect(entry).toBeDefined();
    });

    it('is edited at the version read, with French errors field by field', async () => {
      const id = await readyHousehold();
      await call(caseworker, 'PUT', projectUrl(id), project());
      const stale = await call(caseworker, 'PUT', projectUrl(id), project({ rowVersion: null }));
      expect(stale.statusCode).toBe(409);
      const bad = await call(
        caseworker,
        'PUT',
        projectUrl(id),
        project({
          rowVersion: 1,
          communeIds: [communes.epciId],
          incomes: [{ source: 'rfr_n1', year: 2023, annualCents: 1_000_000 }],
        }),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual({
        communeIds: 'Commune inconnue : choisissez-la dans la liste.',
        'incomes.0.year': 'Année 2025 attendue pour cette source.',
      });
      const schema = await call(
        caseworker,
        'PUT',
        projectUrl(id),
        project({ rowVersion: 1, typologies: [] }),
      );
      expect(schema.statusCode).toBe(400);
      expect(schema.json().error.fields.typologies).toBe('Choisissez au moins une typologie.');
      const edited = await call(
        caseworker,
        'PUT',
        projectUrl(id),
        project({ rowVersion: 1, typologies: ['t4'], demandRenewalDue: '2026-03-20' }),
      );
      expect(edited.statusCode).toBe(200);
      expect(edited.json().project.rowVersion).toBe(2);
      expect(edited.json().facts.demandState).toBe('expiring');
    });

    it('refuses a renewal date when the file has no numéro unique', async () => {
      const id = await readyHousehold({ applicationNumber: undefined });
      const res = await call(caseworker, 'PUT', projectUrl(id), project());
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.demandRenewalDue).toMatch(/numéro unique/);
    });

    it('records the consent to be proposed, and its withdrawal', async () => {
      const id = await readyHousehold();
      const early = await call(caseworker, 'POST', `${projectUrl(id)}/consent`, {
        givenOn: TODAY,
        method: 'signed_form',
      });
      expect(early.statusCode).toBe(409);
      await call(caseworker, 'PUT', projectUrl(id), project());
      const future = await call(caseworker, 'POST', `${projectUrl(id)}/consent`, {
        givenOn: '2026-04-01',
        method: 'signed_form',
      });
      expect(future.statusCode).toBe(400);
      const given = await call(caseworker, 'POST', `${projectUrl(id)}/consent`, {
        givenOn: TODAY,
        method: 'signed_form',
      });
      expect(given.statusCode).toBe(200);
      expect(given.json().project).toMatchObject({ proposable: true, consent: { givenOn: TODAY } });
      const twice = await call(caseworker, 'POST', `${projectUrl(id)}/consent`, {
        givenOn: TODAY,
        method: 'signed_form',
      });
      expect(twice.statusCode).toBe(409);
      const withdrawn = await call(caseworker, 'POST', `${projectUrl(id)}/consent/withdraw`, {
        withdrawnOn: TODAY,
        reason: 'Souhaite attendre la fin de sa formation.',
      });
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().project).toMatchObject({
        proposable: false,
        consent: { withdrawnOn: TODAY, withdrawalReason: 'Souhaite attendre la fin de sa formation.' },
      });
    });

    it('is the household’s parties’ social workers’ alone', async () => {
      const id = await readyHousehold();
      await call(caseworker, 'PUT', projectUrl(id), project());
      await consentToLandlord(t, caseworker, id, landlordId);
      expect((await call(landlord, 'GET', projectUrl(id))).statusCode).toBe(403);
      expect((await call(stranger, 'GET', projectUrl(id))).statusCode).toBe(404);
      expect((await call(stranger, 'PUT', projectUrl(id), project({ rowVersion: 1 }))).statusCode).toBe(404);
    });
  });

  describe('the pool', () => {
    it('lists the holder’s households, filtered, the longest in shelter first, each read audited', async () => {
      const old = await readyHousehold({
        housingSince: '2023-01-15',
        daloRecognised: false,
        daloDecisionDate: undefined,
      });
      const recent = await readyHousehold({ housingSince: '2026-01-05' });
      await call(caseworker, 'PUT', projectUrl(old), project({ typologies: ['t1'], priorityCategories: [] }));
      await call(caseworker, 'PUT', projectUrl(recent), project({ demandRenewalDue: '2026-03-01' }));
      await call(caseworker, 'POST', `${projectUrl(recent)}/consent`, {
        givenOn: TODAY,
        method: 'signed_form',
      });

      const pool = (await call(caseworker, 'GET', '/api/housing-pool')).json() as TPool;
      const ids = pool.items.map((e) => e.householdId);
      expect(ids.indexOf(old)).toBeLessThan(ids.indexOf(recent));
      expect(pool.items[0]!.householdId).toBe(old);
      const recentEntry = pool.items.find((e) => e.householdId === recent)!;
      expect(recentEntry).toMatchObject({
        demandState: 'expired',
        proposable: true,
        readiness: 'ready',
        persons: 2,
        name: 'Hélène Dupré',
        communes: ['Metz'],
      });
      expect(pool.items.find((e) => e.householdId === old)!.proposable).toBe(false);

      const t1 = (await call(caseworker, 'GET', '/api/housing-pool?typology=t1')).json() as TPool;
      expect(t1.items.map((e) => e.householdId)).toContain(old);
      expect(t1.items.map((e) => e.householdId)).not.toContain(recent);
      const expiring = (await call(caseworker, 'GET', '/api/housing-pool?demand=expiring')).json() as TPool;
      expect(expiring.items.map((e) => e.householdId)).toContain(recent);
      expect(expiring.items.map((e) => e.householdId)).not.toContain(old);
      const dalo = (await call(caseworker, 'GET', '/api/housing-pool?priority=dalo')).json() as TPool;
      expect(dalo.items.map((e) => e.householdId)).not.toContain(old);
      const woippy = (
        await call(caseworker, 'GET', `/api/housing-pool?communeId=${communes.woippy}`)
      ).json() as TPool;
      expect(woippy.items).toEqual([]);
      const bad = await call(caseworker, 'GET', '/api/housing-pool?priority=zz');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.priority).toBe('Priorité inconnue.');

      const reads = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.householdId, old), eq(auditLog.action, 'household.housing_project.read')));
      expect(reads.length).toBeGreaterThanOrEqual(2);
    });

    it('is held by a SIAO or an association: others are refused, another pool is empty', async () => {
      expect((await call(landlord, 'GET', '/api/housing-pool')).statusCode).toBe(403);
      expect((await call(stranger, 'GET', '/api/housing-pool')).json().items).toEqual([]);
      expect((await call(siaoWorker, 'GET', '/api/housing-pool')).json().total).toBe(0);
    });
  });

  describe('vacancies', () => {
    let dwellingId: string;
    const newDwelling = async (over: object = {}, session = landlord) => {
      const res = await call(session, 'POST', '/api/dwellings', {
        address: `${Math.floor(Math.random() * 900) + 1} rue Serpenoise, 57000 Metz`,
        communeId: communes.metz,
        typology: 't3',
        surfaceM2: 64,
        financing: 'plus',
        rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 48_000, monthlyChargesCents: 9_500 },
        ...over,
      });
      if (res.statusCode !== 201) throw new Error(`logement : ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const publish = (over: object = {}, session = landlord) =>
      call(session, 'POST', '/api/vacancies', {
        dwellingId,
        channel: 'prefectoral',
        answerBy: '2026-03-20',
        visitDetails: 'Visite avec la gardienne, sur rendez-vous.',
        visitDates: ['2026-03-12', '2026-03-13'],
        ...over,
      });

    beforeAll(async () => {
      dwellingId = await newDwelling();
    });

    it('publishes a free dwelling with its rent in force and tells the pool holders of the département', async () => {
      const res = await publish();
      expect(res.statusCode).toBe(201);
      const vacancy = res.json() as TVacancy;
      expect(vacancy).toMatchObject({
        status: 'open',
        channel: 'prefectoral',
        monthlyRentCents: 48_000,
        monthlyChargesCents: 9_500,
        visitDates: ['2026-03-12', '2026-03-13'],
        dwelling: { id: dwellingId, commune: 'Metz', typology: 't3' },
        canEnd: true,
      });
      const told = await t.deps.db
        .select({ userId: notifications.userId, title: notifications.title })
        .from(notifications)
        .where(like(notifications.kind, 'vacancy.published'));
      const toldIds = told.map((n) => n.userId);
      expect(toldIds).toContain(userIds.caseworker);
      expect(toldIds).not.toContain(userIds.far);
      expect(toldIds).not.toContain(userIds.stranger);
      expect(told[0]!.title).toBe('Logement vacant : T3 Metz');

      const open = (await call(caseworker, 'GET', '/api/vacancies')).json() as TVacancyList;
      expect(open.canPublish).toBe(false);
      expect(open.items.map((v) => v.id)).toContain(vacancy.id);
      expect(open.items.find((v) => v.id === vacancy.id)!.canEnd).toBe(false);
      const far = (await call(farAssociation, 'GET', '/api/vacancies')).json() as TVacancyList;
      expect(far.items).toEqual([]);

      // One vacancy: its landlord and the pool holders of its département; others as if unknown.
      const one = `/api/vacancies/${vacancy.id}`;
      expect((await call(landlord, 'GET', one)).json()).toMatchObject({ id: vacancy.id, canEnd: true });
      expect((await call(caseworker, 'GET', one)).json()).toMatchObject({ id: vacancy.id, canEnd: false });
      expect((await call(farAssociation, 'GET', one)).statusCode).toBe(404);
      expect((await call(otherLandlord, 'GET', one)).statusCode).toBe(404);
      expect((await call(stranger, 'GET', one)).statusCode).toBe(404);
    });

    it('refuses a second open vacancy, a let dwelling, no rent, past dates, another landlord’s dwelling', async () => {
      const twice = await publish();
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toMatch(/déjà une vacance ouverte, publiée le 10\/03\/2026/);

      const let_ = await newDwelling({ status: 'let' });
      const letRes = await publish({ dwellingId: let_ });
      expect(letRes.statusCode).toBe(409);
      expect(letRes.json().error.message).toBe(
        'Ce logement est loué : seule la vacance d’un logement libre peut être publiée.',
      );

      const noRent = await newDwelling({ rent: null });
      const noRentRes = await publish({ dwellingId: noRent });
      expect(noRentRes.statusCode).toBe(422);
      expect(noRentRes.json().error.message).toMatch(/pas de loyer en vigueur/);

      const free = await newDwelling();
      const past = await publish({ dwellingId: free, answerBy: '2026-03-01', visitDates: ['2026-03-05'] });
      expect(past.statusCode).toBe(400);
      expect(past.json().error.fields).toEqual({
        answerBy: 'La date limite de réponse ne peut pas être passée.',
        'visitDates.0': 'Une date de visite ne peut pas être passée.',
      });
      const late = await publish({ dwellingId: free, visitDates: ['2026-03-25'] });
      expect(late.json().error.fields['visitDates.0']).toMatch(/au plus tard/);

      expect((await publish({}, otherLandlord)).statusCode).toBe(404);
      expect((await publish({ dwellingId: free }, caseworker)).statusCode).toBe(403);
      const channel = await publish({ dwellingId: free, channel: 'inconnu' });
      expect(channel.json().error.fields.channel).toBe('Contingent inconnu.');
    });

    it('is withdrawn or closed by its landlord only, once', async () => {
      const list = (await call(landlord, 'GET', '/api/vacancies')).json() as TVacancyList;
      const open = list.items.find((v) => v.status === 'open')!;
      expect(list.canPublish).toBe(true);
      expect((await call(otherLandlord, 'POST', `/api/vacancies/${open.id}/withdraw`, {})).statusCode).toBe(
        404,
      );
      expect((await call(caseworker, 'POST', `/api/vacancies/${open.id}/close`, {})).statusCode).toBe(403);
      const withdrawn = await call(landlord, 'POST', `/api/vacancies/${open.id}/withdraw`, {
        reason: 'Logement repris pour une mutation interne.',
      });
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canEnd: false });
      const again = await call(landlord, 'POST', `/api/vacancies/${open.id}/close`, {});
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('Cette vacance a déjà été retirée.');
      const seen = (await call(caseworker, 'GET', '/api/vacancies')).json() as TVacancyList;
      expect(seen.items.map((v) => v.id)).not.toContain(open.id);
      // Withdrawn, the dwelling may be published again.
      expect((await publish()).statusCode).toBe(201);
      expect((await call(otherLandlord, 'GET', '/api/vacancies')).json().items).toEqual([]);
    });

    it('is no business of a funder', async () => {
      const funder = (await makeOrgWithUsers(t.deps, 'funder', ['funder_officer'])).members.funder_officer!
        .session;
      expect((await call(funder, 'GET', '/api/vacancies')).statusCode).toBe(403);
    });
  });
});
