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
import { makeDepartement, makeFunder, measureTo, sessionAs } from '../helpers/measure-fixtures.ts';

interface Item {
  id: string;
  kind: string;
  title: string;
  fileLabel: string;
  householdId: string | null;
  householdPresence: string;
  canSetPresence: boolean;
  measure: { id: string; status: string } | null;
  decision: { outcome: string; summary: string; reason: string | null; measureId: string | null } | null;
}
interface Meeting {
  id: string;
  convenes: boolean;
  items: Item[];
  suggestions: { kind: string; householdId: string; title: string; referenceId: string }[];
}
interface Measure {
  id: string;
  visitsPerMonth?: number | null;
  occupancy?: string | null;
  status: string;
  rowVersion: number;
  renewals: number;
  events?: { label: string; detail: string | null }[];
}

describe('committees', () => {
  let t: TestApp;
  let coordinator: TestSession;
  let cw: TestSession;
  let memberCw: TestSession;
  let outsider: TestSession;
  let officer: TestSession;
  let assocId: string;
  let landlordId: string;
  let memberId: string;
  const schemes: Record<string, string> = {};
  let h1: string;
  let h2: string;
  let h3: string;
  let proposed: Measure;
  let ending: Measure;
  let exhausted: Measure;
  let overdue: Measure;
  let committeeId: string;
  let meetingId: string;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Awaited<ReturnType<typeof call>>): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const measureUrl = (hh: string, id = '') => `/api/households/${hh}/measures${id ? `/${id}` : ''}`;
  const measureOn = (hh: string, scheme: string, until: 'proposed' | 'active', startOn = '2025-10-01') =>
    measureTo<Measure>(t, {
      cw,
      officer,
      householdId: hh,
      body: { schemeId: schemes[scheme], operatorOrganisationId: assocId, briques: ['2.4'] },
      until,
      prescribedOn: '2025-09-15',
      decidedOn: '2025-09-20',
      startOn,
    });
  const getMeeting = async (s: TestSession) =>
    ok<Meeting>(await call(s, 'GET', `/api/meetings/${meetingId}`));
  const decide = (item: Item, body: object) =>
    call(coordinator, 'POST', `/api/meetings/${meetingId}/items/${item.id}/decision`, {
      decidedOn: TODAY,
      ...body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['asll-maintien', 'fsl-maintien'], '2025-01-01');
    officer = funder.officer;
    Object.assign(schemes, funder.schemes);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    cw = await sessionAs(t, assoc.id, ['caseworker']);
    const landlord = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlordId = landlord.id;
    coordinator = await sessionAs(t, landlord.id, ['committee_coordinator']);
    const member = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    memberId = member.id;
    memberCw = await sessionAs(t, member.id, ['caseworker']);
    const other = await makeOrganisation(t.deps.db, 'association', 'Hors comité');
    outsider = await sessionAs(t, other.id, ['caseworker']);

    h1 = await createHouseholdAs(t, cw, sampleHousehold());
    await consentToLandlord(t, cw, h1, landlordId);
    h2 = await createHouseholdAs(t, cw, sampleHousehold());
    const lonely = await createHouseholdAs(t, outsider, sampleHousehold());
    h3 = lonely;
    proposed = await measureOn(h1, 'asll-maintien', 'proposed');
    ending = await measureOn(h2, 'asll-maintien', 'active', '2025-04-01');
    overdue = await measureOn(h2, 'asll-maintien', 'active', '2025-02-01');
    exhausted = await measureOn(h2, 'fsl-maintien', 'active', '2025-10-01');
    exhausted = await ok(
      await call(cw, 'POST', `${measureUrl(h2, exhausted.id)}/renew`, {
        rowVersion: exhausted.rowVersion,
        evaluation: 'Dette en cours d’apurement.',
      }),
    );
  });
  afterAll(() => t.close());

  it('lets coordinators convene a committee and plan a meeting, its members told', async () => {
    const body = {
      name: 'Comité d’orientation et de suivi Lanne',
      kind: 'orientation_follow_up',
      cadence: 'quarterly',
      memberOrganisationIds: [assocId, memberId],
    };
    expect((await call(cw, 'POST', '/api/committees', body)).statusCode).toBe(403);
    const nowhere = await call(coordinator, 'POST', '/api/committees', { ...body, territoryId: assocId });
    expect(nowhere.json().error.fields.territoryId).toBe('Territoire inconnu.');
    const committee = await ok<{ id: string; members: { name: string }[]; convenes: boolean }>(
      await call(coordinator, 'POST', '/api/committees', body),
    );
    committeeId = committee.id;
    expect(committee.members.map((m) => m.name).sort()).toEqual(['Le Passage', 'L’Escale'].sort());
    expect(committee.convenes).toBe(true);
    expect(
      (
        await call(cw, 'POST', `/api/committees/${committeeId}/meetings`, {
          startsAt: '2026-03-24T13:30:00Z',
        })
      ).statusCode,
    ).toBe(403);
    const m = await ok<Meeting>(
      await call(coordinator, 'POST', `/api/committees/${committeeId}/meetings`, {
        startsAt: '2026-03-24T13:30:00Z',
        location: 'Agence Nord, salle 2',
      }),
    );
    meetingId = m.id;
    const notes = await ok<{ items: { title: string }[] }>(await call(cw, 'GET', '/api/notifications'));
    expect(notes.items.map((n) => n.title)).toContain(
      'Comité d’orientation et de suivi Lanne : réunion le 24/03/2026 14:30',
    );
    const seen = await ok<{ items: { name: string; convenes: boolean }[] }>(
      await call(memberCw, 'GET', '/api/committees'),
    );
    expect(seen.items).toEqual([
      expect.objectContaining({ name: 'Comité d’orientation et de suivi Lanne', convenes: false }),
    ]);
    expect((await call(outsider, 'GET', `/api/meetings/${meetingId}`)).statusCode).toBe(404);
  });

  it('suggests what waits among the households its members follow', async () => {
    const m = await getMeeting(coordinator);
    const refs = m.suggestions.map((s) => s.referenceId);
    expect(refs).toContain(proposed.id);
    expect(refs).toContain(ending.id);
    expect(m.suggestions.find((s) => s.referenceId === proposed.id)!.title).toBe(
      'Mesure proposée : ASLL maintien',
    );
    expect(m.suggestions.find((s) => s.referenceId === ending.id)!.title).toBe(
      'ASLL maintien : fin prévue le 01/04/2026',
    );
    expect(m.suggestions.find((s) => s.referenceId === overdue.id)).toMatchObject({
      kind: 'measure_closing',
      title: 'ASLL maintien : fin prévue le 01/02/2026, dépassée — à clore',
    });
    expect(m.suggestions.some((s) => s.householdId === h3)).toBe(false);
  });

  it('builds the agenda: coordinators from what waits, parties for their households, nobody else', async () => {
    for (const [hh, ref] of [
      [h1, proposed.id],
      [h2, ending.id],
      [h2, exhausted.id],
    ] as const)
      await ok(
        await call(coordinator, 'POST', `/api/meetings/${meetingId}/items`, {
          kind: 'measure_review',
          householdId: hh,
          referenceId: ref,
          title: `Situation ${hh}`,
        }),
      );
    const stray = await call(coordinator, 'POST', `/api/meetings/${meetingId}/items`, {
      kind: 'other',
      householdId: h3,
      title: 'Hors comité',
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.fields.householdId).toMatch(/Dossier introuvable/);
    const notParty = await call(memberCw, 'POST', `/api/meetings/${meetingId}/items`, {
      kind: 'other',
      householdId: h1,
      title: 'Mme D.',
    });
    expect(notParty.statusCode).toBe(400);
    const wrongRef = await call(cw, 'POST', `/api/meetings/${meetingId}/items`, {
      kind: 'diagnostic',
      householdId: h1,
      referenceId: proposed.id,
      title: 'Diagnostic',
    });
    expect(wrongRef.json().error.fields.referenceId).toMatch(/Choisissez ce qui est présenté/);
    const m = await ok<Meeting>(
      await call(cw, 'POST', `/api/meetings/${meetingId}/items`, {
        kind: 'other',
        householdId: h1,
        title: 'Mme Dupré : relogement après sinistre',
      }),
    );
    expect(m.items).toHaveLength(4);
    const listed = await ok<{ items: { meetings: { items: number }[] }[] }>(
      await call(memberCw, 'GET', '/api/committees'),
    );
    expect(listed.items[0]!.meetings[0]!.items).toBe(4);
    const presence = await ok<Meeting>(
      await call(cw, 'PUT', `/api/meetings/${meetingId}/items/${m.items[3]!.id}/household`, {
        presence: 'attended',
      }),
    );
    expect(presence.items[3]!.householdPresence).toBe('attended');
    expect(presence.items.map((i) => i.canSetPresence)).toEqual([false, false, false, true]);
    expect(
      (
        await call(memberCw, 'PUT', `/api/meetings/${meetingId}/items/${m.items[3]!.id}/household`, {
          presence: 'declined',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows each member what its access allows', async () => {
    const asMember = await getMeeting(memberCw);
    expect(asMember.items.every((i) => i.householdId === null)).toBe(true);
    expect(asMember.items[3]!.title).toBe('Autre situation');
    expect(JSON.stringify(asMember)).not.toContain('Dupré');
    expect(asMember.suggestions).toEqual([]);
    const asParty = await getMeeting(cw);
    expect(asParty.items[3]).toMatchObject({
      title: 'Mme Dupré : relogement après sinistre',
      householdId: h1,
    });
  });

  it('records decisions that act on the measures, through the scheme rules', async () => {
    const m = await getMeeting(coordinator);
    const [onProposed, onEnding, onExhausted] = m.items;
    // The item presents a proposed measure: the orientation prescribes it, its scheme and operator.
    const orientation = {
      outcome: 'orientation',
      briques: ['2.4'],
      visitsPerMonth: 2,
      occupancy: 'current_home',
    };
    expect(
      (
        await call(cw, 'POST', `/api/meetings/${meetingId}/items/${onProposed!.id}/decision`, {
          decidedOn: TODAY,
          ...orientation,
        })
      ).statusCode,
    ).toBe(403);
    const after = await ok<Meeting>(await decide(onProposed!, orientation));
    expect(after.items[0]!.decision).toMatchObject({
      outcome: 'orientation',
      summary:
        'Orientation : ASLL maintien — Le Passage — 2 visites par mois — Maintien dans le logement actuel — briques 2.4',
    });
    const measures = await ok<{ items: Measure[] }>(await call(cw, 'GET', measureUrl(h1)));
    const prescribed = measures.items.find((i) => i.id === proposed.id)!;
    // Prescribed as the committee settled it: its intensity and occupancy, the proposal's scheme.
    expect(prescribed).toMatchObject({ status: 'prescribed', visitsPerMonth: 2, occupancy: 'current_home' });
    expect(prescribed.events!.at(-1)!.detail).toBe(
      'Décision du comité d’orientation et de suivi « Comité d’orientation et de suivi Lanne » du 24/03/2026.',
    );
    const home = await ok<{ pending: { items: { id: string; prescription: string | null }[] } }>(
      await call(officer, 'GET', '/api/funder/home'),
    );
    expect(home.pending.items.find((p) => p.id === proposed.id)!.prescription).toMatch(/^Décision du comité/);
    expect((await decide(onProposed!, { outcome: 'deferral', reason: 'Deux fois ?' })).statusCode).toBe(409);

    const refused = await decide(onExhausted!, { outcome: 'renewal', reason: 'Encore six mois.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/Nombre de renouvellements/);
    expect((await getMeeting(coordinator)).items[2]!.decision).toBeNull();
    const noNext = await decide(onExhausted!, { outcome: 'closure', endReason: 'objectives_reached' });
    expect(noNext.json().error.fields.orientation).toMatch(/sans orientation/);
    const closed = await ok<Meeting>(
      await decide(onExhausted!, {
        outcome: 'closure',
        endReason: 'objectives_reached',
        orientation: 'watch',
        watchMonths: 12,
      }),
    );
    expect(closed.items[2]!.decision!.summary).toBe('Clôture : Objectifs atteints — Veille sociale');

    const renewed = await ok<Meeting>(
      await decide(onEnding!, { outcome: 'renewal', reason: 'Le budget se stabilise.' }),
    );
    expect(renewed.items[1]!.decision!.summary).toBe('Renouvellement');
    const h2Measures = await ok<{ items: Measure[] }>(await call(cw, 'GET', measureUrl(h2)));
    expect(h2Measures.items.find((i) => i.id === ending.id)!.renewals).toBe(1);
    expect(h2Measures.items.find((i) => i.id === exhausted.id)!.status).toBe('ended');
  });

  it('lets its coordinators name who sits for each organisation; the named ones are invited', async () => {
    interface Person {
      id: string;
      fullName: string;
      function: string | null;
      organisationName: string;
      hasAccount: boolean;
    }
    type Committee = { members: { name: string }[]; people: Person[] };
    const url = `/api/committees/${committeeId}`;
    const named = await makeUser(t.deps.db, {
      organisationId: memberId,
      roles: ['caseworker'],
      fullName: 'Inès Garnier',
    });
    const colleague = await makeUser(t.deps.db, { organisationId: memberId, roles: ['caseworker'] });
    const unnamed = await sessionFor(t.deps, colleague.id, memberId);
    const landlordUser = await makeUser(t.deps.db, { organisationId: landlordId, roles: ['caseworker'] });
    const caf = await makeOrganisation(t.deps.db, 'funder', 'CAF de Lanne');

    const person = { organisationId: memberId, userId: named.id, function: 'Référente maintien' };
    expect((await call(memberCw, 'POST', `${url}/people`, person)).statusCode).toBe(403);
    expect((await call(outsider, 'POST', `${url}/people`, person)).statusCode).toBe(404);
    const fieldsOf = async (body: object) =>
      (await call(coordinator, 'POST', `${url}/people`, body)).json().error.fields;
    expect(await fieldsOf({ organisationId: memberId })).toEqual({
      fullName: 'Choisissez un utilisateur de l’organisation ou indiquez le nom de la personne.',
    });
    expect(await fieldsOf({ organisationId: caf.id, fullName: 'Luc Ferrand' })).toEqual({
      organisationId: 'Cette organisation ne siège pas au comité.',
    });
    expect(await fieldsOf({ organisationId: memberId, userId: landlordUser.id })).toEqual({
      userId: 'Cette personne n’est pas un utilisateur actif de l’organisation.',
    });

    await ok(await call(coordinator, 'POST', `${url}/people`, person));
    expect(await fieldsOf(person)).toEqual({ userId: 'Inès Garnier siège déjà au comité.' });
    const chair = { organisationId: landlordId, fullName: 'Nadia Benali', function: 'Présidente de séance' };
    await ok(await call(coordinator, 'POST', `${url}/people`, chair));
    let committee = await ok<Committee>(
      await call(coordinator, 'POST', `${url}/members`, { organisationId: caf.id }),
    );
    expect(committee.members.map((m) => m.name)).toContain('CAF de Lanne');
    committee = await ok<Committee>(
      await call(coordinator, 'POST', `${url}/people`, { organisationId: caf.id, fullName: 'Luc Ferrand' }),
    );
    expect(committee.people.map((p) => [p.fullName, p.function, p.organisationName, p.hasAccount])).toEqual([
      ['Luc Ferrand', null, 'CAF de Lanne', false],
      ['Nadia Benali', 'Présidente de séance', 'Habitat Lanne', false],
      ['Inès Garnier', 'Référente maintien', 'L’Escale', true],
    ]);
    // A member's user names, and withdraws, themself only.
    const self = { organisationId: memberId, userId: colleague.id };
    committee = await ok<Committee>(await call(unnamed, 'POST', `${url}/people`, self));
    const selfId = committee.people.find((p) => p.hasAccount && p.fullName !== 'Inès Garnier')!.id;
    const ines = committee.people.find((p) => p.fullName === 'Inès Garnier')!.id;
    expect((await call(unnamed, 'DELETE', `${url}/people/${ines}`)).statusCode).toBe(403);
    expect((await call(unnamed, 'POST', `${url}/members`, { organisationId: caf.id })).statusCode).toBe(403);
    await ok(await call(unnamed, 'DELETE', `${url}/people/${selfId}`));
    // Removing an organisation removes the people who sat for it.
    committee = await ok<Committee>(await call(coordinator, 'DELETE', `${url}/members/${caf.id}`));
    expect(committee.members.map((m) => m.name)).not.toContain('CAF de Lanne');
    expect(committee.people.map((p) => p.fullName)).toEqual(['Nadia Benali', 'Inès Garnier']);
    expect((await call(coordinator, 'DELETE', `${url}/members/${caf.id}`)).statusCode).toBe(404);
    const benali = committee.people.find((p) => p.fullName === 'Nadia Benali')!;
    committee = await ok<Committee>(await call(coordinator, 'DELETE', `${url}/people/${benali.id}`));
    expect(committee.people.map((p) => p.fullName)).toEqual(['Inès Garnier']);
    await ok(await call(coordinator, 'POST', `${url}/people`, chair));

    // L’Escale named Inès Garnier: she is invited to the next meeting, not all of L’Escale.
    await ok(await call(coordinator, 'POST', `${url}/meetings`, { startsAt: '2026-06-23T12:30:00Z' }));
    const title = 'Comité d’orientation et de suivi Lanne : réunion le 23/06/2026 14:30';
    const titlesOf = async (s: TestSession) =>
      (await ok<{ items: { title: string }[] }>(await call(s, 'GET', '/api/notifications'))).items.map(
        (n) => n.title,
      );
    expect(await titlesOf(await sessionFor(t.deps, named.id, memberId))).toContain(title);
    expect(await titlesOf(unnamed)).not.toContain(title);
    expect(await titlesOf(cw)).toContain(title);
    const meeting = await ok<{ people: Person[] }>(await call(memberCw, 'GET', `/api/meetings/${meetingId}`));
    expect(meeting.people.map((p) => p.fullName)).toEqual(['Nadia Benali', 'Inès Garnier']);
  });

  it('gives each member the minutes its access allows, and nothing to others', async () => {
    const res = await call(memberCw, 'GET', `/api/meetings/${meetingId}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(outsider, 'GET', `/api/meetings/${meetingId}/minutes.pdf`)).statusCode).toBe(404);
  });

  it('gives members a calendar invitation, and nothing of the households', async () => {
    const res = await call(memberCw, 'GET', `/api/meetings/${meetingId}/invitation.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    // Long lines are folded (RFC 5545): unfold before reading.
    const ics = res.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20260324T133000Z');
    expect(ics).toContain('SUMMARY:Comité d’orientation et de suivi Lanne');
    expect(ics).toContain('24/03/2026 14:30 (heure de Paris)');
    expect(ics).toContain('LOCATION:Agence Nord\\, salle 2');
    expect(ics).not.toContain('Dupré');
    // Who sits: those with an account as attendees, everyone in the description.
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="?Inès Garnier"?[^\r\n]*:mailto:/);
    expect(ics).toContain('Nadia Benali (Présidente de séance)\\, Habitat Lanne.');
  });
});
