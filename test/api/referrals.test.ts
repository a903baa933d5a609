import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  householdChanges,
  householdConsents,
  householdDebts,
  householdParties,
} from '../../src/modules/households/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';

type Org = Awaited<ReturnType<typeof makeOrgWithUsers>>;

const START = new Date('2026-03-02T09:00:00.000Z');
/** Clock steps stay under the 30-minute session idle timeout. */
const STEP = 5 * 60_000;

const tenant = {
  members: [
    { firstName: 'Awa', lastName: 'Diallo', relationship: 'reference_person', isReferencePerson: true },
    { firstName: 'Moussa', lastName: 'Diallo', relationship: 'child', birthDate: '2015-06-01' },
  ],
  phone: '06 12 34 56 78',
  dwellingAddress: '12 rue des Lilas, 59000 Lille',
  tenantReference: 'LOC-4521',
  monthlyRentCents: 42_000,
};

const maintenance = (toOrganisationId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'maintenance',
  toOrganisationId,
  newHousehold: tenant,
  reasons: ['arrears', 'eviction_procedure'],
  arrears: { amountCents: 185_000, months: 4 },
  eviction: { step: 'summons', occurredOn: '2026-02-10' },
  freeText: 'Locataire injoignable depuis deux mois.',
  ...extra,
});

