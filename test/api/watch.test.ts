import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { activeMeasureOn, makeDepartement, makeFunder, placeIn } from '../helpers/measure-fixtures.ts';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { ALERT_GONE_REASON } from '../../src/modules/tasks/index.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';

interface Measure {
  id: string;
  rowVersion: number;
}

/** 06:30 in Paris on that day (the alerts job's hour), summer or winter time. */
const morning = (day: string) => {
  const month = Number(day.slice(5, 7));
  return new Date(`${day}T0${month >= 4 && month <= 10 ? 4 : 5}:30:00Z`);
};

describe('the watch and the journal’s alerts', () => {
  let t: TestApp;
  let cwId: string;
  let cwSession: () => ReturnType<typeof sessionFor>;
  let watched: string;
  let gla: string;
  let ended: Measure;
  let glaMeasure: Measure;

  const alertKeys = async (householdId: string, status: 'open' | 'done' = 'open') =>
    (
      await t.deps.db
        .select({ key: tasks.alertKey })
        .from(tasks)
        .where(and(eq(tasks.householdId, householdId), eq(tasks.source, 'alert'), eq(tasks.status, status)))
    )
      .map((r) => r.key!)
      // The evaluations due are tested with the evaluations (test/api/evaluations.test.ts).
      .filter((key) => !key.startsWith('evaluation_due:'))
      .sort();
  const record = async (householdId: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/journal`,
      headers: (await cwSession()).headers,
      payload: { idempotencyKey: randomUUID(), durationMinutes: 45, note: 'Point avec le ménage', ...body },
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['fsl-maintien', 'gla']);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    await placeIn(t.deps.db, assoc.id, dep.id);
    cwId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    cwSession = () => sessionFor(t.deps, cwId, assoc.id);
    const session = await cwSession();
    const start = async (householdId: string, schemeId: string) =>
      activeMeasureOn<Measure>(t, {
        cw: session,
        officer: funder.officer,
        householdId,
        schemeId,
        operatorOrganisationId: assoc.id,
        caseworkerUserId: cwId,
        on: TODAY,
      });
    watched = await createHouseholdAs(t, session, sampleHousehold());
    gla = await createHouseholdAs(t, session, sampleHousehold());
    const maintien = await start(watched, funder.schemes['fsl-maintien']!);
    glaMeasure = await start(gla, funder.schemes['gla']!);
    t.setNow(new Date('2026-06-30T10:00:00Z'));
    const end = await t.app.inject({
      method: 'POST',
      url: `/api/households/${watched}/measures/${maintien.id}/end`,
      headers: (await cwSession()).headers,
      payload: {
        rowVersion: maintien.rowVersion,
        endedOn: '2026-06-30',
        endReason: 'objectives_reached',
        orientation: 'watch',
        watchMonths: 24,
      },
    });
    expect(end.statusCode).toBe(200);
    ended = end.json();
  });
  afterAll(() => t.close());

  it('alerts the référent when the household has had no contact for 30 days, until a contact', async () => {
    t.setNow(morning('2026-04-08')); // 29 days after the start
    await runAlerts(t.deps);
    expect(await alertKeys(gla)).toEqual([]);
    t.setNow(morning('2026-04-09'));
    await runAlerts(t.deps);
    expect(await alertKeys(gla)).toEqual([`no_contact:${glaMeasure.id}:${TODAY}`]);
    expect(await runAlerts(t.deps)).toMatchObject({ opened: 0, closed: 0 }); // idempotent

    // A letter is no contact; a phone call is, and closes the alert in its own transaction.
    expect((await record(gla, { kind: 'letter_sent', occurredAt: '2026-04-09T04:00:00Z' })).statusCode).toBe(
      201,
    );
    expect(await alertKeys(gla)).toHaveLength(1);
    expect((await record(gla, { kind: 'phone_call', occurredAt: '2026-04-09T04:10:00Z' })).statusCode).toBe(
      201,
    );
    expect(await alertKeys(gla)).toEqual([]);
    const [closed] = await t.deps.db
      .select({ status: tasks.status, reason: tasks.closedReason, owner: tasks.ownerUserId })
      .from(tasks)
      .where(eq(tasks.alertKey, `no_contact:${glaMeasure.id}:${TODAY}`));
    expect(closed).toEqual({ status: 'done', reason: ALERT_GONE_REASON, owner: cwId });
  });

  const watchUntil = async (householdId: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/households/${householdId}/measures`,
        headers: (await cwSession()).headers,
      })
    ).json().watchUntil;

  it('accepts journal entries on the ended measure under watch, and shows the watch’s end', async () => {
    t.setNow(new Date('2026-07-15T12:00:00Z'));
    expect(await watchUntil(watched)).toBe('2028-06-30');
    expect(await watchUntil(gla)).toBeNull();
    const res = await record(watched, {
      kind: 'phone_call',
      occurredAt: '2026-07-15T11:00:00Z',
      measureId: ended.id,
    });
    expect(res.statusCode).toBe(201);
  });

  it('alerts a GLA measure 30 days before a year without a home visit', async () => {
    // Calls every month keep the no-contact alert away.
    t.setNow(morning('2027-02-07'));
    expect((await record(gla, { kind: 'phone_call', occurredAt: '2027-02-07T05:00:00Z' })).statusCode).toBe(
      201,
    );
    await runAlerts(t.deps);
    const visitKey = `home_visit_missing:${glaMeasure.id}:2027-03-10`;
    expect(await alertKeys(gla)).not.toContain(visitKey); // 31 days before 10 March 2027
    t.setNow(morning('2027-02-08'));
    await runAlerts(t.deps);
    // Beside the measure's end (a GLA measure is prescribed for twelve months).
    expect(await alertKeys(gla)).toEqual([visitKey, `measure_ending:${glaMeasure.id}:2027-03-10`]);
    expect((await record(gla, { kind: 'home_visit', occurredAt: '2027-02-08T05:00:00Z' })).statusCode).toBe(
      201,
    );
    expect(await alertKeys(gla)).toEqual([`measure_ending:${glaMeasure.id}:2027-03-10`]);
  });

  it('opens the yearly watch visit 30 days before the anniversary of the end, once', async () => {
    t.setNow(morning('2027-05-30'));
    await runAlerts(t.deps);
    expect(await alertKeys(watched)).toEqual([]);
    t.setNow(morning('2027-05-31'));
    await runAlerts(t.deps);
    const key = `watch_visit_due:${ended.id}:2027-06-30`;
    expect(await alertKeys(watched)).toEqual([key]);
    expect(await runAlerts(t.deps)).toMatchObject({ opened: 0 });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/tasks/mine',
      headers: (await cwSession()).headers,
    });
    expect(res.json().items).toContainEqual(
      expect.objectContaining({
        alertRule: 'watch_visit_due',
        dueOn: '2027-06-30',
        title: expect.stringMatching(
          /^Visite annuelle de veille après la mesure .+ à faire d’ici le 30\/06\/2027$/,
        ),
      }),
    );

    // The home visit of the watch year closes it; the next one is for the second anniversary.
    t.setNow(new Date('2027-06-10T15:00:00Z'));
    expect(
      (await record(watched, { kind: 'home_visit', occurredAt: '2027-06-10T14:00:00Z', measureId: ended.id }))
        .statusCode,
    ).toBe(201);
    expect(await alertKeys(watched)).toEqual([]);
    expect(await alertKeys(watched, 'done')).toEqual([key]);
    t.setNow(morning('2028-05-31'));
    await runAlerts(t.deps);
    // Due on the watch's last day, the second visit is also its end's stock-taking: one task, not two.
    expect(await alertKeys(watched)).toEqual([`watch_visit_due:${ended.id}:2028-06-30`]);
    const [last] = await t.deps.db
      .select({ title: tasks.title })
      .from(tasks)
      .where(eq(tasks.alertKey, `watch_visit_due:${ended.id}:2028-06-30`));
    expect(last!.title).toMatch(
      /^Visite de fin de veille après la mesure .+ : faire le point avec le ménage/,
    );
  });

  it('closes the watch visit when the watch is over, and refuses entries on the measure after it', async () => {
    t.setNow(morning('2028-07-01'));
    await runAlerts(t.deps);
    expect(await alertKeys(watched)).toEqual([]);
    expect(await watchUntil(watched)).toBeNull();
    const res = await record(watched, {
      kind: 'phone_call',
      occurredAt: '2028-07-01T04:00:00Z',
      measureId: ended.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.measureId).toBe(
      'Cette mesure est terminée et sa période de veille est passée : l’activité ne peut plus y être rattachée.',
    );
    const rows = await t.deps.db
      .select({ key: tasks.alertKey })
      .from(tasks)
      .where(inArray(tasks.householdId, [watched]));
    expect(rows.filter((r) => r.key?.startsWith('watch_visit_due'))).toHaveLength(2);
  });
});
