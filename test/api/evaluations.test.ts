import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { completeDiagnostic } from '../helpers/diagnostic-fixtures.ts';
import { makeDepartement, makeFunder, measureTo, sessionAs } from '../helpers/measure-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { scribbleSignaturePng } from '../../src/demo/signature-png.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { evaluationsDue } from '../../src/modules/evaluations/index.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import { addDays } from '../../src/shared/time.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import type {
  TEvaluation,
  TEvaluationList,
  TPartnerEvaluation,
  TSharedEvaluation,
} from '../../src/shared/contracts/evaluations.ts';
import type { TMeasure } from '../../src/shared/contracts/measures.ts';
import {
  COMMENT_REQUIRED,
  GRID_REQUIRED,
  NEXT_STEP_REQUIRED,
  OUTCOME_REQUIRED,
} from '../../src/shared/evaluations/evaluation.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

// Caseworker-only values: none may reach a partner version, its answer or its PDF.
const SECRETS = ['Rechute dépressive', 'Reprendre les soins au CMP', 'Conflit avec l’ex-conjoint', 'Fragile'];
const HOUSING = {
  title: 'Payer le loyer chaque mois',
  indicator: 'Quittances',
  targetDate: '2026-09-30',
  briques: ['3.3'],
};
const HEALTH = {
  title: 'Reprendre les soins au CMP',
  indicator: 'Rendez-vous',
  targetDate: '2026-09-30',
  briques: ['2.6'],
};
const scores = (n: 1 | 2 | 3 | 4, comment = '') =>
  Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: n, comment }]));

