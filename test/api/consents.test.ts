import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs } from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';

describe('household consents and parties', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let siao: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let siaoWorker: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    caseworker = association.members.caseworker!.session;
    siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoWorker = siao.members.caseworker!.session;
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST', url: string, session: TestSession, payload?: unknown) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  /** Sessions expire when the clock moves: open new ones at the new time. */
  const sessionsAt = async (at: Date) => {
    t.setNow(at);
    return {
      siaoAt: await sessionFor(t.deps, siao.members.caseworker!.user.id, siao.org.id),
      caseworkerAt: await sessionFor(t.deps, association.members.caseworker!.user.id, association.org.id),
    };
  };
  const consentOf = async (id: string, organisationId: string, session = caseworker) =>
    (await inject('GET', `/api/households/${id}/consents`, session))
      .json()
      .items.find((c: { organisationId: string }) => c.organisationId === organisationId);
  const consentFor = (organisationId: string, extra: Record<string, unknown> = {}) => ({
    organisationId,
    purpose: 'referral',
    validFrom: TODAY,
    method: 'signed_form',
    ...extra,
  });

  it('gives an organisation access with a recorded consent, at its own level', async () => {
    const id = await createHouseholdAs(t, caseworker);
    expect((await inject('GET', `/api/households/${id}`, siaoWorker)).statusCode).toBe(404);

    const res = await inject('POST', `/api/households/${id}/consents`, caseworker, consentFor(siao.org.id));
    expect(res.statusCode).toBe(201);
    const read = await inject('GET', `/api/households/${id}`, siaoWorker);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ accessLevel: 'party', shelterName: 'CHRS Les Tilleuls' });
    expect(read.json()).not.toHaveProperty('healthNotes');

    const parties = (await inject('GET', `/api/households/${id}/parties`, caseworker)).json().items;
    expect(parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisationId: siao.org.id,
          basis: 'consent',
          basisLabel: 'Accord du ménage',
        }),
      ]),
    );
    expect(await consentOf(id, siao.org.id)).toMatchObject({
      purpose: 'referral',
      active: true,
      revokedAt: null,
    });
  });

  it('requires a witness for an oral consent and an end after the start, with field paths', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const res = await inject(
      'POST',
      `/api/households/${id}/consents`,
      caseworker,
      consentFor(siao.org.id, { method: 'oral_with_witness', validUntil: '2026-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      witnessName: 'Nom du témoin obligatoire pour un accord oral.',
      validUntil: 'La fin de validité précède le début.',
    });
    const unknownOrg = await inject(
      'POST',
      `/api/households/${id}/consents`,
      caseworker,
      consentFor('00000000-0000-4000-8000-000000000000'),
    );
    expect(unknownOrg.statusCode).toBe(404);
  });

  it('revoking a consent ends that access at once, and keeps the past accesses in the audit log', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const consentId = (
      await inject('POST', `/api/households/${id}/consents`, caseworker, consentFor(siao.org.id))
    ).json().id as string;
    expect((await inject('GET', `/api/households/${id}`, siaoWorker)).statusCode).toBe(200);

    const revoke = await inject('POST', `/api/households/${id}/consents/${consentId}/revoke`, caseworker, {
      reason: 'Le ménage retire son accord.',
    });
    expect(revoke.statusCode).toBe(204);
    expect((await inject('GET', `/api/households/${id}`, siaoWorker)).statusCode).toBe(404);
    const list = (await inject('GET', '/api/households', siaoWorker))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(id);

    const siaoReads = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.householdId, id), eq(auditLog.actorOrganisationId, siao.org.id)));
    expect(siaoReads.map((a) => a.action)).toEqual(['household.read']);
    expect(await consentOf(id, siao.org.id)).toMatchObject({
      active: false,
      revocationReason: 'Le ménage retire son accord.',
    });

    const again = await inject('POST', `/api/households/${id}/consents/${consentId}/revoke`, caseworker, {
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
  });

  it('an expired consent grants no access, without anyone ending it', async () => {
    const id = await createHouseholdAs(t, caseworker);
    await inject(
      'POST',
      `/api/households/${id}/consents`,
      caseworker,
      consentFor(siao.org.id, { validUntil: '2026-03-31' }),
    );
    expect((await inject('GET', `/api/households/${id}`, siaoWorker)).statusCode).toBe(200);
    try {
      const lastDay = await sessionsAt(new Date('2026-03-31T20:00:00Z')); // 22:00 in Paris
      expect((await inject('GET', `/api/households/${id}`, lastDay.siaoAt)).statusCode).toBe(200);
      const { siaoAt, caseworkerAt } = await sessionsAt(new Date('2026-03-31T22:30:00Z')); // 1 April in Paris
      expect((await inject('GET', `/api/households/${id}`, siaoAt)).statusCode).toBe(404);
      const list = (await inject('GET', '/api/households', siaoAt))
        .json()
        .items.map((i: { id: string }) => i.id);
      expect(list).not.toContain(id);
      expect(await consentOf(id, siao.org.id, caseworkerAt)).toMatchObject({
        active: false,
        revokedAt: null,
      });
    } finally {
      t.setNow(NOW);
    }
  });

  it('a consent starting later grants access only from its first day', async () => {
    const id = await createHouseholdAs(t, caseworker);
    await inject(
      'POST',
      `/api/households/${id}/consents`,
      caseworker,
      consentFor(siao.org.id, { validFrom: '2026-03-12' }),
    );
    expect((await inject('GET', `/api/households/${id}`, siaoWorker)).statusCode).toBe(404);
    try {
      const { siaoAt } = await sessionsAt(new Date('2026-03-12T08:00:00Z'));
      expect((await inject('GET', `/api/households/${id}`, siaoAt)).statusCode).toBe(200);
    } finally {
      t.setNow(NOW);
    }
  });

  it('keeps consents with the social workers: a landlord party may neither read nor record them', async () => {
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    const advisor = landlord.members.landlord_social_advisor!.session;
    const id = await createHouseholdAs(t, caseworker);
    await inject('POST', `/api/households/${id}/consents`, caseworker, consentFor(landlord.org.id));
    expect((await inject('GET', `/api/households/${id}`, advisor)).json().accessLevel).toBe(
      'landlord_summary',
    );
    expect((await inject('GET', `/api/households/${id}/consents`, advisor)).statusCode).toBe(403);
    expect(
      (await inject('POST', `/api/households/${id}/consents`, advisor, consentFor(siao.org.id))).statusCode,
    ).toBe(403);
    expect((await inject('GET', `/api/households/${id}/parties`, advisor)).statusCode).toBe(200);
  });

  it('refuses to create a file on a consent that is not in force today', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: caseworker.headers,
      payload: {
        basis: {
          kind: 'consent',
          consent: { purpose: 'support', validFrom: '2026-04-01', method: 'signed_form' },
        },
        housingSituation: 'street',
        members: [
          { firstName: 'A', lastName: 'B', relationship: 'reference_person', isReferencePerson: true },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty(['basis.consent.validFrom']);
  });
});