describe('referrals (saisines) API', () => {
  let t: TestApp;
  let landlord: Org;
  let assoA: Org;
  let assoB: Org;
  let assoC: Org;
  let siao: Org;
  let ccapex: Org;
  let otherCaseworker: { id: string; session: TestSession };

  const send = (session: TestSession, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: session.headers, payload });
  const read = (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session.headers });
  const s = (org: Org, role: string) => org.members[role]!.session;
  const u = (org: Org, role: string) => org.members[role]!.user;

  const refer = async (session: TestSession, body: object) => {
    const res = await send(session, '/api/referrals', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const accept = (referralId: string, version = 1) =>
    send(s(assoA, 'team_manager'), `/api/referrals/${referralId}/accept`, {
      caseworkerUserId: u(assoA, 'caseworker').id,
      version,
    });
  const partiesOf = (householdId: string) =>
    t.deps.db
      .select()
      .from(householdParties)
      .where(and(eq(householdParties.householdId, householdId), isNull(householdParties.endedAt)));
  const statusChangesToldToLandlord = () =>
    t.deps.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, u(landlord, 'landlord_social_advisor').id),
          eq(notifications.kind, 'referral.status_changed'),
        ),
      );
  const householdOf = async (referralId: string) =>
    (await t.deps.db.select().from(referrals).where(eq(referrals.id, referralId)))[0]!.householdId;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(START);
    landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor', 'admin']);
    assoA = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'team_manager', 'admin', 'auditor']);
    assoB = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'team_manager']);
    assoC = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'admin']);
    siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker', 'team_manager']);
    ccapex = await makeOrgWithUsers(t.deps, 'ccapex', ['caseworker']);
    const user = await makeUser(t.deps.db, { organisationId: assoA.org.id, roles: ['caseworker'] });
    otherCaseworker = { id: user.id, session: await sessionFor(t.deps, user.id, assoA.org.id) };
  });
  afterAll(() => t.close());

  describe('maintenance lifecycle', () => {
    let id: string;
    let householdId: string;

    it('lets the landlord refer a new tenant, who becomes a party on both bases', async () => {
      id = await refer(s(landlord, 'landlord_social_advisor'), maintenance(assoA.org.id));
      householdId = await householdOf(id);
      const parties = await partiesOf(householdId);
      expect(parties.map((p) => [p.organisationId, p.basis, p.sourceId]).sort()).toEqual(
        [
          [landlord.org.id, 'own_tenant', null],
          [landlord.org.id, 'referral_made', id],
        ].sort(),
      );
      expect(parties.some((p) => p.organisationId === assoA.org.id)).toBe(false);
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'referral.create'), eq(auditLog.entityId, id)));
      expect(entry).toMatchObject({ householdId, actorUserId: u(landlord, 'landlord_social_advisor').id });
    });

    it('notifies the members of the receiving association who decide, in the app and by email', async () => {
      const rows = await t.deps.db
        .select()
        .from(notifications)
        .where(eq(notifications.kind, 'referral.received'));
      const deciders = ['caseworker', 'team_manager', 'admin'].map((r) => u(assoA, r).id);
      const notified = rows.filter((n) => n.link === `/saisines/${id}`).map((n) => n.userId);
      expect(notified.sort()).toEqual([...deciders, otherCaseworker.id].sort());
      expect(notified).not.toContain(u(assoA, 'auditor').id);
      const emails = await t.deps.db
        .select()
        .from(outboxEmails)
        .where(inArray(outboxEmails.to, [u(assoA, 'admin').email, u(assoA, 'team_manager').email]));
      expect(emails).toHaveLength(2);
      expect(emails[0]!.subject).toContain('Nouvelle saisine');
      // The email says who refers, not who the household is.
      expect(emails[0]!.textBody).not.toContain('Diallo');
    });

    it('shows the referral in the association inbox, with the household summary before acceptance', async () => {
      const inbox = await read(s(assoA, 'caseworker'), '/api/referrals/inbox');
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json().items).toEqual([
        expect.objectContaining({
          id,
          kind: 'maintenance',
          status: 'sent',
          referencePersonName: 'Awa Diallo',
          fromOrganisation: expect.objectContaining({ id: landlord.org.id }),
        }),
      ]);
      const detail = await read(s(assoA, 'caseworker'), `/api/referrals/${id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({
        side: 'receiver',
        status: 'sent',
        reasons: ['arrears', 'eviction_procedure'],
        arrears: { amountCents: 185_000, months: 4 },
        evictionProcedure: { steps: [{ step: 'summons', occurredOn: '2026-02-10' }] },
        household: {
          referencePersonName: 'Awa Diallo',
          membersCount: 2,
          dwellingAddress: tenant.dwellingAddress,
          phone: tenant.phone,
        },
        allowedActions: ['accept', 'decline', 'redirect'],
        version: 1,
      });
      const reads = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'referral.read'), eq(auditLog.householdId, householdId)));
      expect(reads.length).toBeGreaterThan(0);
    });

    it('shows the landlord its sent referral and its status', async () => {
      const sent = await read(s(landlord, 'landlord_social_advisor'), '/api/referrals/sent');
      expect(sent.json().items).toEqual([expect.objectContaining({ id, status: 'sent' })]);
    });

    it('accepts with a caseworker: the association becomes a party and the landlord is told', async () => {
      t.advance(STEP);
      const res = await accept(id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id, status: 'accepted', version: 2 });
      const party = (await partiesOf(householdId)).find((p) => p.organisationId === assoA.org.id);
      expect(party).toMatchObject({
        basis: 'referral_accepted',
        sourceId: id,
        caseworkerUserId: u(assoA, 'caseworker').id,
      });
      const told = await statusChangesToldToLandlord();
      expect(told).toHaveLength(1);
      const seen = await read(s(landlord, 'landlord_social_advisor'), `/api/referrals/${id}`);
      expect(seen.json()).toMatchObject({
        side: 'sender',
        status: 'accepted',
        assignedCaseworker: { id: u(assoA, 'caseworker').id, name: u(assoA, 'caseworker').fullName },
        allowedActions: [],
      });
    });

    it('lets the association read the household file once it is a party', async () => {
      const res = await read(s(assoA, 'caseworker'), `/api/households/${householdId}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: householdId, accessLevel: 'caseworker' });
    });

    it('logs contact attempts by the référent, keeps their notes from the landlord, refuses a future date', async () => {
      t.advance(STEP);
      const caseworker = s(assoA, 'caseworker');
      const first = await send(caseworker, `/api/referrals/${id}/contact-attempts`, {
        method: 'registered_letter',
        outcome: 'no_answer',
        attemptedAt: new Date(START.getTime() + STEP).toISOString(),
        note: 'Courrier revenu « pli non réclamé ».',
      });
      expect(first.statusCode, first.body).toBe(201);
      t.advance(STEP);
      const second = await send(caseworker, `/api/referrals/${id}/contact-attempts`, {
        method: 'home_visit',
        outcome: 'appointment_set',
        attemptedAt: new Date(START.getTime() + 2 * STEP).toISOString(),
      });
      expect(second.statusCode).toBe(201);
      const future = await send(caseworker, `/api/referrals/${id}/contact-attempts`, {
        method: 'phone',
        outcome: 'reached',
        attemptedAt: new Date(START.getTime() + 48 * 3_600_000).toISOString(),
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.fields).toHaveProperty('attemptedAt');
      // Another caseworker of the association is not the référent.
      const stranger = await send(otherCaseworker.session, `/api/referrals/${id}/contact-attempts`, {
        method: 'phone',
        outcome: 'reached',
        attemptedAt: START.toISOString(),
      });
      expect(stranger.statusCode).toBe(403);

      const forLandlord = (await read(s(landlord, 'landlord_social_advisor'), `/api/referrals/${id}`)).json();
      expect(
        forLandlord.contactAttempts.map((a: { method: string; note: string | null }) => [a.method, a.note]),
      ).toEqual([
        ['registered_letter', null],
        ['home_visit', null],
      ]);
      const forAsso = (await read(caseworker, `/api/referrals/${id}`)).json();
      expect(forAsso.contactAttempts[0].note).toBe('Courrier revenu « pli non réclamé ».');
      expect(forAsso.allowedActions).toEqual(['log_contact', 'record_first_interview']);
    });

    it('opens the case at the first interview and keeps the whole timeline', async () => {
      t.advance(STEP);
      const res = await send(s(assoA, 'caseworker'), `/api/referrals/${id}/first-interview`, {
        at: new Date(START.getTime() + 3 * STEP).toISOString(),
        version: 2,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'case_opened', version: 3 });

      const events = await read(s(landlord, 'landlord_social_advisor'), `/api/referrals/${id}/events`);
      expect(events.statusCode).toBe(200);
      expect(events.json().items.map((e: { type: string }) => e.type)).toEqual([
        'sent',
        'accepted',
        'contact_attempt',
        'contact_attempt',
        'case_opened',
      ]);
      expect(JSON.stringify(events.json())).not.toContain('pli non réclamé');
      const sent = await read(
        s(landlord, 'landlord_social_advisor'),
        '/api/referrals/sent?status=case_opened',
      );
      expect(sent.json().items.map((r: { id: string }) => r.id)).toEqual([id]);

      const audited = await t.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, id));
      expect(new Set(audited.map((a) => a.action))).toEqual(
        new Set([
          'referral.create',
          'referral.read',
          'referral.events.read',
          'referral.accept',
          'referral.contact_attempt',
          'referral.record_first_interview',
        ]),
      );
      const told = await statusChangesToldToLandlord();
      expect(told).toHaveLength(2);
    });

    it('refuses further transitions on an opened case', async () => {
      const again = await accept(id, 3);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('INVALID_STATE');
      const contact = await send(s(assoA, 'caseworker'), `/api/referrals/${id}/contact-attempts`, {
        method: 'phone',
        outcome: 'reached',
        attemptedAt: START.toISOString(),
      });
      expect(contact.statusCode).toBe(409);
    });

    it('lets the landlord refer its known tenant again, to another association, but not twice at once', async () => {
      const body = { ...maintenance(assoB.org.id), newHousehold: undefined, householdId };
      const second = await refer(s(landlord, 'landlord_social_advisor'), body);
      expect(
        (await partiesOf(householdId)).some((p) => p.sourceId === second && p.basis === 'referral_made'),
      ).toBe(true);
      const duplicate = await send(s(landlord, 'landlord_social_advisor'), '/api/referrals', body);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.code).toBe('CONFLICT');
    });
  });

  describe('access referral from the SIAO', () => {
    it('creates the household and lands in the association inbox', async () => {
      const id = await refer(s(siao, 'caseworker'), {
        kind: 'access',
        householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
        toOrganisationId: assoA.org.id,
        newHousehold: {
          members: [
            {
              firstName: 'Karim',
              lastName: 'Benali',
              relationship: 'reference_person',
              isReferencePerson: true,
            },
          ],
          housingSituation: 'chrs',
          shelterName: 'CHRS Les Augustins',
        },
        readyToLeave: true,
        shelteredSince: '2025-01-15',
        housingProject: 'T2 sur la métropole, proche de son emploi.',
      });
      const householdId = await householdOf(id);
      // The SIAO's access rests on its referral and on the household's agreement, a consent record.
      expect((await partiesOf(householdId)).map((p) => [p.organisationId, p.basis])).toEqual([
        [siao.org.id, 'referral_made'],
        [siao.org.id, 'consent'],
      ]);
      const inbox = await read(s(assoA, 'team_manager'), '/api/referrals/inbox?kind=access');
      expect(inbox.json()).toMatchObject({ total: 1, items: [{ id, kind: 'access', readyToLeave: true }] });
      const detail = await read(s(assoA, 'team_manager'), `/api/referrals/${id}`);
      expect(detail.json()).toMatchObject({
        shelteredSince: '2025-01-15',
        housingProject: 'T2 sur la métropole, proche de son emploi.',
        household: { referencePersonName: 'Karim Benali', housingSituation: 'chrs', membersCount: 1 },
        householdAgreement: { method: 'signed_form', givenOn: '2026-03-01', witnessName: null },
      });
      const forSiao = await read(s(siao, 'caseworker'), '/api/referrals/sent');
      expect(forSiao.json().items).toEqual([expect.objectContaining({ id, status: 'sent' })]);
    });
  });

  describe('decline and redirect', () => {
    it('declines with a reason that the referring side reads, and only once', async () => {
      const id = await refer(s(landlord, 'landlord_social_advisor'), maintenance(assoA.org.id));
      const noReason = await send(s(assoA, 'admin'), `/api/referrals/${id}/decline`, {
        reason: ' ',
        version: 1,
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields).toHaveProperty('reason');
      const res = await send(s(assoA, 'admin'), `/api/referrals/${id}/decline`, {
        reason: 'Hors de notre secteur d’intervention.',
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'declined', version: 2 });
      const seen = (await read(s(landlord, 'landlord_social_advisor'), `/api/referrals/${id}`)).json();
      expect(seen).toMatchObject({
        status: 'declined',
        declineReason: 'Hors de notre secteur d’intervention.',
      });
      expect(seen.events.at(-1)).toMatchObject({
        type: 'declined',
        detail: { reason: 'Hors de notre secteur d’intervention.' },
      });
      const late = await accept(id, 2);
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringMatching(/acceptée/),
      });
      expect((await partiesOf(await householdOf(id))).some((p) => p.organisationId === assoA.org.id)).toBe(
        false,
      );
    });

    it('redirects to another association: the old one is redirected, a new one waits in its inbox', async () => {
      const id = await refer(s(landlord, 'landlord_social_advisor'), maintenance(assoA.org.id));
      const toSelf = await send(s(assoA, 'team_manager'), `/api/referrals/${id}/redirect`, {
        toOrganisationId: assoA.org.id,
        reason: 'x',
        version: 1,
      });
      expect(toSelf.statusCode).toBe(400);
      expect(toSelf.json().error.fields).toHaveProperty('toOrganisationId');
      const res = await send(s(assoA, 'team_manager'), `/api/referrals/${id}/redirect`, {
        toOrganisationId: assoB.org.id,
        reason: 'L’association B suit déjà la famille.',
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      const newId = res.json().redirectedToReferralId as string;
      expect(res.json()).toMatchObject({ id, status: 'redirected', version: 2 });
      expect(newId).toBeTruthy();

      const inboxB = (await read(s(assoB, 'caseworker'), '/api/referrals/inbox?status=sent')).json();
      expect(inboxB.items.map((r: { id: string }) => r.id)).toContain(newId);
      const detail = (await read(s(assoB, 'caseworker'), `/api/referrals/${newId}`)).json();
      expect(detail).toMatchObject({
        status: 'sent',
        redirectedFromReferralId: id,
        fromOrganisation: { id: landlord.org.id },
        reasons: ['arrears', 'eviction_procedure'],
        arrears: { amountCents: 185_000, months: 4 },
        household: { referencePersonName: 'Awa Diallo' },
      });
      const notifiedB = await t.deps.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, u(assoB, 'team_manager').id),
            eq(notifications.link, `/saisines/${newId}`),
          ),
        );
      expect(notifiedB).toHaveLength(1);
      // B cannot read the original referral, addressed to A.
      expect((await read(s(assoB, 'caseworker'), `/api/referrals/${id}`)).statusCode).toBe(404);
      const sent = (await read(s(landlord, 'landlord_social_advisor'), '/api/referrals/sent')).json();
      expect(sent.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id, status: 'redirected' }),
          expect.objectContaining({
            id: newId,
            status: 'sent',
            toOrganisation: expect.objectContaining({ id: assoB.org.id }),
          }),
        ]),
      );
    });
  });

  describe('refusals', () => {
    let id: string;
    beforeAll(async () => {
      id = await refer(s(landlord, 'landlord_social_advisor'), maintenance(assoC.org.id));
    });

    it('refuses steps that the status does not allow', async () => {
      const contact = await send(s(assoC, 'caseworker'), `/api/referrals/${id}/contact-attempts`, {
        method: 'letter',
        outcome: 'no_answer',
        attemptedAt: START.toISOString(),
      });
      expect(contact.statusCode).toBe(403);
      const interview = await send(s(assoC, 'admin'), `/api/referrals/${id}/first-interview`, {
        at: START.toISOString(),
        version: 1,
      });
      expect(interview.statusCode).toBe(403);
    });

    it('answers 409 INVALID_STATE to a step out of order by someone allowed to take it', async () => {
      const otherId = await refer(s(landlord, 'landlord_social_advisor'), {
        ...maintenance(assoB.org.id),
        newHousehold: { ...tenant, members: [{ ...tenant.members[0], firstName: 'Inès' }] },
      });
      const res = await send(s(assoB, 'team_manager'), `/api/referrals/${otherId}/first-interview`, {
        at: START.toISOString(),
        version: 1,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('INVALID_STATE');
    });

    it('refuses a decision by the referring side', async () => {
      const res = await send(s(landlord, 'landlord_social_advisor'), `/api/referrals/${id}/decline`, {
        reason: 'Erreur',
        version: 1,
      });
      expect(res.statusCode).toBe(403);
    });

    it('answers VERSION_CONFLICT to a stale version', async () => {
      const res = await send(s(assoC, 'admin'), `/api/referrals/${id}/accept`, {
        caseworkerUserId: u(assoC, 'caseworker').id,
        version: 7,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('VERSION_CONFLICT');
      const ok = await send(s(assoC, 'admin'), `/api/referrals/${id}/accept`, {
        caseworkerUserId: u(assoC, 'caseworker').id,
        version: 1,
      });
      expect(ok.statusCode).toBe(200);
      const stale = await send(s(assoC, 'admin'), `/api/referrals/${id}/decline`, {
        reason: 'Trop tard',
        version: 1,
      });
      expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    });

    it('refuses a référent who is not a caseworker of the receiving association', async () => {
      const fresh = await refer(
        s(landlord, 'landlord_social_advisor'),
        maintenance(assoA.org.id, {
          newHousehold: { ...tenant, members: [{ ...tenant.members[0], firstName: 'Zoé' }] },
        }),
      );
      for (const caseworkerUserId of [u(assoB, 'caseworker').id, u(assoA, 'admin').id]) {
        const res = await send(s(assoA, 'admin'), `/api/referrals/${fresh}/accept`, {
          caseworkerUserId,
          version: 1,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields).toHaveProperty('caseworkerUserId');
      }
      const list = (await read(s(assoA, 'admin'), '/api/referrals/caseworkers')).json();
      expect(list.items.map((c: { id: string }) => c.id).sort()).toEqual(
        [u(assoA, 'caseworker').id, otherCaseworker.id].sort(),
      );
    });

    it('hides a referral from a third organisation and unknown ids (404)', async () => {
      for (const url of [`/api/referrals/${id}`, `/api/referrals/${id}/events`]) {
        expect((await read(s(assoA, 'caseworker'), url)).statusCode).toBe(404);
      }
      const accepting = await send(s(assoA, 'admin'), `/api/referrals/${id}/decline`, {
        reason: 'x',
        version: 2,
      });
      expect(accepting.statusCode).toBe(404);
      const unknown = await read(s(assoC, 'admin'), '/api/referrals/00000000-0000-4000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
      // A landlord administrator does not follow referrals.
      expect((await read(s(landlord, 'admin'), `/api/referrals/${id}`)).statusCode).toBe(404);
      expect((await read(s(assoA, 'auditor'), '/api/referrals/inbox')).statusCode).toBe(403);
      const inboxA = (await read(s(assoA, 'admin'), '/api/referrals/inbox?pageSize=100')).json();
      expect(inboxA.items.map((r: { id: string }) => r.id)).not.toContain(id);
    });

    it('does not let a landlord refer a household it is not party to', async () => {
      const siaoReferral = await refer(s(siao, 'caseworker'), {
        kind: 'access',
        householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
        toOrganisationId: assoB.org.id,
        newHousehold: {
          members: [
            {
              firstName: 'Lina',
              lastName: 'Roux',
              relationship: 'reference_person',
              isReferencePerson: true,
            },
          ],
          housingSituation: 'hotel',
        },
        readyToLeave: false,
        housingProject: 'Logement adapté.',
      });
      const res = await send(s(landlord, 'landlord_social_advisor'), '/api/referrals', {
        ...maintenance(assoA.org.id),
        newHousehold: undefined,
        householdId: await householdOf(siaoReferral),
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('validation', () => {
    const invalid = async (session: TestSession, body: object) => {
      const res = await send(session, '/api/referrals', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      return res.json().error.fields as Record<string, string>;
    };

    it('requires arrears and the eviction stage when those reasons are ticked', async () => {
      const fields = await invalid(
        s(landlord, 'landlord_social_advisor'),
        maintenance(assoA.org.id, { arrears: undefined, eviction: undefined }),
      );
      expect(fields.arrears).toMatch(/impayés/);
      expect(fields.eviction).toMatch(/procédure/);
    });

    it('reports household, reasons and member errors on their paths', async () => {
      const fields = await invalid(s(landlord, 'landlord_social_advisor'), {
        kind: 'maintenance',
        toOrganisationId: assoA.org.id,
        reasons: [],
        newHousehold: { members: [{ firstName: 'Sans', lastName: 'Référent', relationship: 'child' }] },
      });
      expect(Object.keys(fields)).toEqual(
        expect.arrayContaining(['reasons', 'newHousehold.members', 'newHousehold.dwellingAddress']),
      );
      const both = await invalid(s(landlord, 'landlord_social_advisor'), {
        ...maintenance(assoA.org.id),
        householdId: '00000000-0000-4000-8000-000000000000',
      });
      expect(both).toHaveProperty('newHousehold');
      const none = await invalid(s(landlord, 'landlord_social_advisor'), {
        ...maintenance(assoA.org.id),
        newHousehold: undefined,
      });
      expect(none).toHaveProperty('householdId');
    });

    it('requires the housing project and situation of an access referral', async () => {
      const access = {
        kind: 'access',
        householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
        toOrganisationId: assoA.org.id,
        newHousehold: { members: tenant.members },
        readyToLeave: true,
      };
      expect(await invalid(s(siao, 'caseworker'), access)).toHaveProperty('housingProject');
      const fields = await invalid(s(siao, 'caseworker'), { ...access, housingProject: 'Studio.' });
      expect(fields['newHousehold.housingSituation']).toMatch(/situation de logement/);
    });

    it('refuses a receiving organisation that is not an association, and a future birth date', async () => {
      const toLandlord = await invalid(s(siao, 'caseworker'), {
        kind: 'access',
        householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
        toOrganisationId: landlord.org.id,
        newHousehold: { members: tenant.members, housingSituation: 'street' },
        readyToLeave: false,
        housingProject: 'Pension de famille.',
      });
      expect(toLandlord).toHaveProperty('toOrganisationId');
      const future = await invalid(s(landlord, 'landlord_social_advisor'), {
        ...maintenance(assoA.org.id),
        newHousehold: {
          ...tenant,
          members: [tenant.members[0], { ...tenant.members[1], birthDate: '2030-01-01' }],
        },
      });
      expect(future).toHaveProperty(['newHousehold.members.1.birthDate']);
    });
  });

  describe('who sends which kind', () => {
    const access = (toOrganisationId: string, lastName: string) => ({
      kind: 'access',
      householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
      toOrganisationId,
      newHousehold: {
        members: [{ firstName: 'Inès', lastName, relationship: 'reference_person', isReferencePerson: true }],
        housingSituation: 'hosted_by_third_party',
      },
      readyToLeave: true,
      housingProject: 'T1 en centre-ville.',
    });

    it('lets the SIAO team manager send an access referral and follow it in the sent list', async () => {
      const id = await refer(s(siao, 'team_manager'), access(assoC.org.id, 'Morel'));
      const sent = (await read(s(siao, 'team_manager'), '/api/referrals/sent?kind=access')).json();
      expect(sent.items).toContainEqual(
        expect.objectContaining({ id, kind: 'access', status: 'sent', toOrganisation: expect.anything() }),
      );
      expect(sent.items.find((r: { id: string }) => r.id === id).toOrganisation.id).toBe(assoC.org.id);
    });

    it('refuses a maintenance referral from the SIAO, saying who makes one (403)', async () => {
      const res = await send(s(siao, 'caseworker'), '/api/referrals', maintenance(assoA.org.id));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe(
        'Votre organisation n’adresse pas de saisine pour un maintien dans le logement : elle est faite par un bailleur, une association ou la CCAPEX.',
      );
    });

    it('lets the CCAPEX send a maintenance referral without naming itself the landlord', async () => {
      const id = await refer(s(ccapex, 'caseworker'), maintenance(assoC.org.id));
      const householdId = await householdOf(id);
      expect((await partiesOf(householdId)).map((p) => [p.organisationId, p.basis])).toEqual([
        [ccapex.org.id, 'referral_made'],
      ]);
      const file = (await read(s(ccapex, 'caseworker'), `/api/households/${householdId}`)).json();
      expect(file.tenancy).toMatchObject({ address: tenant.dwellingAddress, landlordOrganisationId: null });
      const sent = (await read(s(ccapex, 'caseworker'), '/api/referrals/sent')).json();
      expect(sent.items).toEqual([expect.objectContaining({ id, kind: 'maintenance', status: 'sent' })]);
      const inbox = (await read(s(assoC, 'caseworker'), '/api/referrals/inbox?kind=maintenance')).json();
      expect(inbox.items.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('refuses an access referral from the CCAPEX (403)', async () => {
      const res = await send(s(ccapex, 'caseworker'), '/api/referrals', access(assoA.org.id, 'Petit'));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/faite par un bailleur, une association ou le SIAO/);
    });

    it('lets an association refer on for maintenance', async () => {
      await refer(s(assoB, 'caseworker'), maintenance(assoA.org.id));
    });

    it('lets a landlord refer for access, but for maintenance only its own tenant', async () => {
      const landlordSession = s(landlord, 'landlord_social_advisor');
      const id = await refer(landlordSession, access(assoB.org.id, 'Garnier'));
      const res = await send(landlordSession, '/api/referrals', {
        ...maintenance(assoC.org.id),
        newHousehold: undefined,
        householdId: await householdOf(id),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe(
        'Un bailleur adresse une saisine de maintien pour ses propres locataires.',
      );
    });
  });

  describe('nothing typed twice', () => {
    it('turns the reported arrears and eviction step into the file’s debt and procedure, once', async () => {
      // A commune alone on its postcode: the new household's dwelling is placed there from the address.
      const [commune] = await t.deps.db
        .insert(territories)
        .values({ kind: 'commune', code: 'T-59999', name: 'Val-Témoin', postcode: '59999' })
        .returning();
      const landlordSession = s(landlord, 'landlord_social_advisor');
      const id = await refer(
        landlordSession,
        maintenance(assoB.org.id, {
          newHousehold: { ...tenant, dwellingAddress: '3 impasse du Moulin, 59999 Val-Témoin' },
          arrears: { amountCents: 235_000, months: 6 },
          householdAgreement: { method: 'oral_with_witness', givenOn: '2026-03-01', witnessName: 'M. Leroy' },
        }),
      );
      const householdId = await householdOf(id);
      const file = (await read(landlordSession, `/api/households/${householdId}`)).json();
      expect(file).toMatchObject({
        rentArrears: 235_000,
        tenancy: { address: '3 impasse du Moulin, 59999 Val-Témoin', commune: { id: commune!.id } },
        evictionProcedure: { closedOn: null, steps: [{ step: 'summons', occurredOn: '2026-02-10' }] },
      });
      const debts = await t.deps.db
        .select()
        .from(householdDebts)
        .where(eq(householdDebts.householdId, householdId));
      expect(debts).toEqual([
        expect.objectContaining({
          kind: 'rent_arrears',
          amountCents: 235_000,
          unpaidMonths: 6,
          creditor: landlord.org.name,
        }),
      ]);
      const [referral] = await t.deps.db.select().from(referrals).where(eq(referrals.id, id));
      expect(referral!.arrearsDebtId).toBe(debts[0]!.id);
      // The agreement is a consent record to the referring landlord, for the orientation.
      const [consent] = await t.deps.db
        .select()
        .from(householdConsents)
        .where(eq(householdConsents.id, referral!.agreementConsentId!));
      expect(consent).toMatchObject({
        organisationId: landlord.org.id,
        purpose: 'referral',
        method: 'oral_with_witness',
        witnessName: 'M. Leroy',
        validFrom: '2026-03-01',
      });

      // The same landlord reports the same tenant again, to another association: the figures
      // update the one debt and the one procedure, nothing is copied.
      const declined = await send(s(assoB, 'caseworker'), `/api/referrals/${id}/decline`, {
        reason: 'Secteur non couvert par notre équipe.',
        version: 1,
      });
      expect(declined.statusCode, declined.body).toBe(200);
      const again = await refer(
        landlordSession,
        maintenance(assoC.org.id, {
          newHousehold: undefined,
          householdId,
          arrears: { amountCents: 260_000, months: 7 },
          eviction: { step: 'hearing', occurredOn: '2026-02-25' },
        }),
      );
      const after = await t.deps.db
        .select()
        .from(householdDebts)
        .where(eq(householdDebts.householdId, householdId));
      expect(after).toEqual([
        expect.objectContaining({ id: debts[0]!.id, amountCents: 260_000, unpaidMonths: 7 }),
      ]);
      const detail = (await read(s(assoC, 'caseworker'), `/api/referrals/${again}`)).json();
      expect(detail).toMatchObject({
        arrears: { amountCents: 260_000, months: 7 },
        evictionProcedure: {
          steps: [
            { step: 'summons', occurredOn: '2026-02-10' },
            { step: 'hearing', occurredOn: '2026-02-25' },
          ],
        },
        householdAgreement: null,
      });
      // The file's history says who changed the debt (debts are for parties, not the landlord).
      const [latest] = await t.deps.db
        .select()
        .from(householdChanges)
        .where(eq(householdChanges.householdId, householdId))
        .orderBy(desc(householdChanges.version))
        .limit(1);
      expect(latest).toMatchObject({
        userId: u(landlord, 'landlord_social_advisor').id,
        summary: 'Modification : Dettes',
        changes: [
          expect.objectContaining({
            field: `debts.${debts[0]!.id}.amountCents`,
            before: 235_000,
            after: 260_000,
          }),
          expect.objectContaining({ field: `debts.${debts[0]!.id}.unpaidMonths`, before: 6, after: 7 }),
        ],
      });
    });
  });
});