describe('evaluations', () => {
  let t: TestApp;
  let cw: TestSession;
  let landlord: TestSession;
  let siao: TestSession;
  let officer: TestSession;
  let otherFunder: TestSession;
  let householdId: string;
  let schemeId: string;
  let assocId: string;
  let relayId: string;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const base = `/api/households/{h}/evaluations`;
  const evalUrl = (id: string, action = '') => `${base.replace('{h}', householdId)}/${id}${action}`;
  const list = async (s: TestSession) =>
    ok<TEvaluationList>(await call(s, 'GET', `/api/households/${householdId}/evaluations`));

  /** A running measure whose contract in force has a housing objective and a health one. */
  async function runningMeasure(): Promise<TMeasure> {
    const m = await measureTo<TMeasure>(t, {
      cw,
      officer,
      householdId,
      body: { schemeId, operatorOrganisationId: assocId, briques: ['2.4'] },
      until: 'active',
      prescribedOn: TODAY,
      decidedOn: TODAY,
      startOn: TODAY,
    });
    const url = `/api/households/${householdId}/measures/${m.id}/contract`;
    let c = (await ok<{ contract: { rowVersion: number } }>(await call(cw, 'POST', url))).contract;
    c = (
      await ok<{ contract: { rowVersion: number } }>(
        await call(cw, 'PUT', url, {
          rowVersion: c.rowVersion,
          objectives: [HOUSING, HEALTH],
          commitments: { household: [], landlord: [], association: ['Rencontrer le ménage chaque mois.'] },
          modalities: { visitsPerMonth: 1, place: 'home', monthlyReview: true },
          clauses: [],
        }),
      )
    ).contract;
    c = (
      await ok<{ contract: { rowVersion: number } }>(
        await call(cw, 'POST', `${url}/household-signature`, {
          rowVersion: c.rowVersion,
          method: 'typed',
          typedName: 'Hélène Dupré',
        }),
      )
    ).contract;
    for (const s of [cw, landlord])
      c = (
        await ok<{ contract: { rowVersion: number } }>(
          await call(s, 'POST', `${url}/partner-signature`, { rowVersion: c.rowVersion }),
        )
      ).contract;
    return m;
  }
  const prepare = (measureId: string, kind: 'interim' | 'final', s = cw) =>
    call(s, 'POST', `/api/households/${householdId}/measures/${measureId}/evaluations`, { kind });
  const complete = (e: TEvaluation, extra: object = {}) => ({
    rowVersion: e.rowVersion,
    objectives: [
      {
        ...e.content.objectives[0]!,
        outcome: 'partly',
        comment: 'Rechute dépressive en mars, deux mois de retard.',
      },
      { ...e.content.objectives[1]!, outcome: 'reached', comment: 'Conflit avec l’ex-conjoint apaisé.' },
    ],
    grid: { ...scores(3, 'Fragile'), upkeep: { score: 4, comment: '' } },
    nextStep: null,
    partnerNote: 'Le loyer courant est réglé depuis avril.',
    notes: 'Fragile ; voir le CMP.',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['asll-maintien']);
    schemeId = funder.schemes['asll-maintien']!;
    officer = funder.officer;
    const other = await makeFunder(t, dep.id, [], undefined, 'Autre financeur');
    otherFunder = other.officer;
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    cw = await sessionAs(t, assoc.id, ['caseworker'], 'Camille Roussel');
    const l = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlord = await sessionAs(t, l.id, ['landlord_social_advisor'], 'Paul Bailly');
    const s = await makeOrganisation(t.deps.db, 'siao', 'SIAO de Lanne');
    siao = await sessionAs(t, s.id, ['caseworker']);
    relayId = (await makeOrganisation(t.deps.db, 'association', 'Relais Solidarité')).id;
    householdId = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '4 rue des Ormes', landlordOrganisationId: l.id },
      }),
    );
    await consentToLandlord(t, cw, householdId, l.id);
    await ok(
      await call(cw, 'POST', `/api/households/${householdId}/consents`, {
        organisationId: s.id,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      }),
    );
    // The diagnostic and its grid: the change is measured from it.
    const d = await ok<{ id: string }>(
      await call(cw, 'POST', `/api/households/${householdId}/diagnostics`, { content: completeDiagnostic() }),
    );
    await ok(
      await call(cw, 'POST', `/api/households/${householdId}/capacity-assessments`, {
        assessedOn: '2026-01-10',
        scores: scores(2),
        opinion: 'ready_with_support',
        diagnosticId: d.id,
      }),
    );
  });
  afterAll(() => t.close());

  it('prepares a draft from the contract’s objectives and the diagnostic’s grid; one per kind and period', async () => {
    const m = await runningMeasure();
    expect((await prepare(m.id, 'interim', landlord)).statusCode).toBe(403);
    expect((await prepare(m.id, 'interim', siao)).statusCode).toBe(403);
    const res = await prepare(m.id, 'interim');
    expect(res.statusCode).toBe(201);
    const e = res.json() as TEvaluation;
    expect(e).toMatchObject({
      measureId: m.id,
      kind: 'interim',
      status: 'draft',
      periodStart: TODAY,
      baselineAssessedOn: '2026-01-10',
      preparedByName: 'Camille Roussel',
    });
    expect(e.content.objectives).toEqual([
      { title: HOUSING.title, briques: ['3.3'], outcome: null, comment: '' },
      { title: HEALTH.title, briques: ['2.6'], outcome: null, comment: '' },
    ]);
    expect(e.content.grid).toEqual(scores(2));
    expect(e.axes.map((a) => a.change)).toEqual([0, 0, 0]);
    expect(e.gaps).toEqual({
      'objectives.0.outcome': OUTCOME_REQUIRED,
      'objectives.1.outcome': OUTCOME_REQUIRED,
    });
    const again = await prepare(m.id, 'interim');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/existe déjà/);
    // The final one is another evaluation of the same period.
    expect((await prepare(m.id, 'final')).statusCode).toBe(201);
  });

  it('saves at the version read (409 when stale), keeps the contract’s objectives, validates when complete', async () => {
    const m = await runningMeasure();
    let e = (await prepare(m.id, 'final')).json() as TEvaluation;
    const renamed = await call(cw, 'PUT', evalUrl(e.id), {
      ...complete(e),
      objectives: [{ ...complete(e).objectives[0], title: 'Autre' }, complete(e).objectives[1]],
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.fields).toHaveProperty('objectives.0.title');

    e = await ok<TEvaluation>(
      await call(cw, 'PUT', evalUrl(e.id), {
        ...complete(e),
        objectives: [{ ...complete(e).objectives[0], comment: '' }, complete(e).objectives[1]],
        grid: null,
      }),
    );
    const stale = await call(cw, 'PUT', evalUrl(e.id), complete({ ...e, rowVersion: e.rowVersion - 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const incomplete = await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toEqual({
      'objectives.0.comment': COMMENT_REQUIRED,
      grid: GRID_REQUIRED,
      nextStep: NEXT_STEP_REQUIRED,
    });

    e = await ok<TEvaluation>(
      await call(
        cw,
        'PUT',
        evalUrl(e.id),
        complete(e, { nextStep: { step: 'relay', relayOrganisationId: relayId } }),
      ),
    );
    expect(e.gaps).toEqual({});
    expect(e.relayOrganisationName).toBe('Relais Solidarité');
    expect(e.axes.find((a) => a.axis === 'occupy')).toMatchObject({ before: 2, now: 3.25, change: 1.25 });
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion }),
    );
    expect(e).toMatchObject({ status: 'validated', validatedByName: 'Camille Roussel' });
    const frozen = await call(cw, 'PUT', evalUrl(e.id), complete(e));
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('INVALID_STATE');
  });

  it('derives, previews and shares the landlord and funder versions; each partner reads only its own', async () => {
    const m = await runningMeasure();
    let e = (await prepare(m.id, 'interim')).json() as TEvaluation;
    e = await ok<TEvaluation>(await call(cw, 'PUT', evalUrl(e.id), complete(e)));
    // Not before validation.
    const early = await call(cw, 'POST', evalUrl(e.id, '/share'), {
      rowVersion: e.rowVersion,
      audience: 'landlord',
    });
    expect(early.statusCode).toBe(409);
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion }),
    );

    // Before sharing, the partners see nothing: the list holds no version, the full one is a 404.
    expect((await list(landlord)).shared.filter((s) => s.evaluationId === e.id)).toEqual([]);
    expect((await call(landlord, 'GET', evalUrl(e.id, '/preview?audience=landlord'))).statusCode).toBe(404);
    expect((await call(landlord, 'GET', evalUrl(e.id, '/pdf?version=landlord'))).statusCode).toBe(404);
    expect(
      (await ok<{ items: TSharedEvaluation[] }>(await call(officer, 'GET', '/api/funder/evaluations'))).items,
    ).toEqual([]);

    const preview = await ok<TPartnerEvaluation>(
      await call(cw, 'GET', evalUrl(e.id, '/preview?audience=landlord')),
    );
    expect(preview).toEqual({
      audience: 'landlord',
      kind: 'interim',
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      objectives: [{ title: HOUSING.title, outcome: 'partly' }],
      nextStep: null,
      partnerNote: 'Le loyer courant est réglé depuis avril.',
    });
    const funderPreview = await ok<TPartnerEvaluation>(
      await call(cw, 'GET', evalUrl(e.id, '/preview?audience=funder')),
    );
    expect(funderPreview).toMatchObject({
      audience: 'funder',
      outcomes: { objectives: 2, reached: 1, partly: 1, not_reached: 0 },
    });
    for (const secret of SECRETS) {
      expect(JSON.stringify(preview)).not.toContain(secret);
      expect(JSON.stringify(funderPreview)).not.toContain(secret);
    }

    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/share'), { rowVersion: e.rowVersion, audience: 'landlord' }),
    );
    expect(e.status).toBe('shared');
    expect(e.shares).toEqual([
      { audience: 'landlord', organisationName: 'Habitat Lanne', sharedAt: NOW.toISOString() },
    ]);
    const landlordList = await call(landlord, 'GET', `/api/households/${householdId}/evaluations`);
    const mine = (landlordList.json() as TEvaluationList).shared.filter((s) => s.evaluationId === e.id);
    expect(mine.map((s) => s.version)).toEqual([preview]);
    expect((landlordList.json() as TEvaluationList).evaluations).toEqual([]);
    for (const secret of SECRETS) expect(landlordList.body).not.toContain(secret);
    // The SIAO, a party of the file, receives no version.
    expect((await list(siao)).shared.filter((s) => s.evaluationId === e.id)).toEqual([]);

    // The landlord's PDF: its version exactly, in French, without a caseworker-only value.
    const pdf = await call(
      landlord,
      'GET',
      `/api/households/${householdId}/evaluation-shares/${mine[0]!.id}/pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Bilan d’étape — version bailleur');
    expect(text).toContain(HOUSING.title);
    expect(text).toContain('Partiellement atteint');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|partly|landlord/);
    // The SIAO is refused the landlord's version.
    expect(
      (await call(siao, 'GET', `/api/households/${householdId}/evaluation-shares/${mine[0]!.id}/pdf`))
        .statusCode,
    ).toBe(403);

    // The funder version goes to the scheme's funder only.
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/share'), { rowVersion: e.rowVersion, audience: 'funder' }),
    );
    const funded = await call(officer, 'GET', '/api/funder/evaluations');
    const items = (funded.json() as { items: TSharedEvaluation[] }).items.filter(
      (s) => s.evaluationId === e.id,
    );
    expect(items.map((s) => s.version)).toEqual([funderPreview]);
    expect(items[0]!.measureName).toBe('ASLL maintien');
    for (const secret of SECRETS) expect(funded.body).not.toContain(secret);
    expect(funded.body).not.toContain(HOUSING.title);
    const funderPdf = await call(officer, 'GET', `/api/funder/evaluation-shares/${items[0]!.id}/pdf`);
    expect(funderPdf.statusCode).toBe(200);
    const funderText = pdfText(funderPdf.rawPayload);
    expect(funderText).toContain('Bilan d’étape — version financeur');
    expect(funderText).toContain('+1,25');
    for (const secret of [...SECRETS, HOUSING.title]) expect(funderText).not.toContain(secret);
    // Neither reads the other's version, nor another funder.
    expect(
      (await call(landlord, 'GET', `/api/funder/evaluation-shares/${items[0]!.id}/pdf`)).statusCode,
    ).toBe(404);
    expect(
      (await call(otherFunder, 'GET', `/api/funder/evaluation-shares/${items[0]!.id}/pdf`)).statusCode,
    ).toBe(404);
    expect((await call(landlord, 'GET', '/api/funder/evaluations')).statusCode).toBe(403);
    expect(
      (await ok<{ items: TSharedEvaluation[] }>(await call(otherFunder, 'GET', '/api/funder/evaluations')))
        .items,
    ).toEqual([]);

    // The caseworker's full PDF holds everything, the share of each version audited.
    const full = pdfText((await call(cw, 'GET', evalUrl(e.id, '/pdf?version=full'))).rawPayload);
    expect(full).toContain('Rechute dépressive');
    expect(full).toContain('Reprendre les soins au CMP');
    const shares = await t.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evaluation.share'), eq(auditLog.entityId, e.id)));
    expect(shares.map((s) => (s.details as { audience: string }).audience).sort()).toEqual([
      'funder',
      'landlord',
    ]);
  });

  it('is signed by the household once validated, on the tablet', async () => {
    const m = await runningMeasure();
    let e = (await prepare(m.id, 'interim')).json() as TEvaluation;
    const sign = (rowVersion: number) => ({
      rowVersion,
      method: 'signature',
      signedOn: TODAY,
      signaturePng: scribbleSignaturePng(3),
    });
    expect((await call(cw, 'POST', evalUrl(e.id, '/signature'), sign(e.rowVersion))).statusCode).toBe(409);
    e = await ok<TEvaluation>(await call(cw, 'PUT', evalUrl(e.id), complete(e)));
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion }),
    );
    const notPng = await call(cw, 'POST', evalUrl(e.id, '/signature'), {
      ...sign(e.rowVersion),
      signaturePng: 'data:image/png;base64,AAAA',
    });
    expect(notPng.statusCode).toBe(400);
    expect((await call(landlord, 'POST', evalUrl(e.id, '/signature'), sign(e.rowVersion))).statusCode).toBe(
      403,
    );
    e = await ok<TEvaluation>(await call(cw, 'POST', evalUrl(e.id, '/signature'), sign(e.rowVersion)));
    expect(e.signature).toEqual({ method: 'signature', signedOn: TODAY, signerName: 'Signature manuscrite' });
    expect((await call(cw, 'POST', evalUrl(e.id, '/signature'), sign(e.rowVersion))).statusCode).toBe(409);
    const pdf = pdfText((await call(cw, 'GET', evalUrl(e.id, '/pdf?version=full'))).rawPayload);
    expect(pdf).toMatch(/Signée sur tablette le \d\d\/\d\d\/\d{4}/);
  });

  it('gives the final evaluation’s next step to the measure: a watch ends it, a renewal renews it', async () => {
    const ended = await runningMeasure();
    let e = (await prepare(ended.id, 'final')).json() as TEvaluation;
    e = await ok<TEvaluation>(
      await call(cw, 'PUT', evalUrl(e.id), complete(e, { nextStep: { step: 'watch', watchMonths: 6 } })),
    );
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion }),
    );
    const measureNow = async (id: string) =>
      (
        await ok<{ items: TMeasure[] }>(await call(cw, 'GET', `/api/households/${householdId}/measures`))
      ).items.find((x) => x.id === id)!;
    const before = await measureNow(ended.id);
    const noReason = await call(cw, 'POST', evalUrl(e.id, '/apply'), {
      measureRowVersion: before.rowVersion,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('endReason');
    e = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(e.id, '/apply'), {
        measureRowVersion: before.rowVersion,
        endReason: 'objectives_reached',
        endedOn: TODAY,
      }),
    );
    expect(e.appliedAt).toBe(NOW.toISOString());
    expect(await measureNow(ended.id)).toMatchObject({ status: 'ended', orientation: 'watch' });
    expect(
      (await call(cw, 'POST', evalUrl(e.id, '/apply'), { measureRowVersion: before.rowVersion })).statusCode,
    ).toBe(409);

    const renewed = await runningMeasure();
    let r = (await prepare(renewed.id, 'final')).json() as TEvaluation;
    r = await ok<TEvaluation>(
      await call(cw, 'PUT', evalUrl(r.id), complete(r, { nextStep: { step: 'renewal' } })),
    );
    r = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(r.id, '/validate'), { rowVersion: r.rowVersion }),
    );
    const m0 = await measureNow(renewed.id);
    await ok(await call(cw, 'POST', evalUrl(r.id, '/apply'), { measureRowVersion: m0.rowVersion }));
    const m1 = await measureNow(renewed.id);
    expect(m1.status).toBe('active');
    expect(m1.plannedEndOn! > m0.plannedEndOn!).toBe(true);

    // An interim evaluation gives no next step to the measure.
    const interim = await runningMeasure();
    let i = (await prepare(interim.id, 'interim')).json() as TEvaluation;
    i = await ok<TEvaluation>(await call(cw, 'PUT', evalUrl(i.id), complete(i)));
    i = await ok<TEvaluation>(
      await call(cw, 'POST', evalUrl(i.id, '/validate'), { rowVersion: i.rowVersion }),
    );
    expect((await call(cw, 'POST', evalUrl(i.id, '/apply'), { measureRowVersion: 1 })).statusCode).toBe(409);
  });

  it('opens « évaluation à rédiger » for the référent from the interim due date, closed once it is validated', async () => {
    const m = await runningMeasure();
    const due = (await evaluationsDue(t.deps.db, [m.id])).get(m.id)!;
    expect(due).toMatchObject({ periodStart: TODAY, written: [] });
    const key = `evaluation_due:${m.id}:interim:${TODAY}`;
    const task = async () =>
      (
        await t.deps.db
          .select({ status: tasks.status, title: tasks.title, dueOn: tasks.dueOn })
          .from(tasks)
          .where(eq(tasks.alertKey, key))
      )[0];
    // Written now (a session does not last months), validated later.
    let e = (await prepare(m.id, 'interim')).json() as TEvaluation;
    e = await ok<TEvaluation>(await call(cw, 'PUT', evalUrl(e.id), complete(e)));
    // The day before the due date (07:00 in Paris), nothing; on the day, the task: a draft is not enough.
    t.setNow(new Date(`${addDays(due.interimDueOn, -1)}T06:00:00Z`));
    await runAlerts(t.deps);
    expect(await task()).toBeUndefined();
    t.setNow(new Date(`${due.interimDueOn}T06:00:00Z`));
    await runAlerts(t.deps);
    expect(await task()).toMatchObject({
      status: 'open',
      dueOn: due.interimDueOn,
      title: expect.stringMatching(
        /^Bilan d’étape de la mesure ASLL maintien à rédiger \(dû le \d\d\/\d\d\/\d{4}\)$/,
      ),
    });
    t.setNow(NOW);
    await ok(await call(cw, 'POST', evalUrl(e.id, '/validate'), { rowVersion: e.rowVersion }));
    expect((await evaluationsDue(t.deps.db, [m.id])).get(m.id)!.written).toEqual(['interim']);
    // The validation recomputes the household's alerts: the task is done without waiting for the job.
    expect((await task())!.status).toBe('done');
    t.setNow(new Date(`${due.interimDueOn}T06:00:00Z`));
    await runAlerts(t.deps);
    expect((await task())!.status).toBe('done');
    t.setNow(NOW);
  });
});
