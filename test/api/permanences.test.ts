import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { maintenanceReferral, sampleHousehold } from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';
import type { TSlot, TVisit, TWeek } from '../../src/shared/contracts/permanences.ts';
import type { Role } from '../../src/shared/contracts/roles.ts';
import type { TTimeline } from '../../src/shared/contracts/journal.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Tuesday 31 March 2026, 10:30 in Paris (summer time since Sunday 29). */
const NOW = new Date('2026-03-31T08:30:00Z');
const TODAY = '2026-03-31';

describe('drop-in sessions (permanences)', () => {
  let t: TestApp;
  let manager: TestSession & { userId: string };
  let cw: TestSession & { userId: string };
  let colleague: TestSession & { userId: string };
  let admin: TestSession & { userId: string };
  let stranger: TestSession & { userId: string };
  let cwUserId: string;
  let otherAssociationId: string;
  let slot: TSlot;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const slotBody = (extra: object = {}) => ({
    place: 'Maison des associations, Borny',
    weekday: 2,
    startTime: '09:00',
    endTime: '12:00',
    everyWeeks: 1,
    fromDate: '2026-03-01',
    untilDate: null,
    staffUserIds: [cwUserId],
    ...extra,
  });
  const visitBody = (extra: object = {}) => ({
    slotId: slot.id,
    // 9:15 in Paris this morning.
    occurredAt: '2026-03-31T09:15:00+02:00',
    durationMinutes: 40,
    consent: 'given',
    firstName: 'Nadia',
    ageBand: 'from_25_to_39',
    commune: 'Metz',
    phone: '06 11 22 33 44',
    briques: ['2.5'],
    advice: 'Demander un plan d’apurement au bailleur ; saisir le FSL.',
    steps: [
      { text: 'Appeler le bailleur pour proposer un échéancier', dueOn: '2026-04-03' },
      { text: 'Rassembler les trois dernières quittances' },
    ],
    ...extra,
  });
  const ANONYMOUS = { consent: 'refused', firstName: '', phone: '', advice: '', steps: [] };
  const record = async (extra: object = {}) =>
    ok<TVisit>(await call(cw, 'POST', '/api/permanences/visits', visitBody(extra)));
  const week = async (date: string, s = cw) =>
    ok<TWeek>(await call(s, 'GET', `/api/permanences/week?date=${date}`));

  type Person = TestSession & { userId: string };
  async function sessionAs(organisationId: string, roles: Role[], fullName?: string): Promise<Person> {
    const user = await makeUser(t.deps.db, { organisationId, roles, ...(fullName ? { fullName } : {}) });
    return { ...(await sessionFor(t.deps, user.id, organisationId)), userId: user.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Entraid’bail');
    manager = await sessionAs(assoc.id, ['team_manager'], 'Sophie Klein');
    cw = await sessionAs(assoc.id, ['caseworker'], 'Julien Weber');
    cwUserId = cw.userId;
    colleague = await sessionAs(assoc.id, ['caseworker'], 'Inès Haddad');
    admin = await sessionAs(assoc.id, ['admin']);
    otherAssociationId = (await makeOrganisation(t.deps.db, 'association', 'Le Relais du Pays-Haut')).id;
    stranger = await sessionAs(otherAssociationId, ['team_manager']);
    slot = await ok<TSlot>(await call(manager, 'POST', '/api/permanences/slots', slotBody()));
  });
  afterAll(() => t.close());

  it('opens a slot for a team leader, in French refusals field by field for bad input', async () => {
    expect(slot.staff.map((s) => s.name)).toEqual(['Julien Weber']);
    expect(slot.status).toBe('open');
    const listed = await ok<{ items: TSlot[] }>(await call(cw, 'GET', '/api/permanences/slots'));
    expect(listed.items.map((s) => s.id)).toEqual([slot.id]);
    expect(
      (await ok<{ items: TSlot[] }>(await call(stranger, 'GET', '/api/permanences/slots'))).items,
    ).toEqual([]);

    const byCaseworker = await call(cw, 'POST', '/api/permanences/slots', slotBody());
    expect(byCaseworker.statusCode).toBe(403);
    expect(byCaseworker.json().error.message).toMatch(/responsables d’équipe/);

    const bad = await call(
      manager,
      'POST',
      '/api/permanences/slots',
      slotBody({ endTime: '08:00', untilDate: '2026-02-01', staffUserIds: [stranger.userId] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      endTime: 'La fin de la permanence doit être après son début.',
      untilDate: 'La date de fin précède la date de début.',
      staffUserIds: 'Choisissez les intervenants parmi les travailleurs sociaux de votre organisation.',
    });
    const badClock = await call(manager, 'POST', '/api/permanences/slots', slotBody({ startTime: '9h' }));
    expect(badClock.json().error.fields.startTime).toBe('Heure attendue (HH:MM).');

    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, slot.id));
    expect(audits.map((a) => a.action)).toEqual(['permanence.slot.create']);
  });

  it('lists a week’s occurrences at their Paris hours across the March and October clock changes', async () => {
    const before = await week('2026-03-25');
    expect(before.monday).toBe('2026-03-23');
    expect(before.occurrences.map((o) => [o.date, o.startsAt, o.endsAt])).toEqual([
      ['2026-03-24', '2026-03-24T08:00:00.000Z', '2026-03-24T11:00:00.000Z'],
    ]);
    const after = await week(TODAY);
    expect(after.occurrences.map((o) => [o.date, o.startsAt])).toEqual([
      ['2026-03-31', '2026-03-31T07:00:00.000Z'],
    ]);
    expect(after.occurrences[0]!.begun).toBe(true);
    const october = await week('2026-10-28');
    expect(october.occurrences.map((o) => o.startsAt)).toEqual(['2026-10-27T08:00:00.000Z']);
    expect(october.occurrences[0]!.begun).toBe(false);
    const summer = await week('2026-10-21');
    expect(summer.occurrences.map((o) => o.startsAt)).toEqual(['2026-10-20T07:00:00.000Z']);
  });

  it('records a walk-in with minimal data, and refuses in French field by field', async () => {
    const visit = await record();
    expect(visit).toMatchObject({
      occurrenceDate: TODAY,
      consent: 'given',
      firstName: 'Nadia',
      phone: '06 11 22 33 44',
      recordedBy: 'Julien Weber',
      steps: [
        { text: 'Appeler le bailleur pour proposer un échéancier', dueOn: '2026-04-03' },
        { text: 'Rassembler les trois dernières quittances', dueOn: null },
      ],
      conversion: null,
    });
    expect(visit.briques[0]!.label).toMatch(/^2\.5 — /);
    const shown = await week(TODAY);
    expect(shown.occurrences[0]!.visits.map((v) => v.id)).toEqual([visit.id]);

    const refuse = async (extra: object) => {
      const res = await call(cw, 'POST', '/api/permanences/visits', visitBody(extra));
      expect(res.statusCode).toBe(400);
      return res.json().error.fields as Record<string, string>;
    };
    expect((await refuse({ occurredAt: '2026-03-31T11:30:00+02:00' })).occurredAt).toBe(
      'Un passage se note une fois la personne reçue : pas dans le futur.',
    );
    // Wednesday: no occurrence of the slot.
    expect((await refuse({ occurredAt: '2026-03-25T10:00:00+01:00' })).occurredAt).toMatch(
      /Aucune permanence de ce créneau à cette heure/,
    );
    // 7:00 in Paris: two hours before it opens.
    expect((await refuse({ occurredAt: '2026-03-31T07:00:00+02:00' })).occurredAt).toMatch(
      /Aucune permanence de ce créneau/,
    );
    expect(await refuse({ consent: 'refused' })).toEqual({
      firstName: 'Sans l’accord de la personne, aucun nom n’est gardé : seul un passage anonyme est compté.',
      phone: 'Sans l’accord de la personne, aucun contact n’est gardé : seul un passage anonyme est compté.',
      advice:
        'Sans l’accord de la personne, seul un passage anonyme est compté : ni conseils ni démarches ne sont gardés.',
      steps:
        'Sans l’accord de la personne, seul un passage anonyme est compté : ni conseils ni démarches ne sont gardés.',
    });
    expect(await refuse({ firstName: '', steps: [{ text: 'Écrire', dueOn: '2026-03-01' }] })).toEqual({
      firstName: 'Prénom ou initiales obligatoires quand la personne donne son accord.',
      'steps.0.dueOn': 'Cette démarche est datée avant le passage.',
    });
    expect((await refuse({ consent: 'maybe' })).consent).toBe('Indiquez si la personne donne son accord.');

    const anonymous = await record(ANONYMOUS);
    expect(anonymous).toMatchObject({ consent: 'refused', firstName: '', phone: '', commune: 'Metz' });

    // Only the slot's staff (or a team leader) record its visits.
    const notStaff = await call(colleague, 'POST', '/api/permanences/visits', visitBody());
    expect(notStaff.statusCode).toBe(403);
    expect(notStaff.json().error.message).toMatch(/intervenants de cette permanence/);
    expect((await call(manager, 'POST', '/api/permanences/visits', visitBody())).statusCode).toBe(201);
  });

  it('edits a visit at the version read', async () => {
    const visit = await record();
    const { slotId: _slotId, ...rest } = visitBody({ advice: 'Contacter l’ADIL.' });
    const changed = await ok<TVisit>(
      await call(cw, 'PUT', `/api/permanences/visits/${visit.id}`, { ...rest, rowVersion: visit.rowVersion }),
    );
    expect(changed.advice).toBe('Contacter l’ADIL.');
    expect(changed.rowVersion).toBe(visit.rowVersion + 1);
    const stale = await call(cw, 'PUT', `/api/permanences/visits/${visit.id}`, {
      ...rest,
      rowVersion: visit.rowVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/modifié par quelqu’un d’autre/);
  });

  it('turns a visit into a household file once, its journal telling the visit', async () => {
    const visit = await record();
    const { basis: _basis, ...file } = sampleHousehold();
    const body = {
      to: 'household',
      rowVersion: visit.rowVersion,
      file: {
        ...file,
        members: [{ ...file.members[0]!, firstName: 'Nadia', lastName: 'Benali' }],
        resources: [],
      },
      consent: { purpose: 'support', validFrom: TODAY, method: 'signed_form' },
    };
    const converted = await ok<{ visit: TVisit; householdId: string; referralId: string | null }>(
      await call(cw, 'POST', `/api/permanences/visits/${visit.id}/convert`, body),
    );
    expect(converted.referralId).toBeNull();
    expect(converted.visit.conversion).toMatchObject({ to: 'household', householdId: converted.householdId });

    const timeline = await ok<TTimeline>(
      await call(cw, 'GET', `/api/households/${converted.householdId}/timeline`),
    );
    const item = timeline.items.find((i) => i.entry?.note.startsWith('Passage à la permanence'));
    expect(item?.entry?.note).toContain('Conseils donnés : Demander un plan d’apurement');
    expect(item?.entry?.note).toContain(
      '- Appeler le bailleur pour proposer un échéancier (pour le 03/04/2026)',
    );
    expect(item?.entry?.sensitivity).toBe('confidential');

    const again = await call(cw, 'POST', `/api/permanences/visits/${visit.id}/convert`, {
      ...body,
      rowVersion: converted.visit.rowVersion,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Ce passage a déjà été transformé en dossier ménage le 31/03/2026 : cela ne se fait qu’une fois.',
    );
    const edit = await call(cw, 'PUT', `/api/permanences/visits/${visit.id}`, {
      ...visitBody(),
      slotId: undefined,
      rowVersion: converted.visit.rowVersion,
    });
    expect(edit.statusCode).toBe(409);

    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, visit.id));
    expect(audits.map((a) => a.action)).toEqual(['permanence.visit.create', 'permanence.visit.convert']);
    expect(audits[1]!.householdId).toBe(converted.householdId);
  });

  it('turns a visit into a referral, and refuses without consent or with a bad file, leaving nothing', async () => {
    const anonymous = await record(ANONYMOUS);
    const refused = await call(cw, 'POST', `/api/permanences/visits/${anonymous.id}/convert`, {
      to: 'referral',
      rowVersion: anonymous.rowVersion,
      referral: maintenanceReferral(otherAssociationId),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/ne peut devenir ni une saisine ni un dossier/);

    const visit = await record();
    const bad = await call(cw, 'POST', `/api/permanences/visits/${visit.id}/convert`, {
      to: 'referral',
      rowVersion: visit.rowVersion,
      referral: { ...maintenanceReferral(otherAssociationId), toOrganisationId: visit.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['referral.toOrganisationId']).toBe(
      'Choisissez une association destinataire.',
    );
    // Nothing was kept of the refused attempt: the visit converts afterwards.
    const converted = await ok<{ visit: TVisit; householdId: string; referralId: string }>(
      await call(cw, 'POST', `/api/permanences/visits/${visit.id}/convert`, {
        to: 'referral',
        rowVersion: visit.rowVersion,
        referral: maintenanceReferral(otherAssociationId),
      }),
    );
    const [referral] = await t.deps.db.select().from(referrals).where(eq(referrals.id, converted.referralId));
    expect(referral).toMatchObject({
      householdId: converted.householdId,
      toOrganisationId: otherAssociationId,
    });
    expect(converted.visit.conversion).toMatchObject({ to: 'referral', referralId: converted.referralId });
    const again = await call(cw, 'POST', `/api/permanences/visits/${visit.id}/convert`, {
      to: 'household',
      rowVersion: converted.visit.rowVersion,
      file: sampleHousehold(),
      consent: { purpose: 'support', validFrom: TODAY, method: 'signed_form' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/déjà été transformé en saisine/);
  });

  it('keeps visits to the organisation’s social workers, and audits each read', async () => {
    const visit = await record();
    const foreign = await call(stranger, 'GET', `/api/permanences/visits/${visit.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe('Passage introuvable.');
    expect((await call(stranger, 'POST', '/api/permanences/visits', visitBody())).statusCode).toBe(404);
    expect(
      (
        await call(stranger, 'POST', `/api/permanences/visits/${visit.id}/convert`, {
          to: 'referral',
          rowVersion: 1,
          referral: maintenanceReferral(otherAssociationId),
        })
      ).statusCode,
    ).toBe(404);
    expect((await week(TODAY, stranger)).occurrences).toEqual([]);
    const byAdmin = await call(admin, 'GET', `/api/permanences/week?date=${TODAY}`);
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.message).toMatch(/réservés aux travailleurs sociaux/);

    await ok(await call(colleague, 'GET', `/api/permanences/visits/${visit.id}`));
    const reads = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, visit.id));
    expect(reads.map((a) => a.action)).toEqual(['permanence.visit.create', 'permanence.visit.read']);
    const weekReads = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'permanence.week.read'));
    expect(weekReads.length).toBeGreaterThan(0);
    expect(JSON.stringify(weekReads.map((a) => a.details))).not.toContain('Nadia');
  });

  it('closes a slot: held no more after today, its past visits kept', async () => {
    const other = await ok<TSlot>(
      await call(
        manager,
        'POST',
        '/api/permanences/slots',
        slotBody({ weekday: 4, place: 'Mairie de quartier' }),
      ),
    );
    const closed = await ok<TSlot>(
      await call(manager, 'POST', `/api/permanences/slots/${other.id}/close`, {
        rowVersion: other.rowVersion,
      }),
    );
    expect(closed).toMatchObject({ status: 'closed', untilDate: TODAY });
    expect((await week('2026-04-08')).occurrences.map((o) => o.place)).toEqual([
      'Maison des associations, Borny',
    ]);
    const edit = await call(manager, 'PUT', `/api/permanences/slots/${other.id}`, {
      ...slotBody(),
      rowVersion: closed.rowVersion,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/fermée/);
  });
});
