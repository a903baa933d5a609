import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { makeDepartement, makeFunder, measureTo, placeIn, sessionAs } from '../helpers/measure-fixtures.ts';

interface Measure {
  id: string;
  status: string;
  rowVersion: number;
  plannedEndOn: string | null;
  renewals: number;
  totalMonths: number;
  initialMonths: number;
  schemeVersionFrom: string;
  criteriaMet?: string[];
  events?: { label: string; detail: string | null }[];
  refusalReason: string | null;
  orientationDetail: string | null;
  caseworkerName: string | null;
  canAct: boolean;
  briques: { code: string; label: string }[];
}

describe('support measures', () => {
  let t: TestApp;
  let funderAdmin: TestSession;
  let funderOfficer: TestSession;
  let otherFunder: TestSession;
  let cw: TestSession;
  let cwId: string;
  let cw2Id: string;
  let manager: TestSession;
  let assocId: string;
  let landlord: TestSession;
  let landlordId: string;
  let stranger: TestSession;
  let householdId: string;
  const schemes: Record<string, string> = {};

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const measuresUrl = (id = householdId) => `/api/households/${id}/measures`;
  async function ok<T = Measure>(res: Awaited<ReturnType<typeof call>>): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const proposal = (scheme: string, extra: object = {}) => ({
    schemeId: schemes[scheme],
    operatorOrganisationId: assocId,
    caseworkerUserId: cwId,
    briques: ['2.1', '2.3'],
    visitsPerMonth: 2,
    occupancy: 'direct_lease_with_support',
    ...extra,
  });
  const propose = (scheme: string, extra: object = {}, hh = householdId) =>
    call(cw, 'POST', measuresUrl(hh), proposal(scheme, extra));
  const act = (m: Measure, verb: string, body: object, hh = householdId) =>
    call(cw, 'POST', `${measuresUrl(hh)}/${m.id}/${verb}`, { rowVersion: m.rowVersion, ...body });
  const decide = (m: Measure, body: object, as = funderOfficer) =>
    call(as, 'POST', `/api/funder/measures/${m.id}/decision`, { rowVersion: m.rowVersion, ...body });

  /** Proposed, prescribed, validated and started on `startOn`. */
  const running = (scheme: string, startOn: string, hh = householdId, extra: object = {}) =>
    measureTo<Measure>(t, {
      cw,
      officer: funderOfficer,
      householdId: hh,
      body: proposal(scheme, extra),
      until: 'active',
      prescribedOn: TODAY,
      decidedOn: TODAY,
      startOn,
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, [
      'avdl',
      'fsl-acces',
      'fsl-mesures-specifiques',
      'asll-maintien',
    ]);
    funderAdmin = funder.admin;
    funderOfficer = funder.officer;
    Object.assign(schemes, funder.schemes);
    const other = await makeOrganisation(t.deps.db, 'funder', 'Autre financeur');
    await placeIn(t.deps.db, other.id, dep.id);
    otherFunder = await sessionAs(t, other.id, ['funder_officer', 'admin']);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    await placeIn(t.deps.db, assoc.id, dep.id);
    cwId = (
      await makeUser(t.deps.db, {
        organisationId: assoc.id,
        roles: ['caseworker'],
        fullName: 'Camille Roussel',
      })
    ).id;
    cw = await sessionFor(t.deps, cwId, assoc.id);
    cw2Id = (
      await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'], fullName: 'Yanis Morel' })
    ).id;
    manager = await sessionAs(t, assoc.id, ['team_manager']);
    const l = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlordId = l.id;
    landlord = await sessionAs(t, l.id, ['landlord_social_advisor']);
    const s = await makeOrganisation(t.deps.db, 'association');
    stranger = await sessionAs(t, s.id, ['caseworker']);
    householdId = await createHouseholdAs(t, cw, sampleHousehold());
    await consentToLandlord(t, cw, householdId, landlordId);
  });
  afterAll(() => t.close());

  describe('scheme catalogue', () => {
    it('lists the département’s schemes with their version in force and who may edit them', async () => {
      const mine = await ok<{
        items: { code: string; editable: boolean; current: { rules: { maxRenewals: number } } }[];
      }>(await call(funderAdmin, 'GET', '/api/measure-schemes'));
      const avdl = mine.items.find((s) => s.code === 'avdl')!;
      expect(avdl.current.rules.maxRenewals).toBe(2);
      expect(avdl.editable).toBe(true);
      const seen = await ok<{ items: { code: string; editable: boolean }[] }>(
        await call(cw, 'GET', '/api/measure-schemes'),
      );
      expect(seen.items.map((s) => s.code)).toContain('fsl-acces');
      expect(seen.items.every((s) => !s.editable)).toBe(true);
    });

    it('leaves schemes to the funder’s administrators, one short name per département', async () => {
      const body = {
        code: 'fsl-acces',
        name: 'FSL accès',
        kind: 'access',
        effectiveFrom: '2026-01-01',
        rules: {
          initialMonths: 6,
          renewalMonths: 6,
          maxRenewals: 1,
          maxTotalMonths: 12,
          criteria: null,
          validationAfter: null,
        },
        costs: { perMonthCents: 15_000, perMeasureCents: null, perDwellingYearCents: null },
      };
      expect((await call(funderOfficer, 'POST', '/api/measure-schemes', body)).statusCode).toBe(403);
      const dup = await call(funderAdmin, 'POST', '/api/measure-schemes', body);
      expect(dup.statusCode).toBe(400);
      expect(dup.json().error.fields.code).toMatch(/déjà un dispositif/);
      const bad = await call(funderAdmin, 'POST', '/api/measure-schemes', {
        ...body,
        code: 'Accès FSL',
        rules: { ...body.rules, maxTotalMonths: 3 },
      });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields).sort()).toEqual(['code', 'rules.maxTotalMonths']);
      const foreign = await call(otherFunder, 'POST', `/api/measure-schemes/${schemes.avdl}/versions`, {
        effectiveFrom: '2026-06-01',
        rules: body.rules,
        costs: body.costs,
      });
      expect(foreign.statusCode).toBe(403);
    });
  });

  describe('lifecycle', () => {
    it('runs a measure from proposal to end, with tasks on its deadlines', async () => {
      let m = await ok(await propose('fsl-acces'));
      expect(m).toMatchObject({ status: 'proposed', initialMonths: 6, canAct: true });
      expect(m.briques.map((b) => b.label)).toEqual([
        '2.1 — Aide à la recherche de logement',
        '2.3 — Aide aux premiers pas dans le logement',
      ]);
      const unknown = await propose('fsl-acces', { briques: ['2.1', '9.9'] });
      expect(unknown.json().error.fields.briques).toBe('Brique inconnue du référentiel : 9.9.');
      m = await ok(await act(m, 'prescribe', { prescribedOn: TODAY }));
      expect(m.status).toBe('prescribed');
      const home = await ok<{ pending: { items: { id: string; fileLabel: string }[] } }>(
        await call(funderOfficer, 'GET', '/api/funder/home'),
      );
      expect(home.pending.items.map((p) => p.id)).toContain(m.id);
      expect(JSON.stringify(home)).not.toContain('Dupré');
      expect((await decide(m, { outcome: 'validated', decidedOn: TODAY }, otherFunder)).statusCode).toBe(404);
      expect((await decide(m, { outcome: 'validated', decidedOn: TODAY }, cw)).statusCode).toBe(403);
      m = await ok(await decide(m, { outcome: 'validated', decidedOn: TODAY }));
      expect(m.status).toBe('validated');
      m = await ok(await act(m, 'start', { startOn: '2026-01-31' }));
      expect(m).toMatchObject({ status: 'active', plannedEndOn: '2026-07-31', totalMonths: 6 });
      const tasks = await ok<{
        items: { title: string; dueOn: string; status: string; alertRule: string | null }[];
      }>(await call(cw, 'GET', `/api/households/${householdId}/tasks`));
      // Started, the "set the start date" task is done; the end's deadline is an alert (ADR 0017).
      // Started 38 days back with nothing in the journal: only the no-contact alert is open.
      const open = tasks.items.filter((i) => i.status === 'open' && i.title.includes('FSL accès'));
      expect(open.map((i) => i.alertRule)).toEqual(['no_contact']);
      expect(tasks.items.find((i) => i.title.includes('fixer la date de début'))?.status).toBe('done');

      m = await ok(
        await act(m, 'renew', { evaluation: 'Bail signé, loyers payés : consolider l’autonomie.' }),
      );
      expect(m).toMatchObject({ renewals: 1, totalMonths: 12, plannedEndOn: '2027-01-31' });
      const again = await act(m, 'renew', { evaluation: 'Encore un peu de temps.' });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.message).toMatch(/Nombre de renouvellements/);

      const stale = await act({ ...m, rowVersion: m.rowVersion - 1 }, 'end', {
        endedOn: '2026-12-01',
        endReason: 'objectives_reached',
        orientation: 'none',
      });
      expect(stale.statusCode).toBe(409);
      const noNext = await act(m, 'end', { endedOn: '2026-12-01', endReason: 'objectives_reached' });
      expect(noNext.statusCode).toBe(400);
      expect(noNext.json().error.fields.orientation).toMatch(/sans orientation/);
      const noWatch = await act(m, 'end', {
        endedOn: '2026-12-01',
        endReason: 'objectives_reached',
        orientation: 'watch',
      });
      expect(noWatch.json().error.fields.watchMonths).toBe('Indiquez la durée de la veille.');
      m = await ok(
        await act(m, 'end', {
          endedOn: '2026-12-01',
          endReason: 'objectives_reached',
          orientation: 'watch',
          watchMonths: 24,
        }),
      );
      expect(m).toMatchObject({ status: 'ended', orientationDetail: 'Veille sociale, 24 mois' });
      expect(m.events!.map((e) => e.label)).toEqual([
        'Mesure proposée',
        'Mesure prescrite et transmise au financeur',
        'Validée par le financeur',
        'Début de l’accompagnement',
        'Mesure renouvelée',
        'Fin de la mesure',
      ]);
      const after = await ok<{ items: { title: string; dueOn: string; status: string }[] }>(
        await call(cw, 'GET', `/api/households/${householdId}/tasks`),
      );
      // Ended: its tasks and alerts are closed, and the watch raises no task at its end — its yearly
      // visits and its end are alerts opened when they fall due (watch_visit_due, watch_ending).
      expect(after.items.filter((i) => i.status === 'open' && i.title.includes('FSL accès'))).toEqual([]);
      expect(after.items.some((i) => /veille sociale/.test(i.title))).toBe(false);
    });

    it('refuses with the funder’s reason, shown to the parties', async () => {
      let m = await ok(await propose('asll-maintien'));
      m = await ok(await act(m, 'prescribe', { prescribedOn: TODAY }));
      const noReason = await decide(m, { outcome: 'refused', decidedOn: TODAY });
      expect(noReason.json().error.fields.reason).toBe('Indiquez le motif du refus.');
      m = await ok(
        await decide(m, { outcome: 'refused', decidedOn: TODAY, reason: 'Enveloppe 2026 épuisée.' }),
      );
      expect(m.status).toBe('refused');
      const list = await ok<{ items: Measure[] }>(await call(cw, 'GET', measuresUrl()));
      expect(list.items.find((i) => i.id === m.id)!.refusalReason).toBe('Enveloppe 2026 épuisée.');
      expect((await act(m, 'start', { startOn: TODAY })).statusCode).toBe(409);
    });

    it('gives the funder its waiting measures a page at a time, oldest prescription first', async () => {
      const other = await createHouseholdAs(t, cw, sampleHousehold());
      const later = await ok(
        await act(await ok(await propose('asll-maintien')), 'prescribe', { prescribedOn: TODAY }),
      );
      const earlier = await ok(
        await act(
          await ok(await propose('asll-maintien', {}, other)),
          'prescribe',
          { prescribedOn: '2026-02-02' },
          other,
        ),
      );
      type Home = { pending: { items: { id: string }[]; total: number; page: number; pageSize: number } };
      const page = async (n: number) =>
        (await ok<Home>(await call(funderOfficer, 'GET', `/api/funder/home?page=${n}&pageSize=1`))).pending;
      const [first, second] = [await page(1), await page(2)];
      expect(first).toMatchObject({ page: 1, pageSize: 1, items: [{ id: earlier.id }] });
      expect(first.total).toBeGreaterThanOrEqual(2);
      expect(second.total).toBe(first.total);
      expect(second.items).toHaveLength(1);
      expect(second.items[0]!.id).not.toBe(earlier.id);
      const all = await page(first.total + 1);
      expect(all.items).toEqual([]);
      const ids = await Promise.all(Array.from({ length: first.total }, (_, i) => page(i + 1)));
      expect(ids.flatMap((p) => p.items.map((i) => i.id))).toContain(later.id);
      const tooBig = await call(funderOfficer, 'GET', '/api/funder/home?pageSize=500');
      expect(tooBig.statusCode).toBe(400);
    });
  });

  describe('scheme rules', () => {
    it('refuses too few criteria, naming the rule', async () => {
      const m = await ok(
        await propose('fsl-mesures-specifiques', {
          criteriaMet: ['Problèmes de santé', 'Précarité financière'],
        }),
      );
      const res = await act(m, 'prescribe', { prescribedOn: TODAY });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/Critères d’éligibilité/);
      expect(res.json().error.fields.criteriaMet).toBe(
        'Ce dispositif demande au moins 4 des critères listés : 2 sont retenus.',
      );
      const done = await ok(
        await act(m, 'prescribe', {
          prescribedOn: TODAY,
          criteriaMet: [
            'Problèmes de santé',
            'Précarité financière',
            'Parcours de vie difficile',
            'Parcours logement chaotique',
          ],
        }),
      );
      expect(done.status).toBe('prescribed');
    });

    it('refuses a first period longer than the scheme’s', async () => {
      const m = await ok(await propose('avdl', { initialMonths: 4 }));
      const res = await act(m, 'prescribe', { prescribedOn: TODAY });
      expect(res.json().error.fields.initialMonths).toBe(
        'Ce dispositif se prescrit pour 3 mois au plus : 4 mois sont demandés.',
      );
    });

    it('asks for the State’s validation of an AVDL right after an FSL measure', async () => {
      const hh = await createHouseholdAs(t, cw, sampleHousehold());
      const fsl = await running('fsl-acces', '2026-01-05', hh);
      const relayed = await ok(
        await act(
          fsl,
          'end',
          {
            endedOn: '2026-03-01',
            endReason: 'relay',
            orientation: 'relay',
            relayOrganisationId: landlordId,
          },
          hh,
        ),
      );
      expect(relayed.orientationDetail).toBe('Relais vers une autre organisation : Habitat Lanne');
      const avdl = await ok(await propose('avdl', {}, hh));
      const res = await act(avdl, 'prescribe', { prescribedOn: TODAY }, hh);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/Enchaînement des dispositifs/);
      const validated = await ok(
        await act(
          avdl,
          'prescribe',
          { prescribedOn: TODAY, stateValidationReference: 'DDETS, courriel du 08/03/2026' },
          hh,
        ),
      );
      expect(validated.status).toBe('prescribed');
    });

    it('keeps a running measure on the version it was prescribed under', async () => {
      const hh = await createHouseholdAs(t, cw, sampleHousehold());
      const m = await running('avdl', '2026-03-01', hh, { caseworkerUserId: null });
      const v = await call(funderAdmin, 'POST', `/api/measure-schemes/${schemes.avdl}/versions`, {
        effectiveFrom: '2026-03-01',
        rules: {
          initialMonths: 2,
          renewalMonths: 2,
          maxRenewals: 0,
          maxTotalMonths: null,
          criteria: null,
          validationAfter: null,
        },
        costs: { perMonthCents: 17_000, perMeasureCents: null, perDwellingYearCents: null },
      });
      expect(v.statusCode).toBe(201);
      const renewed = await ok(await act(m, 'renew', { evaluation: 'Accès au logement en cours.' }, hh));
      expect(renewed).toMatchObject({ renewals: 1, totalMonths: 6, schemeVersionFrom: '2026-01-01' });
      const fresh = await ok(await propose('avdl', { caseworkerUserId: null }, hh));
      expect(fresh).toMatchObject({ initialMonths: 2, schemeVersionFrom: '2026-03-01' });
      const same = await call(funderAdmin, 'POST', `/api/measure-schemes/${schemes.avdl}/versions`, {
        effectiveFrom: '2026-03-01',
        rules: {
          initialMonths: 2,
          renewalMonths: 2,
          maxRenewals: 0,
          maxTotalMonths: null,
          criteria: null,
          validationAfter: null,
        },
        costs: { perMonthCents: 17_000, perMeasureCents: null, perDwellingYearCents: null },
      });
      expect(same.json().error.fields.effectiveFrom).toMatch(/commence déjà le 01\/03\/2026/);
    });
  });

  describe('who sees and does what', () => {
    it('shows the landlord the measures without criteria or timeline, and nothing to others', async () => {
      const mine = await ok<{ items: Measure[] }>(await call(cw, 'GET', measuresUrl()));
      expect(mine.items.some((m) => m.criteriaMet && m.events)).toBe(true);
      const seen = await ok<{ items: Measure[] }>(await call(landlord, 'GET', measuresUrl()));
      expect(seen.items.length).toBe(mine.items.length);
      expect(
        seen.items.every((m) => m.criteriaMet === undefined && m.events === undefined && !m.canAct),
      ).toBe(true);
      expect((await call(stranger, 'GET', measuresUrl())).statusCode).toBe(404);
      const body = { schemeId: schemes.avdl, operatorOrganisationId: assocId };
      expect((await call(landlord, 'POST', measuresUrl(), body)).statusCode).toBe(403);
      expect((await call(stranger, 'POST', measuresUrl(), body)).statusCode).toBe(404);
    });
  });

  describe('référent and caseload', () => {
    it('warns before taking a caseworker over capacity, and needs a relay note', async () => {
      const hh = await createHouseholdAs(t, cw, sampleHousehold());
      const m = await ok(await propose('fsl-acces', { caseworkerUserId: null }, hh));
      expect(
        (await call(cw, 'PUT', `/api/caseloads/${cw2Id}`, { accessCapacity: 0, maintenanceCapacity: 16 }))
          .statusCode,
      ).toBe(403);
      const loads = await ok<{ items: { userId: string; accessCapacity: number }[] }>(
        await call(manager, 'PUT', `/api/caseloads/${cw2Id}`, { accessCapacity: 0, maintenanceCapacity: 16 }),
      );
      expect(loads.items.find((l) => l.userId === cw2Id)!.accessCapacity).toBe(0);
      const noNote = await act(m, 'caseworker', { caseworkerUserId: cw2Id }, hh);
      expect(noNote.json().error.fields.relayNote).toMatch(/note de relais/);
      const over = await act(
        m,
        'caseworker',
        { caseworkerUserId: cw2Id, relayNote: 'Camille part en congé.' },
        hh,
      );
      expect(over.statusCode).toBe(409);
      expect(over.json().error.code).toBe('OVER_CAPACITY');
      expect(over.json().error.message).toMatch(/Yanis Morel suit déjà 0 ménage.*capacité de 0/);
      const done = await ok(
        await act(
          m,
          'caseworker',
          { caseworkerUserId: cw2Id, relayNote: 'Camille part en congé.', confirmOverCapacity: true },
          hh,
        ),
      );
      expect(done.caseworkerName).toBe('Yanis Morel');
      expect(done.events!.at(-1)).toMatchObject({ label: 'Changement de référent' });
      const after = await ok<{ items: { userId: string; accessHouseholds: number }[] }>(
        await call(manager, 'GET', '/api/caseloads'),
      );
      expect(after.items.find((l) => l.userId === cw2Id)!.accessHouseholds).toBe(0);
    });
  });

  describe('the funder’s programmes', () => {
    it('counts measures, months and euros consumed and committed', async () => {
      const res = await call(
        funderAdmin,
        'POST',
        `/api/measure-schemes/${schemes['asll-maintien']}/programmes`,
        {
          name: 'ASLL 2026',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          budgetMeasures: 40,
          budgetCents: 6_720_000,
        },
      );
      expect(res.statusCode).toBe(201);
      const hh = await createHouseholdAs(t, cw, sampleHousehold());
      await running('asll-maintien', '2026-01-15', hh, { caseworkerUserId: null });
      const home = await ok<{
        programmes: {
          name: string;
          measures: number;
          monthsConsumed: number;
          monthsCommitted: number;
          centsConsumed: number;
          centsCommitted: number;
        }[];
      }>(await call(funderOfficer, 'GET', '/api/funder/home'));
      // Started 15 January, seen on 10 March: three months begun; 12 months until 14 January 2027, 12 of them in 2026.
      expect(home.programmes.find((p) => p.name === 'ASLL 2026')).toMatchObject({
        measures: 1,
        monthsConsumed: 2,
        monthsCommitted: 12,
        centsConsumed: 28_000,
        centsCommitted: 168_000,
      });
    });
  });
});
