import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { migrationsFolder } from '../../src/kernel/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { activeMeasureOn, makeDepartement, makeFunder, placeIn } from '../helpers/measure-fixtures.ts';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { NOT_UNDER_WATCH_MESSAGE } from '../../src/shared/watch/rules.ts';
import type { TMeasure } from '../../src/shared/contracts/measures.ts';
import type { TWatchIncident } from '../../src/shared/contracts/watch.ts';

/** 06:30 in Paris on that day (the alerts job's hour), summer or winter time. */
const morning = (day: string) => {
  const month = Number(day.slice(5, 7));
  return new Date(`${day}T0${month >= 4 && month <= 10 ? 4 : 5}:30:00Z`);
};

describe('an incident during the watch, and the case reopened from it', () => {
  let t: TestApp;
  let cwId: string;
  let cw: () => Promise<TestSession>;
  let landlord: () => Promise<TestSession>;
  let stranger: () => Promise<TestSession>;
  let officer: () => Promise<TestSession>;
  let watched: string;
  let other: string;
  let ended: TMeasure;
  let incident: TWatchIncident;
  let reopened: TMeasure;

  const call = async (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const incidentsUrl = (h: string) => `/api/households/${h}/watch-incidents`;
  const report = async (h: string, body: object, as?: TestSession) =>
    call(as ?? (await landlord()), 'POST', incidentsUrl(h), body);
  const arrears = { kind: 'rent_arrears', occurredOn: '2026-09-01', amountCents: 85_000 };
  const measuresOf = async (h: string) =>
    (await call(await cw(), 'GET', `/api/households/${h}/measures`)).json() as {
      items: TMeasure[];
      watchUntil: string | null;
    };
  const openTasks = (h: string) =>
    t.deps.db
      .select({ title: tasks.title, owner: tasks.ownerUserId, dueOn: tasks.dueOn, sourceId: tasks.sourceId })
      .from(tasks)
      .where(and(eq(tasks.householdId, h), eq(tasks.status, 'open')));
  const listed = async (s: TestSession) =>
    new Map(
      (
        (await call(s, 'GET', '/api/households?pageSize=50')).json().items as {
          id: string;
          watchUntil: string | null;
        }[]
      ).map((i) => [i.id, i.watchUntil]),
    );

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['fsl-maintien']);
    const officerId = (await makeUser(t.deps.db, { organisationId: funder.id, roles: ['funder_officer'] }))
      .id;
    officer = () => sessionFor(t.deps, officerId, funder.id);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    await placeIn(t.deps.db, assoc.id, dep.id);
    cwId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    cw = () => sessionFor(t.deps, cwId, assoc.id);
    const l = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    const landlordUser = await makeUser(t.deps.db, {
      organisationId: l.id,
      roles: ['landlord_social_advisor'],
    });
    landlord = () => sessionFor(t.deps, landlordUser.id, l.id);
    const s = await makeOrganisation(t.deps.db, 'association', 'Autre association');
    const strangerUser = await makeUser(t.deps.db, { organisationId: s.id, roles: ['caseworker'] });
    stranger = () => sessionFor(t.deps, strangerUser.id, s.id);

    const session = await cw();
    watched = await createHouseholdAs(t, session, sampleHousehold());
    other = await createHouseholdAs(t, session, sampleHousehold());
    for (const h of [watched, other]) await consentToLandlord(t, session, h, l.id);
    const m = await activeMeasureOn<TMeasure>(t, {
      cw: session,
      officer: funder.officer,
      householdId: watched,
      schemeId: funder.schemes['fsl-maintien']!,
      operatorOrganisationId: assoc.id,
      caseworkerUserId: cwId,
      on: TODAY,
    });
    t.setNow(new Date('2026-06-30T10:00:00Z'));
    // Reported before the watch: the measure still runs.
    const early = await report(watched, { ...arrears, occurredOn: '2026-06-15' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(NOT_UNDER_WATCH_MESSAGE);
    const end = await call(await cw(), 'POST', `/api/households/${watched}/measures/${m.id}/end`, {
      rowVersion: m.rowVersion,
      endedOn: '2026-06-30',
      endReason: 'objectives_reached',
      orientation: 'watch',
      watchMonths: 24,
    });
    expect(end.statusCode).toBe(200);
    ended = end.json();
    t.setNow(new Date('2026-09-15T09:00:00Z'));
  }, 60_000);
  afterAll(() => t.close());

  it('shows « En veille » with its end in the household list, to the caseworker and the landlord', async () => {
    for (const s of [await cw(), await landlord()]) {
      const list = await listed(s);
      expect(list.get(watched)).toBe('2028-06-30');
      expect(list.get(other)).toBeNull();
    }
  });

  it('refuses an incident on a household not under watch, and bad input field by field, in French', async () => {
    const none = await report(other, arrears);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe(NOT_UNDER_WATCH_MESSAGE);

    const noAmount = await report(watched, { kind: 'rent_arrears', occurredOn: '2026-09-01' });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.fields).toEqual({ amountCents: 'Indiquez le montant des impayés.' });
    const noNote = await report(watched, { kind: 'neighbourhood_trouble', occurredOn: '2026-09-01' });
    expect(noNote.json().error.fields).toEqual({ note: 'Décrivez l’incident en quelques mots.' });
    const future = await report(watched, { ...arrears, occurredOn: '2026-09-16' });
    expect(future.json().error.fields).toEqual({
      occurredOn: 'La date de l’incident ne peut pas être dans le futur.',
    });
    const before = await report(watched, { ...arrears, occurredOn: '2026-06-30' });
    expect(before.json().error.fields.occurredOn).toMatch(/^L’incident doit dater de la veille/);
    expect((await report(watched, arrears, await stranger())).statusCode).toBe(404);
    expect(await openTasks(watched)).toEqual([]);
  });

  it('records the landlord’s new arrears on the file, tasks and notifies the référent, in the timeline', async () => {
    const res = await report(watched, arrears);
    expect(res.statusCode).toBe(201);
    incident = res.json();
    expect(incident).toMatchObject({
      measureId: ended.id,
      kind: 'rent_arrears',
      amountCents: 85_000,
      summary: 'Nouveaux impayés de loyer : 850,00\u00a0€ au 01/09/2026',
      reportedByOrganisationName: 'Habitat Lanne',
      reopenedMeasureId: null,
      canReopen: false, // the landlord cannot reopen
    });
    // The household's rent-arrears debt toward the landlord, as a referral would write it.
    const file = (await call(await cw(), 'GET', `/api/households/${watched}`)).json();
    expect(file.debts).toContainEqual(
      expect.objectContaining({ kind: 'rent_arrears', creditor: 'Habitat Lanne', amountCents: 85_000 }),
    );
    expect(await openTasks(watched)).toEqual([
      {
        title: expect.stringMatching(
          /^Incident pendant la veille après la mesure .+ : Nouveaux impayés de loyer : 850,00\s€ au 01\/09\/2026 — voir avec le ménage s’il faut rouvrir un accompagnement$/,
        ),
        owner: cwId,
        dueOn: '2026-09-22',
        sourceId: incident.id,
      },
    ]);
    const notes = (await call(await cw(), 'GET', '/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('Incident signalé pendant la veille : nouveaux impayés de loyer');
    const timeline = (await call(await cw(), 'GET', `/api/households/${watched}/timeline`)).json();
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        kind: 'measure',
        title: 'Incident signalé pendant la veille',
        detail: expect.stringContaining('Nouveaux impayés de loyer'),
      }),
    );
    const seen = (await call(await cw(), 'GET', incidentsUrl(watched))).json().items;
    expect(seen).toEqual([expect.objectContaining({ id: incident.id, canReopen: true })]);
  });

  it('refuses the reopening to the landlord and to a stranger', async () => {
    const url = `${incidentsUrl(watched)}/${incident.id}/reopen`;
    expect((await call(await landlord(), 'POST', url, {})).statusCode).toBe(403);
    expect((await call(await stranger(), 'POST', url, {})).statusCode).toBe(404);
  });

  it('reopens a case in one step, prefilled from the ended measure, both linked, the task done', async () => {
    const res = await call(await cw(), 'POST', `${incidentsUrl(watched)}/${incident.id}/reopen`, {});
    expect(res.statusCode, res.body).toBe(201);
    reopened = res.json();
    expect(reopened).toMatchObject({
      status: 'proposed',
      schemeId: ended.schemeId,
      operatorOrganisationId: ended.operatorOrganisationId,
      caseworkerUserId: cwId,
      briques: ended.briques,
      visitsPerMonth: 2,
      occupancy: 'direct_lease_with_support',
      reopenedFromMeasureId: ended.id,
      reopenReason: expect.stringContaining('Nouveaux impayés de loyer : 850,00'),
    });
    expect(reopened.events![0]).toMatchObject({ label: 'Mesure proposée', detail: reopened.reopenReason });
    const { items, watchUntil } = await measuresOf(watched);
    const previous = items.find((i) => i.id === ended.id)!;
    expect(previous.reopenedByMeasureId).toBe(reopened.id);
    expect(previous.events!.at(-1)).toMatchObject({
      label: 'Accompagnement rouvert après un incident pendant la veille',
    });
    // Proposed, not started: the watch goes on until the new measure starts.
    expect(watchUntil).toBe('2028-06-30');
    expect((await openTasks(watched)).filter((task) => task.sourceId === incident.id)).toEqual([]);
    const after = (await call(await cw(), 'GET', incidentsUrl(watched))).json().items;
    expect(after[0]).toMatchObject({ reopenedMeasureId: reopened.id, canReopen: false });
  });

  it('refuses a second reopening, from the same incident or from another while a case is open', async () => {
    const again = await call(await cw(), 'POST', `${incidentsUrl(watched)}/${incident.id}/reopen`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Cet incident a déjà rouvert un accompagnement.');
    const second = (
      await report(watched, {
        kind: 'neighbourhood_trouble',
        occurredOn: '2026-09-14',
        note: 'Plaintes des voisins pour bruit',
      })
    ).json();
    const open = await call(await cw(), 'POST', `${incidentsUrl(watched)}/${second.id}/reopen`, {});
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toMatch(/déjà proposé ou en cours/);
    // A social worker's incident, with its note, is not the landlord's to read.
    const noted = await report(
      watched,
      { kind: 'prolonged_absence', occurredOn: '2026-09-10', note: 'Hospitalisation de Mme, retour prévu' },
      await cw(),
    );
    expect(noted.statusCode).toBe(201);
    const byLandlord = (await call(await landlord(), 'GET', incidentsUrl(watched))).json().items;
    expect(byLandlord.map((i: TWatchIncident) => i.kind).sort()).toEqual([
      'neighbourhood_trouble',
      'rent_arrears',
    ]);
    const byCaseworker = (await call(await cw(), 'GET', incidentsUrl(watched))).json().items;
    expect(byCaseworker).toHaveLength(3);
    // The référent's emails name the kind of incident, never its note nor its amount.
    const mails = (
      await t.deps.db
        .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
        .from(outboxEmails)
    ).filter((m) => m.subject.includes('Incident signalé pendant la veille'));
    expect(mails.map((m) => m.subject)).toContain(
      '[Relais] Incident signalé pendant la veille : absence prolongée',
    );
    expect(JSON.stringify(mails)).not.toMatch(/Hospitalisation|850/);
  });

  it('ends the watch when the new measure starts: no badge, no incident, no reopening', async () => {
    const base = `/api/households/${watched}/measures/${reopened.id}`;
    const prescribed = await call(await cw(), 'POST', `${base}/prescribe`, {
      rowVersion: reopened.rowVersion,
      prescribedOn: '2026-09-15',
    });
    expect(prescribed.statusCode, prescribed.body).toBe(200);
    const decided = await call(await officer(), 'POST', `/api/funder/measures/${reopened.id}/decision`, {
      rowVersion: prescribed.json().rowVersion,
      outcome: 'validated',
      decidedOn: '2026-09-15',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const m = decided.json() as TMeasure;
    t.setNow(new Date('2026-10-01T09:00:00Z'));
    const started = await call(await cw(), 'POST', `${base}/start`, {
      rowVersion: m.rowVersion,
      startOn: '2026-10-01',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect((await measuresOf(watched)).watchUntil).toBeNull();
    expect((await listed(await cw())).get(watched)).toBeNull();
    const late = await report(watched, { ...arrears, occurredOn: '2026-09-30' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(NOT_UNDER_WATCH_MESSAGE);
  });
});

describe('the alerts of the watch’s end and of a missing monthly point', () => {
  let t: TestApp;
  let cw: () => Promise<TestSession>;
  let householdId: string;
  let running: TMeasure;

  const alertKeys = async (status: 'open' | 'done' = 'open') =>
    (
      await t.deps.db
        .select({ key: tasks.alertKey })
        .from(tasks)
        .where(and(eq(tasks.householdId, householdId), eq(tasks.source, 'alert'), eq(tasks.status, status)))
    )
      .map((r) => r.key!)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['fsl-maintien']);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    await placeIn(t.deps.db, assoc.id, dep.id);
    const cwId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    cw = () => sessionFor(t.deps, cwId, assoc.id);
    householdId = await createHouseholdAs(t, await cw(), sampleHousehold());
    running = await activeMeasureOn<TMeasure>(t, {
      cw: await cw(),
      officer: funder.officer,
      householdId,
      schemeId: funder.schemes['fsl-maintien']!,
      operatorOrganisationId: assoc.id,
      caseworkerUserId: cwId,
      on: TODAY, // 10 March 2026: March's point is owed
    });
  }, 60_000);
  afterAll(() => t.close());

  it('asks for last month’s point from the 11th, once, and closes it when the point is validated', async () => {
    const call = async (method: 'POST' | 'PUT', url: string, payload: object) =>
      t.app.inject({ method, url, headers: (await cw()).headers, payload });
    // A call keeps the no-contact alert away.
    t.setNow(new Date('2026-04-01T09:00:00Z'));
    const contact = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/journal`,
      headers: (await cw()).headers,
      payload: {
        idempotencyKey: crypto.randomUUID(),
        kind: 'phone_call',
        occurredAt: '2026-04-01T08:00:00Z',
        durationMinutes: 20,
        note: 'Point téléphonique',
      },
    });
    expect(contact.statusCode).toBe(201);
    t.setNow(morning('2026-04-10'));
    await runAlerts(t.deps);
    expect(await alertKeys()).toEqual([]);
    t.setNow(morning('2026-04-11'));
    await runAlerts(t.deps);
    const key = `monthly_point_missing:${running.id}:2026-03`;
    expect(await alertKeys()).toEqual([key]);
    expect(await runAlerts(t.deps)).toMatchObject({ opened: 0, closed: 0 });
    const [task] = await t.deps.db
      .select({ title: tasks.title, dueOn: tasks.dueOn })
      .from(tasks)
      .where(eq(tasks.alertKey, key));
    expect(task).toEqual({
      title: expect.stringMatching(
        /^Point mensuel de mars 2026 de la mesure .+ à valider \(attendu le 10\/04\/2026\)$/,
      ),
      dueOn: '2026-04-10',
    });

    const draft = (
      await call('POST', `/api/households/${householdId}/measures/${running.id}/monthly-points`, {
        month: '2026-03',
      })
    ).json();
    const done = (
      await call('PUT', `/api/households/${householdId}/monthly-points/${draft.id}`, {
        rowVersion: draft.rowVersion,
        report: 'Point fait avec le ménage.',
      })
    ).json();
    const validated = await call(
      'POST',
      `/api/households/${householdId}/monthly-points/${done.id}/validate`,
      {
        rowVersion: done.rowVersion,
      },
    );
    expect(validated.statusCode).toBe(200);
    // Closed in the validation's own transaction, not at the next run.
    expect(await alertKeys()).toEqual([]);
    expect(await alertKeys('done')).toEqual([key]);
  });

  it('opens the watch’s end 30 days before its last day, instead of a task raised at the end', async () => {
    t.setNow(new Date('2026-04-30T10:00:00Z'));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/measures`,
      headers: (await cw()).headers,
    });
    expect(list.statusCode, list.body).toBe(200);
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/measures/${running.id}/end`,
      headers: (await cw()).headers,
      payload: {
        rowVersion: (
          await t.app.inject({
            method: 'GET',
            url: `/api/households/${householdId}/measures`,
            headers: (await cw()).headers,
          })
        ).json().items[0].rowVersion,
        endedOn: '2026-04-30',
        endReason: 'objectives_reached',
        orientation: 'watch',
        watchMonths: 6, // to 30 October 2026: no anniversary, so no yearly visit
      },
    });
    expect(ended.statusCode).toBe(200);
    const open = await t.deps.db
      .select({ title: tasks.title })
      .from(tasks)
      .where(and(eq(tasks.householdId, householdId), eq(tasks.status, 'open')));
    expect(open).toEqual([]);
    t.setNow(morning('2026-09-29'));
    await runAlerts(t.deps);
    expect(await alertKeys()).toEqual([]); // 31 days before
    t.setNow(morning('2026-09-30'));
    await runAlerts(t.deps);
    expect(await alertKeys()).toEqual([`watch_ending:${running.id}:2026-10-30`]);
    t.setNow(morning('2026-10-31'));
    await runAlerts(t.deps);
    expect(await alertKeys()).toEqual([]);
  });

  it('closes, in migration 0023, the end-of-watch task an earlier version raised when the measure ended', async () => {
    const [old] = await t.deps.db
      .insert(tasks)
      .values({
        householdId,
        title: 'Fin de la veille sociale après la mesure FSL maintien : faire le point avec le ménage',
        dueOn: '2026-10-30',
        source: 'measure',
        sourceId: running.id,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: tasks.id });
    const migration = readFileSync(join(migrationsFolder, '0026_watch_incidents_and_reopen.sql'), 'utf8');
    await t.deps.db.execute(sql.raw(migration.split('--> statement-breakpoint').at(-1)!));
    const [row] = await t.deps.db
      .select({ status: tasks.status, reason: tasks.closedReason })
      .from(tasks)
      .where(eq(tasks.id, old!.id));
    expect(row).toEqual({
      status: 'done',
      reason: 'Remplacée par les alertes de la veille (visite annuelle, fin de la veille).',
    });
  });
});
