import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, notLike, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  createHouseholdAs,
  maintenanceReferral,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { activeMeasureOn, makeDepartement, makeFunder, placeIn } from '../helpers/measure-fixtures.ts';
import { startJobs } from '../../src/kernel/jobs.ts';
import { queryRows } from '../../src/kernel/db.ts';
import { alertsJob, runAlerts, sendDailyDigests } from '../../src/modules/alerts/index.ts';
import { alertDigests } from '../../src/modules/alerts/schema.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { ALERT_GONE_REASON } from '../../src/modules/tasks/index.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';

interface Measure {
  id: string;
  rowVersion: number;
  plannedEndOn: string;
}

/** 06:30 in Paris on a summer day. */
const SUMMER_MORNING = new Date('2026-08-15T04:30:00Z');

describe('alerts become tasks', () => {
  let t: TestApp;
  let officer: TestSession;
  let assocId: string;
  let cwId: string;
  let cwEmail: string;
  let adminId: string;
  let landlordId: string;
  let landlordUserId: string;
  let scheme: string;
  const households: string[] = [];
  const measures: Measure[] = [];

  const cw = () => sessionFor(t.deps, cwId, assocId);
  /**
   * The alert tasks of the households, but for the journal's no-contact alerts and the missing
   * monthly points, which these households (no journal, no point here) also get from 30 days after
   * their start and from the 11th of the next month: test/api/watch.test.ts and
   * test/api/watch-incidents.test.ts cover them.
   */
  const alertTasksOf = (householdIds: string[]) =>
    t.deps.db
      .select({ id: tasks.id, householdId: tasks.householdId, key: tasks.alertKey, status: tasks.status })
      .from(tasks)
      .where(
        and(
          eq(tasks.source, 'alert'),
          inArray(tasks.householdId, householdIds),
          notLike(tasks.alertKey, 'no_contact:%'),
          notLike(tasks.alertKey, 'monthly_point_missing:%'),
          // The evaluations due are tested with the evaluations (test/api/evaluations.test.ts).
          notLike(tasks.alertKey, 'evaluation_due:%'),
        ),
      );
  const openKeys = async (householdIds: string[]) =>
    (await alertTasksOf(householdIds))
      .filter((r) => r.status === 'open')
      .map((r) => r.key!)
      .sort();
  /** The référent renews the i-th measure (its alert's condition goes). */
  async function renew(i: number, evaluation: string) {
    const m = measures[i]!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/households/${households[i]}/measures/${m.id}/renew`,
      headers: (await cw()).headers,
      payload: { rowVersion: m.rowVersion, evaluation },
    });
    expect(res.statusCode).toBe(200);
    measures[i] = res.json();
  }
  const digestsTo = (email: string) =>
    t.deps.db
      .select({ subject: outboxEmails.subject, text: outboxEmails.textBody, link: outboxEmails.linkPath })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.to, email), like(outboxEmails.subject, '%Vos alertes%')));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['fsl-acces']);
    officer = funder.officer;
    scheme = funder.schemes['fsl-acces']!;
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    await placeIn(t.deps.db, assoc.id, dep.id);
    const user = await makeUser(t.deps.db, { organisationId: assocId, roles: ['caseworker'] });
    cwId = user.id;
    cwEmail = user.email;
    adminId = (await makeUser(t.deps.db, { organisationId: assocId, roles: ['admin'] })).id;
    const landlord = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlordId = landlord.id;
    landlordUserId = (
      await makeUser(t.deps.db, { organisationId: landlordId, roles: ['landlord_social_advisor'] })
    ).id;
    const session = await cw();
    for (let i = 0; i < 4; i++) {
      const householdId = await createHouseholdAs(t, session, sampleHousehold());
      households.push(householdId);
      measures.push(
        await activeMeasureOn<Measure>(t, {
          cw: session,
          officer,
          householdId,
          schemeId: scheme,
          operatorOrganisationId: assocId,
          caseworkerUserId: cwId,
          on: TODAY,
        }),
      );
    }
  });
  afterAll(() => t.close());

  it('opens nothing while the measures are far from their end', async () => {
    expect(measures.map((m) => m.plannedEndOn)).toEqual(Array(4).fill('2026-09-10'));
    await runAlerts(t.deps);
    expect(await openKeys(households)).toEqual([]);
  });

  it('rolls back the batch a crash interrupts, keeps the batches before it, and a rerun completes', async () => {
    t.setNow(SUMMER_MORNING);
    const sorted = [...households].sort();
    const failing = sorted[1]!;
    await expect(
      runAlerts(t.deps, {
        batchSize: 1,
        beforeCommit: async (batch) => {
          if (batch.includes(failing)) throw new Error('panne simulée');
        },
      }),
    ).rejects.toThrow('panne simulée');
    expect(await openKeys([sorted[0]!])).toHaveLength(1);
    expect(await openKeys(sorted.slice(1))).toEqual([]);
    const rerun = await runAlerts(t.deps, { batchSize: 1 });
    // The three measures ending, their households without contact, their points of July missing, and
    // each one's interim and final evaluations to write (mid-June, and from 10 August).
    expect(rerun.opened).toBe(15);
    expect(await openKeys(households)).toEqual(
      measures.map((m) => `measure_ending:${m.id}:2026-09-10`).sort(),
    );
  });

  it('leaves the same tasks on a second run and sends one email a day', async () => {
    const audited = async () =>
      (
        await queryRows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from audit_log where action = 'alert.tasks.update'`,
        )
      )[0]!.n;
    const before = await alertTasksOf(households);
    const entries = await audited();
    expect(entries).toBeGreaterThanOrEqual(4); // one per household whose alerts the system opened
    expect(await runAlerts(t.deps)).toMatchObject({ opened: 0, closed: 0 });
    expect(await alertTasksOf(households)).toEqual(before);
    expect(await audited()).toBe(entries);

    expect(await sendDailyDigests(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await sendDailyDigests(t.deps)).toBe(0);
    const emails = await digestsTo(cwEmail);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('[Relais] Vos alertes du 15/08/2026');
    // Four measures ending, four households without contact since their start, four points of July,
    // eight evaluations to write.
    expect(emails[0]!.text).toContain('20 alertes sont nouvelles ou arrivées à échéance');
    expect(emails[0]!.text).toContain('- Fin de mesure proche, échéance le 10/09/2026 (nouvelle)');
    // Like the other notification emails: no name, no file number, a link to the home page.
    expect(emails[0]!.text).not.toMatch(/Dupré|M-\d|\d{4}-\d{2}-\d{2}/);
    expect(emails[0]!.link).toBe('/');
    const digests = await t.deps.db.select().from(alertDigests).where(eq(alertDigests.userId, cwId));
    expect(digests).toEqual([expect.objectContaining({ day: '2026-08-15', taskCount: 20 })]);
  });

  it('shows the alert tasks on the référent’s home list with their rule', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tasks/mine', headers: (await cw()).headers });
    const alerts = res
      .json()
      .items.filter((i: { alertRule: string | null }) => i.alertRule === 'measure_ending');
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatchObject({
      alertRule: 'measure_ending',
      dueOn: '2026-09-10',
      ownerUserId: cwId,
      title:
        'Fin prévue le 10/09/2026 de la mesure FSL accès — accompagnement à l’accès : préparer le renouvellement ou la fin',
    });
  });

  it('closes the alert as done, with its reason, when the measure is renewed', async () => {
    const m = measures[0]!;
    await renew(0, 'Bail signé, loyers payés.');
    const [closed] = await t.deps.db
      .select({ status: tasks.status, reason: tasks.closedReason })
      .from(tasks)
      .where(eq(tasks.alertKey, `measure_ending:${m.id}:2026-09-10`));
    expect(closed).toEqual({ status: 'done', reason: ALERT_GONE_REASON });
    expect(await openKeys([households[0]!])).toEqual([]);
  });

  it('does not reopen an alert its owner dismissed', async () => {
    const [task] = (await alertTasksOf([households[1]!])).filter((r) => r.status === 'open');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/households/${households[1]}/tasks/${task!.id}/close`,
      headers: (await cw()).headers,
      payload: { outcome: 'dismissed', note: 'Fin déjà préparée avec le ménage.' },
    });
    expect(res.statusCode).toBe(200);
    await runAlerts(t.deps);
    expect(await openKeys([households[1]!])).toEqual([]);
    expect((await alertTasksOf([households[1]!])).map((r) => r.status)).toEqual(['dismissed']);
  });

  it('opens one task when two runs go at the same time', async () => {
    const m = measures[2]!;
    await renew(2, 'Encore six mois.');
    t.setNow(new Date('2027-02-20T05:30:00Z'));
    const runs = await Promise.all([runAlerts(t.deps), runAlerts(t.deps)]);
    expect(runs.map((r) => r.households)).toEqual([4, 4]);
    expect(await openKeys([households[2]!])).toEqual([`renewal_limit:${m.id}:2027-03-10`]);
    const [row] = await queryRows<{ count: number }>(
      t.deps.db,
      sql`select count(*)::int as count from tasks where alert_key like ${`renewal_limit:${m.id}:%`}`,
    );
    expect(row!.count).toBe(1);
  });

  it('lets each user stop the daily email, and take it back', async () => {
    const session = await cw();
    const url = '/api/alerts/digest-preference';
    expect((await t.app.inject({ method: 'GET', url, headers: session.headers })).json()).toEqual({
      dailyDigest: true,
    });
    const off = await t.app.inject({
      method: 'PUT',
      url,
      headers: session.headers,
      payload: { dailyDigest: false },
    });
    expect(off.json()).toEqual({ dailyDigest: false });
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: session.headers,
      payload: { dailyDigest: 'non' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.dailyDigest).toBe('Choisissez oui ou non.');
    const before = (await digestsTo(cwEmail)).length;
    await sendDailyDigests(t.deps);
    expect(await digestsTo(cwEmail)).toHaveLength(before);
    await t.app.inject({ method: 'PUT', url, headers: session.headers, payload: { dailyDigest: true } });
    await sendDailyDigests(t.deps);
    expect(await digestsTo(cwEmail)).toHaveLength(before + 1);
  });

  it('keeps the settings per organisation, edited by its administrator with French messages', async () => {
    const url = '/api/alerts/settings';
    const admin = await sessionFor(t.deps, adminId, assocId);
    const read = await t.app.inject({ method: 'GET', url, headers: (await cw()).headers });
    expect(read.json()).toEqual({
      noContactDays: 30,
      measureEndingDays: 30,
      renewalLimitDays: 90,
      referralUnansweredDays: 8,
      contractUnsignedDays: 15,
      aidDecisionDays: 60,
      rowVersion: 0,
      isDefault: true,
    });
    const settings = { ...read.json(), isDefault: undefined, noContactDays: 21 };
    const refused = await t.app.inject({
      method: 'PUT',
      url,
      headers: (await cw()).headers,
      payload: settings,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Réservé aux administrateurs de l’organisation.');
    const invalid = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: { ...settings, noContactDays: 0, referralUnansweredDays: 2.5, contractUnsignedDays: 400 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toEqual({
      noContactDays: 'Au moins 1 jour.',
      referralUnansweredDays: 'Indiquez un nombre entier de jours.',
      contractUnsignedDays: '365 jours au plus.',
    });
    const saved = await t.app.inject({ method: 'PUT', url, headers: admin.headers, payload: settings });
    expect(saved.json()).toMatchObject({ noContactDays: 21, rowVersion: 1, isDefault: false });
    const stale = await t.app.inject({ method: 'PUT', url, headers: admin.headers, payload: settings });
    expect(stale.statusCode).toBe(409);
  });

  it('alerts a référent whose caseload goes over her capacity, once a month', async () => {
    const manager = await sessionFor(t.deps, adminId, assocId);
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/caseloads/${cwId}`,
      headers: manager.headers,
      payload: { accessCapacity: 3, maintenanceCapacity: 16 },
    });
    expect(set.statusCode).toBe(200);
    await runAlerts(t.deps);
    const [load] = (await alertTasksOf(households)).filter((r) =>
      r.key!.startsWith('caseload_over_capacity'),
    );
    // Filed on the household of her latest measure (here all started at the same instant).
    expect(households).toContain(load!.householdId);
    expect(load).toMatchObject({ key: `caseload_over_capacity:${cwId}:access:2027-02`, status: 'open' });
  });

  it('alerts the receiving association when a referral waits past its number of days', async () => {
    t.setNow(new Date('2027-03-01T09:00:00Z'));
    const landlord = await sessionFor(t.deps, landlordUserId, landlordId);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: landlord.headers,
      payload: maintenanceReferral(assocId),
    });
    expect(sent.statusCode).toBe(201);
    const referral = sent.json();
    t.setNow(new Date('2027-03-09T05:30:00Z')); // 8 days later in Paris
    await runAlerts(t.deps);
    const res = await t.app.inject({ method: 'GET', url: '/api/tasks/mine', headers: (await cw()).headers });
    const waiting = res
      .json()
      .items.filter((i: { alertRule: string }) => i.alertRule === 'referral_unanswered');
    expect(waiting).toEqual([
      expect.objectContaining({
        sourceId: referral.id,
        ownerOrganisationId: assocId,
        dueOn: '2027-03-09',
        title: expect.stringMatching(/^Saisine S-\d{6} reçue le 01\/03\/2027 toujours sans réponse/),
      }),
    ]);

    // Accepted, the referral no longer waits: its alert closes in the same transaction.
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/referrals/${referral.id}`,
      headers: (await cw()).headers,
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/accept`,
      headers: (await cw()).headers,
      payload: { caseworkerUserId: cwId, version: detail.json().version },
    });
    expect(accepted.statusCode).toBe(200);
    const [closed] = await t.deps.db
      .select({ status: tasks.status, reason: tasks.closedReason })
      .from(tasks)
      .where(eq(tasks.alertKey, `referral_unanswered:${referral.id}`));
    expect(closed).toEqual({ status: 'done', reason: ALERT_GONE_REASON });
  });

  it('runs as the `alerts` job at start, scheduled every morning in Paris time', async () => {
    t.setNow(new Date('2027-03-10T05:30:00Z'));
    const jobs = await startJobs(t.deps, [alertsJob(t.deps)]);
    try {
      const deadline = Date.now() + 15_000;
      while (
        (await t.deps.db.select().from(alertDigests).where(eq(alertDigests.day, '2027-03-10'))).length === 0
      ) {
        if (Date.now() > deadline) throw new Error('le job des alertes n’a pas tourné');
        await sleep(100);
      }
      const [schedule] = await queryRows(
        t.deps.db,
        sql`select cron, timezone from pgboss.schedule where name = 'alerts'`,
      );
      expect(schedule).toEqual({ cron: '30 6 * * *', timezone: 'Europe/Paris' });
    } finally {
      await jobs.stop();
    }
  });
});
