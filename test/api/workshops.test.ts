import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { sessionAs } from '../helpers/measure-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { journalEntries } from '../../src/modules/journal/schema.ts';
import type { TWorkshop } from '../../src/shared/contracts/workshops.ts';
import type { TTimeline } from '../../src/shared/contracts/journal.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

describe('collective workshops', () => {
  let t: TestApp;
  let cw: TestSession;
  let colleague: TestSession;
  let siao: TestSession;
  let stranger: TestSession;
  let strangerUserId: string;
  let siaoId: string;
  let partnerId: string;
  const households: string[] = [];
  const FAMILIES = ['Aubertin', 'Belkacem', 'Carvalho'];

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const workshopBody = (extra: object = {}) => ({
    theme: 'Recherche collective de logement',
    briques: ['2.2'],
    // 9 March 2026, 14:00 in Paris: the day before the tests' clock.
    startsAt: '2026-03-09T14:00:00+01:00',
    durationMinutes: 120,
    place: 'Salle commune, 3 rue des Lilas',
    ...extra,
  });
  const plan = async (extra: object = {}) =>
    ok<TWorkshop>(await call(cw, 'POST', '/api/workshops', workshopBody(extra)));
  const workshopEntries = (householdId: string) =>
    t.deps.db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.householdId, householdId), eq(journalEntries.kind, 'workshop')));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    cw = await sessionAs(t, assoc.id, ['caseworker'], 'Camille Roussel');
    colleague = await sessionAs(t, assoc.id, ['team_manager'], 'Yanis Morel');
    const siaoOrg = await makeOrganisation(t.deps.db, 'siao', 'SIAO de Lanne');
    siaoId = siaoOrg.id;
    siao = await sessionAs(t, siaoId, ['caseworker']);
    partnerId = (await makeOrganisation(t.deps.db, 'association', 'Atelier Bricol’')).id;
    const other = await makeOrganisation(t.deps.db, 'association', 'Autre association');
    strangerUserId = (await makeUser(t.deps.db, { organisationId: other.id, roles: ['caseworker'] })).id;
    stranger = await sessionFor(t.deps, strangerUserId, other.id);
    for (const lastName of FAMILIES) {
      const base = sampleHousehold();
      households.push(
        await createHouseholdAs(
          t,
          cw,
          sampleHousehold({ members: base.members.map((m, i) => (i === 0 ? { ...m, lastName } : m)) }),
        ),
      );
    }
    // The SIAO is a party to the first household only.
    await ok(
      await call(cw, 'POST', `/api/households/${households[0]}/consents`, {
        organisationId: siaoId,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      }),
    );
  });
  afterAll(() => t.close());

  it('plans a workshop with its briques, facilitators and partners, and lists it', async () => {
    const w = await plan({ partnerOrganisationIds: [partnerId] });
    expect(w.status).toBe('planned');
    expect(w.briques).toEqual([{ code: '2.2', label: expect.stringMatching(/^2\.2 — /) }]);
    expect(w.facilitators.map((f) => f.name)).toEqual(['Camille Roussel']);
    expect(w.partners.map((p) => p.name)).toEqual(['Atelier Bricol’']);
    const list = await ok<{ items: { id: string }[] }>(await call(colleague, 'GET', '/api/workshops'));
    expect(list.items.map((i) => i.id)).toContain(w.id);
    expect((await ok<{ items: unknown[] }>(await call(stranger, 'GET', '/api/workshops'))).items).toEqual([]);
    const created = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, w.id));
    expect(created.map((a) => a.action)).toEqual(['workshop.create']);
  });

  it('refuses bad input in French, field by field', async () => {
    const res = await call(cw, 'POST', '/api/workshops', workshopBody({ theme: ' ', durationMinutes: 0 }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/Thème de l’atelier obligatoire/);
    const unknown = await call(cw, 'POST', '/api/workshops', workshopBody({ briques: ['9.9'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.briques).toMatch(/Brique inconnue du référentiel en vigueur : 9\.9/);
    const outsider = await call(
      cw,
      'POST',
      '/api/workshops',
      workshopBody({ facilitatorUserIds: [strangerUserId] }),
    );
    expect(outsider.json().error.fields.facilitatorUserIds).toMatch(
      /travailleurs sociaux de votre organisation/,
    );
  });

  it('invites only households the organisation follows', async () => {
    const w = await plan();
    const foreign = await createHouseholdAs(t, stranger, sampleHousehold());
    const refused = await call(cw, 'PUT', `/api/workshops/${w.id}/invitations`, {
      rowVersion: w.rowVersion,
      householdIds: [households[0], foreign],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.householdIds).toMatch(/ménages que votre organisation accompagne/);
  });

  it('writes one journal entry per present household, once, naming nobody else', async () => {
    let w = await plan({ theme: 'Vie sociale et voisinage', briques: ['3.5'] });
    w = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${w.id}/invitations`, {
        rowVersion: w.rowVersion,
        householdIds: households,
      }),
    );
    expect(w.households.map((h) => h.familyName)).toEqual(FAMILIES);
    const attendance = {
      attendance: [
        { householdId: households[0], attendance: 'present' },
        { householdId: households[1], attendance: 'present' },
        { householdId: households[2], attendance: 'excused' },
      ],
    };
    w = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${w.id}/attendance`, { rowVersion: w.rowVersion, ...attendance }),
    );
    expect(w.households.map((h) => [h.attendance, h.inJournal])).toEqual([
      ['present', true],
      ['present', true],
      ['excused', false],
    ]);
    expect(w.presentCount).toBe(2);
    // Saved twice, by another member of staff: still one entry per household.
    w = await ok<TWorkshop>(
      await call(colleague, 'PUT', `/api/workshops/${w.id}/attendance`, {
        rowVersion: w.rowVersion,
        ...attendance,
      }),
    );
    expect(await workshopEntries(households[0]!)).toHaveLength(1);
    expect(await workshopEntries(households[1]!)).toHaveLength(1);
    expect(await workshopEntries(households[2]!)).toHaveLength(0);

    // The first household's timeline shows the workshop and no other household.
    const timeline = await call(cw, 'GET', `/api/households/${households[0]}/timeline?pageSize=100`);
    const items = (timeline.json() as TTimeline).items;
    expect(items.some((i) => JSON.stringify(i).includes('Vie sociale et voisinage'))).toBe(true);
    for (const other of [households[1]!, households[2]!, 'Belkacem', 'Carvalho'])
      expect(timeline.body).not.toContain(other);
    // The partner of the first household sees its entry like any ordinary one, never the list.
    const partnerView = await call(siao, 'GET', `/api/households/${households[0]}/timeline?pageSize=100`);
    expect(partnerView.statusCode).toBe(200);
    expect(partnerView.body).toContain('Vie sociale et voisinage');
    expect(partnerView.body).not.toMatch(/Belkacem|Carvalho/);
    expect((await call(siao, 'GET', `/api/workshops/${w.id}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/api/workshops/${w.id}`)).statusCode).toBe(404);
    expect((await ok<{ items: unknown[] }>(await call(siao, 'GET', '/api/workshops'))).items).toEqual([]);
    // Each household touched has its own audit trail.
    const attendanceAudit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.id), eq(auditLog.action, 'workshop.attendance')));
    expect(attendanceAudit.map((a) => a.householdId).sort()).toEqual([...households].sort());
  });

  it('refuses to take back a presence already in the journal, and attendance before the workshop', async () => {
    let w = await plan();
    w = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${w.id}/invitations`, {
        rowVersion: w.rowVersion,
        householdIds: [households[0]],
      }),
    );
    w = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${w.id}/attendance`, {
        rowVersion: w.rowVersion,
        attendance: [{ householdId: households[0], attendance: 'present' }],
      }),
    );
    const back = await call(cw, 'PUT', `/api/workshops/${w.id}/attendance`, {
      rowVersion: w.rowVersion,
      attendance: [{ householdId: households[0], attendance: 'absent' }],
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields.attendance).toMatch(/déjà inscrite au journal du ménage/);

    let next = await plan({ startsAt: '2026-03-20T14:00:00+01:00' });
    next = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${next.id}/invitations`, {
        rowVersion: next.rowVersion,
        householdIds: [households[1]],
      }),
    );
    const early = await call(cw, 'PUT', `/api/workshops/${next.id}/attendance`, {
      rowVersion: next.rowVersion,
      attendance: [{ householdId: households[1], attendance: 'present' }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.attendance).toBe('La présence se note une fois l’atelier commencé.');
  });

  it('edits at the version read and cancels with a reason', async () => {
    const w = await plan();
    const changed = await ok<TWorkshop>(
      await call(cw, 'PUT', `/api/workshops/${w.id}`, {
        ...workshopBody({ place: 'Maison de quartier' }),
        rowVersion: w.rowVersion,
      }),
    );
    expect(changed.place).toBe('Maison de quartier');
    const stale = await call(cw, 'PUT', `/api/workshops/${w.id}`, {
      ...workshopBody(),
      rowVersion: w.rowVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/modifié par quelqu’un d’autre/);
    const cancelled = await ok<TWorkshop>(
      await call(cw, 'POST', `/api/workshops/${w.id}/cancel`, {
        rowVersion: changed.rowVersion,
        reason: 'Salle indisponible',
      }),
    );
    expect([cancelled.status, cancelled.cancelReason]).toEqual(['cancelled', 'Salle indisponible']);
    const again = await call(cw, 'POST', `/api/workshops/${w.id}/cancel`, {
      rowVersion: cancelled.rowVersion,
      reason: 'Encore',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Cet atelier est annulé : il ne se modifie plus.');
  });
});
