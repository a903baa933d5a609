import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { makeDepartement, makeFunder, measureTo, placeIn, sessionAs } from '../helpers/measure-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { evaluationsDue, latestMonthlyPoints } from '../../src/modules/evaluations/index.ts';
import { measures } from '../../src/modules/measures/schema.ts';
import { FUTURE_MONTH_MESSAGE } from '../../src/shared/evaluations/monthly-point.ts';
import { REPORT_REQUIRED } from '../../src/modules/evaluations/use-cases/validate-monthly-point.ts';
import type { TMonthlyPoint, TMonthlyPoints } from '../../src/shared/contracts/evaluations.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

describe('monthly points', () => {
  let t: TestApp;
  let cw: TestSession;
  let otherAssoc: TestSession;
  let siao: TestSession;
  let householdId: string;
  let assocId: string;
  let measure: { id: string; rowVersion: number };

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const pointsUrl = () => `/api/households/${householdId}/measures/${measure.id}/monthly-points`;
  const pointUrl = (id: string, action = '') =>
    `/api/households/${householdId}/monthly-points/${id}${action}`;
  const activity = async (occurredAt: string, extra: object = {}) =>
    ok<{ id: string; rowVersion: number }>(
      await call(cw, 'POST', `/api/households/${householdId}/journal`, {
        idempotencyKey: randomUUID(),
        kind: 'home_visit',
        occurredAt,
        durationMinutes: 60,
        briques: ['2.4'],
        measureId: measure.id,
        note: 'Visite',
        ...extra,
      }),
    );
  const list = async () =>
    ok<TMonthlyPoints>(await call(cw, 'GET', `/api/households/${householdId}/monthly-points`));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['asll-maintien'], '2023-01-01');
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    await placeIn(t.deps.db, assoc.id, dep.id);
    assocId = assoc.id;
    cw = await sessionAs(t, assoc.id, ['caseworker'], 'Camille Roussel');
    const siaoOrg = await makeOrganisation(t.deps.db, 'siao', 'SIAO de Lanne');
    siao = await sessionAs(t, siaoOrg.id, ['caseworker']);
    const other = await makeOrganisation(t.deps.db, 'association', 'Trait d’union');
    otherAssoc = await sessionAs(t, other.id, ['caseworker']);
    householdId = await createHouseholdAs(t, cw, sampleHousehold());
    for (const organisationId of [siaoOrg.id, other.id])
      await ok(
        await call(cw, 'POST', `/api/households/${householdId}/consents`, {
          organisationId,
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        }),
      );
    measure = await measureTo(t, {
      cw,
      officer: funder.officer,
      householdId,
      body: { schemeId: funder.schemes['asll-maintien'], operatorOrganisationId: assoc.id, briques: ['2.4'] },
      until: 'active',
      prescribedOn: '2026-01-05',
      decidedOn: '2026-01-05',
      startOn: '2026-01-05',
    });
    // February (Paris): two activities, one of them cancelled later; one on 1 March at 00:30 Paris (still 28 Feb in UTC).
    await activity('2026-02-10T09:00:00+01:00', { kind: 'phone_call', durationMinutes: 20 });
    await activity('2026-02-20T14:00:00+01:00', { briques: ['2.4', '3.2'] });
    const cancelled = await activity('2026-02-21T14:00:00+01:00');
    await ok(
      await call(cw, 'POST', `/api/households/${householdId}/journal/${cancelled.id}/cancel`, {
        rowVersion: cancelled.rowVersion,
        reason: 'Saisie en double.',
      }),
    );
    await activity('2026-03-01T00:30:00+01:00', { kind: 'partner_contact', durationMinutes: 30 });
  });
  afterAll(() => t.close());

  it('lists the months the measure owes a point, newest first, with the journal’s figures', async () => {
    const { measures } = await list();
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ measureId: measure.id, active: true });
    expect(measures[0]!.months.map((m) => m.month)).toEqual(['2026-03', '2026-02', '2026-01']);
    const february = measures[0]!.months[1]!;
    expect(february.point).toBeNull();
    expect(february.journal).toMatchObject({ activities: 2, minutes: 80, contacts: 2, homeVisits: 1 });
    expect(february.journal.byBrique).toEqual([
      { code: '2.4', label: expect.stringMatching(/\S/), activities: 2, minutes: 80 },
      { code: '3.2', label: expect.stringMatching(/\S/), activities: 1, minutes: 60 },
    ]);
    // The activity of 1 March 00:30 in Paris is March's, not February's.
    expect(measures[0]!.months[0]!.journal).toMatchObject({ activities: 1, contacts: 0, minutes: 30 });
  });

  it('prepares the draft from the month’s journal, completes it and validates it; then it is read-only', async () => {
    const res = await call(cw, 'POST', pointsUrl(), { month: '2026-02' });
    expect(res.statusCode).toBe(201);
    const draft = res.json() as TMonthlyPoint;
    expect(draft).toMatchObject({ month: '2026-02', version: 1, status: 'draft', report: '' });
    expect(draft.figures).toMatchObject({ activities: 2, minutes: 80, contacts: 2, homeVisits: 1 });

    // Validating without the report of the point with the household is refused on the field.
    const empty = await call(cw, 'POST', pointUrl(draft.id, '/validate'), { rowVersion: draft.rowVersion });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ report: REPORT_REQUIRED });

    const completed = await ok<TMonthlyPoint>(
      await call(cw, 'PUT', pointUrl(draft.id), {
        report: 'Point fait avec Mme Marchetti : loyer payé, dossier FSL envoyé.',
        rowVersion: draft.rowVersion,
      }),
    );
    const stale = await call(cw, 'PUT', pointUrl(draft.id), {
      report: 'Autre',
      rowVersion: draft.rowVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const validated = await ok<TMonthlyPoint>(
      await call(cw, 'POST', pointUrl(draft.id, '/validate'), { rowVersion: completed.rowVersion }),
    );
    expect(validated).toMatchObject({
      status: 'validated',
      validatedByName: 'Camille Roussel',
      validatedAt: NOW.toISOString(),
    });

    // Read-only once validated: neither completed nor validated again.
    const edit = await call(cw, 'PUT', pointUrl(draft.id), {
      report: 'Changé',
      rowVersion: validated.rowVersion,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/validé/),
    });
    const again = await call(cw, 'POST', pointUrl(draft.id, '/validate'), {
      rowVersion: validated.rowVersion,
    });
    expect(again.statusCode).toBe(409);

    // Its figures are frozen: an activity recorded later for February does not change them.
    await activity('2026-02-25T10:00:00+01:00', { kind: 'office_meeting', durationMinutes: 45 });
    const february = (await list()).measures[0]!.months.find((m) => m.month === '2026-02')!;
    expect(february.point).toMatchObject({ id: draft.id, status: 'validated' });
    expect(february.point!.figures.activities).toBe(2);
    expect(february.journal.activities).toBe(3);

    // The validated figures are queryable for the alerts and the reports.
    const latest = await latestMonthlyPoints(t.deps.db, [measure.id, randomUUID()]);
    expect([...latest.values()]).toEqual([
      expect.objectContaining({
        measureId: measure.id,
        month: '2026-02',
        version: 1,
        activities: 2,
        minutes: 80,
      }),
    ]);

    const actions = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'monthly_point'), eq(auditLog.entityId, draft.id)));
    expect(actions.map((a) => a.action)).toEqual([
      'monthly_point.prepare',
      'monthly_point.update',
      'monthly_point.validate',
    ]);
  });

  it('keeps one point per measure and month; a correction is a new version', async () => {
    const dup = await call(cw, 'POST', pointsUrl(), { month: '2026-02' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/février 2026 existe déjà/);

    const february = (await list()).measures[0]!.months.find((m) => m.month === '2026-02')!.point!;
    const correction = await call(cw, 'POST', pointUrl(february.id, '/correct'), {
      rowVersion: february.rowVersion,
    });
    expect(correction.statusCode).toBe(201);
    const v2 = correction.json() as TMonthlyPoint;
    expect(v2).toMatchObject({ version: 2, status: 'draft', report: february.report });
    expect(v2.figures.activities).toBe(3);
    // Only the latest validated version is corrected, once.
    const twice = await call(cw, 'POST', pointUrl(february.id, '/correct'), {
      rowVersion: february.rowVersion,
    });
    expect(twice.statusCode).toBe(409);

    // Until the correction is validated, the reports read version 1.
    expect((await latestMonthlyPoints(t.deps.db, [measure.id])).get(measure.id)).toMatchObject({
      version: 1,
    });
    const month = (await list()).measures[0]!.months.find((m) => m.month === '2026-02')!;
    expect(month).toMatchObject({ point: { id: v2.id, version: 2 }, validatedVersion: 1 });
    await ok(await call(cw, 'POST', pointUrl(v2.id, '/validate'), { rowVersion: v2.rowVersion }));
    expect((await latestMonthlyPoints(t.deps.db, [measure.id])).get(measure.id)).toMatchObject({
      version: 2,
      activities: 3,
    });
  });

  it('refuses a month not begun (Paris), before the measure, or malformed, in French on the field', async () => {
    const future = await call(cw, 'POST', pointsUrl(), { month: '2026-04' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ month: FUTURE_MONTH_MESSAGE });
    const before = await call(cw, 'POST', pointsUrl(), { month: '2025-12' });
    expect(before.json().error.fields.month).toMatch(/pas commencé/);
    const malformed = await call(cw, 'POST', pointsUrl(), { month: '2026-13', report: 42 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toMatchObject({ month: expect.stringMatching(/Mois invalide/) });
    // On 1 April at 00:30 in Paris, April has begun (a session opened then).
    t.setNow(new Date('2026-03-31T22:30:00Z'));
    try {
      const late = await sessionAs(t, assocId, ['caseworker']);
      expect((await call(late, 'POST', pointsUrl(), { month: '2026-04' })).statusCode).toBe(201);
    } finally {
      t.setNow(NOW);
    }
  });

  it('is kept by the organisation that runs the measure, read by the household’s social workers only', async () => {
    expect((await call(otherAssoc, 'POST', pointsUrl(), { month: '2026-01' })).statusCode).toBe(403);
    expect((await call(otherAssoc, 'GET', `/api/households/${householdId}/monthly-points`)).statusCode).toBe(
      200,
    );
    const bySiao = await call(siao, 'GET', `/api/households/${householdId}/monthly-points`);
    expect(bySiao.statusCode).toBe(403);
    expect(bySiao.json().error.message).toMatch(/travailleurs sociaux/);
  });

  it('tells the alerts when the running measure’s evaluations fall due', async () => {
    const [row] = await t.deps.db
      .select({ plannedEndOn: measures.plannedEndOn })
      .from(measures)
      .where(eq(measures.id, measure.id));
    const due = await evaluationsDue(t.deps.db, [measure.id, randomUUID()]);
    expect([...due.keys()]).toEqual([measure.id]);
    expect(due.get(measure.id)).toMatchObject({ finalDueOn: row!.plannedEndOn });
    expect(due.get(measure.id)!.interimDueOn > '2026-01-05').toBe(true);
    expect(due.get(measure.id)!.interimDueOn < due.get(measure.id)!.finalFrom).toBe(true);
  });
});
