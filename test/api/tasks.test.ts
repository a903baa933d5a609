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
import { auditActionLabel } from '../../src/shared/audit/actions.ts';

interface Task {
  id: string;
  title: string;
  status: string;
  source: string;
  sourceId: string | null;
  dueOn: string | null;
  ownerName: string | null;
  ownerOrganisationName: string | null;
  fileLabel: string;
  closedReason: string | null;
}

describe('tasks', () => {
  let t: TestApp;
  /** The household's named caseworker (she created the file). */
  let cw: TestSession;
  let cwUserId: string;
  /** A colleague of the same association, not named on the household. */
  let colleague: TestSession;
  let colleagueId: string;
  let assocId: string;
  let landlord: TestSession;
  let siao: TestSession;
  let siaoUserId: string;
  let strangerOrgId: string;
  let strangerUserId: string;
  let stranger: TestSession;
  let householdId: string;
  let otherHouseholdId: string;
  let diagnosticId: string;

  const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: s.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const tasksUrl = (id = householdId) => `/api/households/${id}/tasks`;
  const titles = (items: Task[]) => items.map((i) => i.title);

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    cwUserId = (
      await makeUser(t.deps.db, {
        organisationId: assoc.id,
        roles: ['caseworker'],
        fullName: 'Camille Roussel',
      })
    ).id;
    cw = await sessionFor(t.deps, cwUserId, assoc.id);
    colleagueId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    colleague = await sessionFor(t.deps, colleagueId, assoc.id);
    const l = await makeOrganisation(t.deps.db, 'landlord');
    landlord = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: l.id, roles: ['landlord_social_advisor'] })).id,
      l.id,
    );
    const s = await makeOrganisation(t.deps.db, 'siao', 'SIAO');
    siaoUserId = (await makeUser(t.deps.db, { organisationId: s.id, roles: ['caseworker'] })).id;
    siao = await sessionFor(t.deps, siaoUserId, s.id);
    const other = await makeOrganisation(t.deps.db, 'association');
    strangerOrgId = other.id;
    strangerUserId = (await makeUser(t.deps.db, { organisationId: other.id, roles: ['caseworker'] })).id;
    stranger = await sessionFor(t.deps, strangerUserId, other.id);

    householdId = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '8 place du Marché, 59000 Lille', landlordOrganisationId: l.id },
      }),
    );
    const consent = await call(cw, 'POST', `/api/households/${householdId}/consents`, {
      organisationId: s.id,
      purpose: 'support',
      validFrom: TODAY,
      method: 'signed_form',
    });
    expect(consent.statusCode).toBe(201);
    await consentToLandlord(t, cw, householdId, l.id);
    otherHouseholdId = await createHouseholdAs(t, cw);
    const diagnostic = await call(cw, 'POST', `/api/households/${householdId}/diagnostics`, {
      content: { familySituation: { adults: 1 } },
    });
    diagnosticId = diagnostic.json().id;
  });
  afterAll(async () => t.close());

  it('creates tasks owned by a person or an organisation, overdue ones included', async () => {
    const overdue = await call(cw, 'POST', tasksUrl(), {
      title: 'Relancer la CAF',
      dueOn: '2026-03-01',
      ownerUserId: cwUserId,
    });
    expect(overdue.statusCode).toBe(201);
    expect(overdue.json()).toMatchObject({
      title: 'Relancer la CAF',
      dueOn: '2026-03-01',
      status: 'open',
      source: 'manual',
      sourceId: null,
      ownerName: 'Camille Roussel',
      fileLabel: expect.stringMatching(/^M-\d{6}$/),
    });

    const urgent = await call(cw, 'POST', tasksUrl(), {
      title: 'Demande FSL accès',
      dueOn: '2026-03-15',
      ownerOrganisationId: assocId,
      diagnosticId,
    });
    expect(urgent.statusCode).toBe(201);
    expect(urgent.json()).toMatchObject({
      source: 'diagnostic',
      sourceId: diagnosticId,
      ownerUserId: null,
      ownerOrganisationName: 'Le Passage',
    });

    for (const [body, status] of [
      [{ title: 'Sans échéance, confiée au collègue', ownerUserId: colleagueId }, 201],
      [{ title: 'Confiée au SIAO', ownerUserId: siaoUserId, dueOn: '2026-04-01' }, 201],
      [{ title: 'Non attribuée' }, 201],
    ] as const) {
      // Created one second apart: tasks without a due date keep their creation order.
      t.advance(1000);
      expect((await call(cw, 'POST', tasksUrl(), body)).statusCode, body.title).toBe(status);
    }
  });

  it('refuses an owner outside the household’s parties, two owners, a bad date or another diagnostic', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ownerUserId: strangerUserId }, 'ownerUserId', 'n’appartient à aucune organisation partie'],
      [{ ownerUserId: '00000000-0000-4000-8000-000000000000' }, 'ownerUserId', 'Personne inconnue'],
      [{ ownerOrganisationId: strangerOrgId }, 'ownerOrganisationId', 'pas partie au dossier'],
      [
        { ownerOrganisationId: '00000000-0000-4000-8000-000000000000' },
        'ownerOrganisationId',
        'Organisation inconnue',
      ],
      [{ ownerUserId: cwUserId, ownerOrganisationId: assocId }, 'ownerUserId', 'un seul responsable'],
      [{ dueOn: '2026-02-30' }, 'dueOn', 'Date invalide'],
      [{ title: '  ' }, 'title', 'Libellé obligatoire'],
    ];
    for (const [extra, field, message] of cases) {
      const res = await call(cw, 'POST', tasksUrl(), { title: 'Une tâche', ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(extra)).toContain(message);
    }
    const foreign = await call(cw, 'POST', tasksUrl(otherHouseholdId), { title: 'Une tâche', diagnosticId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields.diagnosticId).toBeDefined();
  });

  it('lists the household’s tasks, open by due date then closed, for its caseworker only', async () => {
    const open = (await call(cw, 'GET', tasksUrl())).json().items as Task[];
    expect(titles(open)).toEqual([
      'Relancer la CAF',
      'Demande FSL accès',
      'Confiée au SIAO',
      'Sans échéance, confiée au collègue',
      'Non attribuée',
    ]);
    const done = open.find((i) => i.title === 'Relancer la CAF')!;
    expect(
      (await call(cw, 'POST', `${tasksUrl()}/${done.id}/close`, { outcome: 'done' })).json(),
    ).toMatchObject({ status: 'done', closedReason: null });
    const after = (await call(cw, 'GET', tasksUrl())).json().items as Task[];
    expect(titles(after).at(-1)).toBe('Relancer la CAF');
    expect(after.at(-1)!.status).toBe('done');

    // A party below the caseworker level is refused; an organisation that is no party sees nothing.
    for (const s of [siao, landlord]) {
      expect((await call(s, 'GET', tasksUrl())).statusCode).toBe(403);
      expect((await call(s, 'POST', tasksUrl(), { title: 'Une tâche' })).statusCode).toBe(403);
      expect((await call(s, 'POST', `${tasksUrl()}/${done.id}/close`, { outcome: 'done' })).statusCode).toBe(
        403,
      );
    }
    expect((await call(stranger, 'GET', tasksUrl())).statusCode).toBe(404);
    expect((await call(stranger, 'POST', tasksUrl(), { title: 'Une tâche' })).statusCode).toBe(404);
    expect(
      (await call(stranger, 'POST', `${tasksUrl()}/${done.id}/close`, { outcome: 'done' })).statusCode,
    ).toBe(404);
  });

  it('closes a task once: done, or dismissed with a reason; not through another household', async () => {
    const items = (await call(cw, 'GET', tasksUrl())).json().items as Task[];
    const task = items.find((i) => i.title === 'Non attribuée')!;
    const noReason = await call(cw, 'POST', `${tasksUrl()}/${task.id}/close`, { outcome: 'dismissed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.note).toContain('pourquoi');
    expect(
      (await call(cw, 'POST', `${tasksUrl(otherHouseholdId)}/${task.id}/close`, { outcome: 'done' }))
        .statusCode,
    ).toBe(404);

    const dismissed = await call(cw, 'POST', `${tasksUrl()}/${task.id}/close`, {
      outcome: 'dismissed',
      note: 'Le ménage a fait la démarche seul.',
    });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      closedReason: 'Le ménage a fait la démarche seul.',
    });
    const twice = await call(cw, 'POST', `${tasksUrl()}/${task.id}/close`, { outcome: 'done' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_STATE');

    const audit = (await call(cw, 'GET', `/api/households/${householdId}/audit`)).json().items as {
      actionLabel: string;
      description: string | null;
    }[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actionLabel: auditActionLabel('task.create'),
          description: 'Relancer la CAF',
        }),
        expect.objectContaining({
          actionLabel: auditActionLabel('task.close'),
          description: expect.stringContaining('Non attribuée'),
        }),
      ]),
    );
  });

  it('lists my open tasks by due date: mine, and my organisation’s where I am the named caseworker', async () => {
    const mine = (await call(cw, 'GET', '/api/tasks/mine')).json().items as Task[];
    expect(titles(mine)).toEqual(['Demande FSL accès']);
    // The colleague is not the household's named caseworker: the organisation's task is not hers.
    const theirs = (await call(colleague, 'GET', '/api/tasks/mine')).json().items as Task[];
    expect(titles(theirs)).toEqual(['Sans échéance, confiée au collègue']);
    // A SIAO worker is a party below the caseworker level: no task, even one owned by her.
    expect((await call(siao, 'GET', '/api/tasks/mine')).json().items).toEqual([]);
    expect((await call(stranger, 'GET', '/api/tasks/mine')).json().items).toEqual([]);
  });

  it('drops from my list the tasks of a household my organisation is no longer a party to', async () => {
    const partner = await makeOrganisation(t.deps.db, 'association');
    const partnerUser = await makeUser(t.deps.db, { organisationId: partner.id, roles: ['caseworker'] });
    const partnerSession = await sessionFor(t.deps, partnerUser.id, partner.id);
    const consent = await call(cw, 'POST', `/api/households/${householdId}/consents`, {
      organisationId: partner.id,
      purpose: 'support',
      validFrom: TODAY,
      method: 'signed_form',
    });
    const created = await call(cw, 'POST', tasksUrl(), {
      title: 'Visite commune',
      ownerUserId: partnerUser.id,
    });
    expect(created.statusCode).toBe(201);
    expect(titles((await call(partnerSession, 'GET', '/api/tasks/mine')).json().items)).toEqual([
      'Visite commune',
    ]);
    const revoked = await call(
      cw,
      'POST',
      `/api/households/${householdId}/consents/${consent.json().id}/revoke`,
      { reason: 'Fin de l’accompagnement partagé.' },
    );
    expect(revoked.statusCode).toBe(204);
    expect((await call(partnerSession, 'GET', '/api/tasks/mine')).json().items).toEqual([]);
  });

  it('pages my open tasks by due date, undated last, mine and my organisation’s alike', async () => {
    let second = 0;
    const make = async (title: string, dueOn: string | null, owner: 'me' | 'organisation') => {
      // A second apart: tasks due the same day come oldest first.
      t.setNow(new Date(NOW.getTime() + ++second * 1000));
      const res = await call(cw, 'POST', tasksUrl(), {
        title,
        dueOn,
        ...(owner === 'me' ? { ownerUserId: cwUserId } : { ownerOrganisationId: assocId }),
      });
      expect(res.statusCode).toBe(201);
    };
    await make('Page — sans échéance', null, 'me');
    await make('Page — 12 avril (organisation)', '2026-04-12', 'organisation');
    await make('Page — 1er avril', '2026-04-01', 'me');
    await make('Page — 20 mai (organisation)', '2026-05-20', 'organisation');
    await make('Page — 12 avril (moi)', '2026-04-12', 'me');
    t.setNow(NOW);

    const page = async (n: number) => {
      const res = await call(cw, 'GET', `/api/tasks/mine?page=${n}&pageSize=2`);
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Task[]; total: number; page: number; pageSize: number };
    };
    const pages = [await page(1), await page(2), await page(3), await page(4)];
    expect(pages.map((p) => [p.total, p.page, p.pageSize])).toEqual([
      [6, 1, 2],
      [6, 2, 2],
      [6, 3, 2],
      [6, 4, 2],
    ]);
    expect(pages.map((p) => titles(p.items))).toEqual([
      ['Demande FSL accès', 'Page — 1er avril'],
      // Same due date: the older first.
      ['Page — 12 avril (organisation)', 'Page — 12 avril (moi)'],
      ['Page — 20 mai (organisation)', 'Page — sans échéance'],
      [],
    ]);
    // Its pages are those of the whole list, which the default page holds.
    const whole = (await call(cw, 'GET', '/api/tasks/mine')).json();
    expect([whole.total, whole.page, whole.pageSize]).toEqual([6, 1, 25]);
    expect(titles(whole.items)).toEqual(pages.flatMap((p) => titles(p.items)));

    const tooBig = await call(cw, 'GET', '/api/tasks/mine?pageSize=500');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.fields).toHaveProperty('pageSize');
  });
});
