import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { committeeMeetings, committeeMembers, committees } from '../../src/modules/committees/schema.ts';
import { parisInstant } from '../../src/shared/time.ts';

/** `YYYY-MM-DDTHH:mm` on a Paris clock → ISO instant. */
const paris = (local: string) => parisInstant(local);

/** An ICS text read back (RFC 5545): unfolded lines, the calendar's properties and its events'. */
function parseIcs(text: string) {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0]!] = line.slice(i + 1);
    }
  }
  return { version: lines.find((l) => l.startsWith('VERSION:')), events };
}

describe('agenda', () => {
  let t: TestApp;
  let assocId: string;
  let cw: TestSession;
  let cwId: string;
  let colleagueId: string;
  let manager: TestSession;
  let managerId: string;
  let landlordId: string;
  let landlord: TestSession;
  let siao: TestSession;
  let stranger: TestSession;
  let householdId: string;
  let memberId: string;

  const call = (
    s: TestSession | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, ...(s ? { headers: s.headers } : {}), ...(payload ? { payload } : {}) });
  const url = (id = householdId) => `/api/households/${id}/appointments`;
  const visit = (from: string, to: string, extra: object = {}) => ({
    kind: 'home_visit',
    startsAt: paris(from),
    endsAt: paris(to),
    place: 'Domicile, Lanne-sur-Mer',
    note: 'Préparer le dossier FSL',
    ...extra,
  });
  const entries = async (since: number, action: string) =>
    t.deps.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, since), eq(auditLog.action, action)));
  const lastAuditId = async () =>
    (await t.deps.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;

  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://relais.example' });
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    cwId = (
      await makeUser(t.deps.db, {
        organisationId: assocId,
        roles: ['caseworker'],
        fullName: 'Camille Roussel',
      })
    ).id;
    cw = await sessionFor(t.deps, cwId, assocId);
    colleagueId = (
      await makeUser(t.deps.db, { organisationId: assocId, roles: ['caseworker'], fullName: 'Yanis Morel' })
    ).id;
    managerId = (await makeUser(t.deps.db, { organisationId: assocId, roles: ['team_manager'] })).id;
    manager = await sessionFor(t.deps, managerId, assocId);
    landlordId = (await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne')).id;
    landlord = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: landlordId, roles: ['landlord_social_advisor'] })).id,
      landlordId,
    );
    const siaoId = (await makeOrganisation(t.deps.db, 'siao')).id;
    siao = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: siaoId, roles: ['caseworker'] })).id,
      siaoId,
    );
    const other = (await makeOrganisation(t.deps.db, 'association')).id;
    stranger = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: other, roles: ['caseworker'] })).id,
      other,
    );
    householdId = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '8 place du Marché, 59000 Lille', landlordOrganisationId: landlordId },
      }),
    );
    await consentToLandlord(t, cw, householdId, landlordId);
    expect(
      (
        await call(cw, 'POST', `/api/households/${householdId}/consents`, {
          organisationId: siaoId,
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        })
      ).statusCode,
    ).toBe(201);
    memberId = (await call(cw, 'GET', `/api/households/${householdId}`)).json().members[0].id;
  });
  afterAll(() => t.close());

  /** Moves the clock months ahead: sessions opened before have expired, so each opens a new one. */
  async function movedTo(at: string) {
    t.setNow(new Date(paris(at)));
    cw = await sessionFor(t.deps, cwId, assocId);
    manager = await sessionFor(t.deps, managerId, assocId);
  }

  it('plans a home visit with the household, its members and a partner, and audits it', async () => {
    const since = await lastAuditId();
    const res = await call(
      cw,
      'POST',
      url(),
      visit('2026-03-12T14:00', '2026-03-12T15:00', {
        memberIds: [memberId],
        organisationIds: [landlordId],
        userIds: [cwId, colleagueId],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { appointment, overlaps } = res.json();
    expect(overlaps).toEqual([]);
    expect(appointment).toMatchObject({
      kind: 'home_visit',
      status: 'planned',
      startsAt: '2026-03-12T13:00:00.000Z',
      note: 'Préparer le dossier FSL',
      rowVersion: 1,
      householdLabel: expect.stringMatching(/^M-\d{6} — Dupré$/),
      organisations: [{ id: landlordId, name: 'Habitat Lanne' }],
      members: [{ id: memberId, name: 'Hélène Dupré' }],
    });
    expect(appointment.users.map((u: { name: string }) => u.name).sort()).toEqual([
      'Camille Roussel',
      'Yanis Morel',
    ]);
    const [entry] = await entries(since, 'appointment.create');
    expect(entry).toMatchObject({ householdId, actorUserId: cwId, entityId: appointment.id });
  });

  it('refuses, in French and field by field, what cannot be planned', async () => {
    const refused = async (body: object) => {
      const res = await call(cw, 'POST', url(), body);
      expect(res.statusCode).toBe(400);
      return res.json().error.fields as Record<string, string>;
    };
    expect(await refused(visit('2026-03-12T15:00', '2026-03-12T14:00'))).toEqual({
      endsAt: 'La fin doit être après le début.',
    });
    expect((await refused(visit('2026-03-12T08:00', '2026-03-12T21:00'))).endsAt).toMatch(
      /au plus 12 heures/,
    );
    // NOW is 11:00 in Paris: 09:59 is more than an hour ago, 10:00 is not.
    expect((await refused(visit('2026-03-10T09:59', '2026-03-10T11:00'))).startsAt).toMatch(/déjà passé/);
    expect((await call(cw, 'POST', url(), visit('2026-03-10T10:00', '2026-03-10T10:30'))).statusCode).toBe(
      201,
    );
    expect((await refused(visit('2026-03-13T09:00', '2026-03-13T10:00', { kind: 'dinner' }))).kind).toBe(
      'Choisissez le type de rendez-vous.',
    );
    const strangerOrg = (await makeOrganisation(t.deps.db, 'association')).id;
    const wrongPeople = await refused(
      visit('2026-03-13T09:00', '2026-03-13T10:00', {
        userIds: [(await makeUser(t.deps.db, { organisationId: strangerOrg, roles: ['caseworker'] })).id],
        organisationIds: [strangerOrg],
        memberIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(wrongPeople).toEqual({
      userIds: 'Choisissez les intervenants parmi les travailleurs sociaux de votre organisation.',
      memberIds: 'Choisissez les participants parmi les membres du ménage.',
      organisationIds: 'Un partenaire invité doit être partie au dossier du ménage.',
    });
    const noHousehold = await call(
      cw,
      'POST',
      '/api/agenda/appointments',
      visit('2026-03-13T09:00', '2026-03-13T10:00'),
    );
    expect(noHousehold.json().error.fields.kind).toMatch(/concerne un ménage/);
  });

  it('warns of an overlap with the same person’s appointment, without refusing it', async () => {
    const res = await call(
      cw,
      'POST',
      url(),
      visit('2026-03-12T14:30', '2026-03-12T16:00', { kind: 'phone_call', place: null }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().overlaps).toEqual([
      {
        userName: 'Camille Roussel',
        startsAt: '2026-03-12T13:00:00.000Z',
        endsAt: '2026-03-12T14:00:00.000Z',
      },
    ]);
    // Back to back is no overlap.
    const next = await call(cw, 'POST', url(), visit('2026-03-12T16:00', '2026-03-12T17:00'));
    expect(next.json().overlaps).toEqual([]);
  });

  it('edits at the version read, and answers 409 in French on a stale one', async () => {
    const created = (await call(cw, 'POST', url(), visit('2026-03-16T09:00', '2026-03-16T10:00'))).json()
      .appointment;
    const edit = (rowVersion: number) =>
      call(cw, 'PUT', `${url()}/${created.id}`, {
        ...visit('2026-03-16T09:30', '2026-03-16T10:30'),
        rowVersion,
      });
    const first = await edit(1);
    expect(first.statusCode).toBe(200);
    expect(first.json().appointment).toMatchObject({ startsAt: '2026-03-16T08:30:00.000Z', rowVersion: 2 });
    const stale = await edit(1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/modifié par quelqu’un d’autre/);

    const status = (body: object) =>
      call(cw, 'POST', `${url()}/${created.id}/status`, { rowVersion: 2, ...body });
    expect((await status({ status: 'cancelled' })).json().error.fields.reason).toBe(
      'Indiquez pourquoi le rendez-vous est annulé.',
    );
    expect((await status({ status: 'missed' })).json().error.fields.status).toMatch(/une fois commencé/);
    const cancelled = await status({ status: 'cancelled', reason: 'Madame est hospitalisée.' });
    expect(cancelled.json().appointment).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Madame est hospitalisée.',
      rowVersion: 3,
    });
    expect((await edit(3)).json().error.message).toBe('Seul un rendez-vous prévu peut être modifié.');
    // Through another household's route, or the household-less one, it is unknown.
    const other = await createHouseholdAs(t, cw);
    expect(
      (
        await call(cw, 'PUT', `${url(other)}/${created.id}`, {
          ...visit('2026-03-16T09:30', '2026-03-16T10:30'),
          rowVersion: 3,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(cw, 'POST', `/api/agenda/appointments/${created.id}/status`, {
          rowVersion: 3,
          status: 'done',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('shows a partner taking part the appointments that involve it, without the note; others nothing', async () => {
    const since = await lastAuditId();
    const forLandlord = await call(landlord, 'GET', url());
    expect(forLandlord.statusCode).toBe(200);
    const items = forLandlord.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).not.toHaveProperty('note');
    expect(items[0]!.householdLabel).toMatch(/^M-\d{6}$/);
    expect(forLandlord.body).not.toContain('FSL');
    expect((await entries(since, 'appointment.list')).map((e) => e.actorOrganisationId)).toEqual([
      landlordId,
    ]);
    // The SIAO is a party that takes part in none: it reads an empty list.
    expect((await call(siao, 'GET', url())).json().items).toEqual([]);
    expect((await call(stranger, 'GET', url())).statusCode).toBe(404);
    expect(
      (await call(landlord, 'POST', url(), visit('2026-03-13T09:00', '2026-03-13T10:00'))).statusCode,
    ).toBe(403);
    // The agenda itself is the social workers'.
    expect((await call(landlord, 'GET', '/api/agenda/week')).statusCode).toBe(403);
    const own = (await call(cw, 'GET', url())).json().items as { note?: string }[];
    expect(own.every((a) => 'note' in a)).toBe(true);
  });

  it('shows a week, Monday to Sunday in Paris, across the autumn clock change, with committee meetings', async () => {
    await movedTo('2026-10-19T07:00');
    const plan = async (from: string, to: string, userIds = [cwId]) =>
      (await call(cw, 'POST', url(), visit(from, to, { userIds }))).json().appointment.id as string;
    const monday = await plan('2026-10-19T09:00', '2026-10-19T10:00');
    const sundayNight = await plan('2026-10-25T23:00', '2026-10-25T23:45');
    const nextMonday = await plan('2026-10-26T00:30', '2026-10-26T01:00');
    const colleagues = await plan('2026-10-21T09:00', '2026-10-21T10:00', [colleagueId]);
    const [committee] = await t.deps.db
      .insert(committees)
      .values({
        organisationId: landlordId,
        name: 'Comité de suivi Lanne',
        kind: 'orientation_follow_up',
        cadence: 'monthly',
      })
      .returning();
    await t.deps.db.insert(committeeMembers).values({ committeeId: committee!.id, organisationId: assocId });
    await t.deps.db.insert(committeeMeetings).values({
      committeeId: committee!.id,
      startsAt: new Date(paris('2026-10-22T14:30')),
      durationMinutes: 90,
    });

    const since = await lastAuditId();
    const res = await call(cw, 'GET', '/api/agenda/week?day=2026-10-25');
    expect(res.statusCode, res.body).toBe(200);
    const week = res.json();
    expect(week).toMatchObject({ monday: '2026-10-19', sunday: '2026-10-25', user: { id: cwId } });
    const ids = week.appointments.map((a: { id: string }) => a.id);
    expect(ids).toEqual([monday, sundayNight]);
    expect(ids).not.toContain(nextMonday);
    expect(ids).not.toContain(colleagues);
    expect(week.meetings).toEqual([
      expect.objectContaining({
        committeeName: 'Comité de suivi Lanne',
        startsAt: '2026-10-22T12:30:00.000Z',
        endsAt: '2026-10-22T14:00:00.000Z',
      }),
    ]);
    expect((await entries(since, 'appointment.week')).map((e) => e.householdId)).toEqual([householdId]);

    // A team leader opens a caseworker's week; a caseworker cannot open a colleague's.
    const forManager = await call(manager, 'GET', `/api/agenda/week?day=2026-10-21&userId=${colleagueId}`);
    expect(forManager.json().appointments.map((a: { id: string }) => a.id)).toEqual([colleagues]);
    expect((await call(cw, 'GET', `/api/agenda/week?userId=${colleagueId}`)).statusCode).toBe(403);
    const people = (await call(manager, 'GET', '/api/agenda/people')).json();
    expect(people.mayChoose).toBe(true);
    expect(people.items.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Camille Roussel', 'Yanis Morel']),
    );
  });

  it('serves a personal feed: valid ICS in UTC across the clock change, no household name by default', async () => {
    await movedTo('2026-10-20T08:00');
    await call(cw, 'POST', url(), visit('2026-10-24T10:00', '2026-10-24T11:00'));
    await call(cw, 'POST', url(), visit('2026-10-25T10:00', '2026-10-25T11:00', { place: null }));
    expect((await call(cw, 'GET', '/api/agenda/feed')).json()).toMatchObject({ active: false });
    const created = await call(cw, 'POST', '/api/agenda/feed', {});
    expect(created.statusCode).toBe(201);
    const feedUrl: string = created.json().url;
    const token = /\/api\/agenda\/feed\/([A-Za-z0-9_-]+)\.ics$/.exec(feedUrl)![1]!;
    expect(feedUrl.startsWith('https://relais.example/api/agenda/feed/')).toBe(true);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect((await call(cw, 'GET', '/api/agenda/feed')).json()).toMatchObject({ active: true });

    const since = await lastAuditId();
    const res = await call(null, 'GET', `/api/agenda/feed/${token}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = parseIcs(res.body);
    expect(ics.version).toBe('VERSION:2.0');
    const byStart = Object.fromEntries(ics.events.map((e) => [e.DTSTART, e]));
    // Saturday 10:00 in Paris is 08:00 UTC (summer time); Sunday 10:00, after the change, 09:00 UTC.
    expect(byStart['20261024T080000Z']).toMatchObject({
      DTEND: '20261024T090000Z',
      SUMMARY: 'Visite à domicile',
      LOCATION: 'Domicile\\, Lanne-sur-Mer',
    });
    expect(byStart['20261025T090000Z']).toMatchObject({
      SUMMARY: 'Visite à domicile',
      DTEND: '20261025T100000Z',
    });
    expect(res.body).not.toMatch(/Dupré|M-0|FSL/);
    expect(ics.events.every((e) => e.UID?.endsWith('@relais'))).toBe(true);
    const [fetched] = await entries(since, 'appointment.feed');
    expect(fetched).toMatchObject({ actorUserId: cwId, entityType: 'agenda_feed' });

    // With the family name chosen, a new address (the old one answers as unknown).
    const named = (await call(cw, 'POST', '/api/agenda/feed', { includeFamilyName: true })).json()
      .url as string;
    const old = await call(null, 'GET', `/api/agenda/feed/${token}.ics`);
    const unknown = await call(null, 'GET', `/api/agenda/feed/${'x'.repeat(43)}.ics`);
    expect(old.statusCode).toBe(404);
    expect(old.body).toBe(unknown.body);
    const withName = await call(null, 'GET', new URL(named).pathname);
    expect(withName.body).toContain('SUMMARY:Visite à domicile — Dupré');
    expect(withName.body).not.toMatch(/M-0|FSL/);

    // Revoked: the address answers at once as an unknown one.
    const beforeRevoke = await lastAuditId();
    expect((await call(cw, 'DELETE', '/api/agenda/feed')).statusCode).toBe(204);
    expect(await entries(beforeRevoke, 'agenda_feed.revoke')).toEqual([
      expect.objectContaining({ actorUserId: cwId, entityType: 'agenda_feed' }),
    ]);
    // With the family name, each fetch was also a read of each household named.
    expect((await entries(since, 'appointment.feed')).map((e) => e.householdId)).toContain(householdId);
    const revoked = await call(null, 'GET', new URL(named).pathname);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).toBe(unknown.body);
    t.setNow(NOW);
  });
});
