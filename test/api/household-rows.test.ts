import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
  toUpdateBody,
} from '../helpers/household-fixtures.ts';
import { householdMembers, tenancies, tenancyRents } from '../../src/modules/households/schema.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';

/**
 * The household aggregate's parts have stable ids and their own endpoints: each row is added,
 * changed or removed at the version of the file read, through the same write path as the whole-file
 * form (history diff, audit, access rules); the tenancy keeps a dated rent history; the eviction
 * procedure is one record of dated steps.
 */
describe('household rows, tenancy and eviction procedure', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let siaoWorker: TestSession;
  let advisor: TestSession;
  let landlordId: string;

  const call = (
    session: TestSession,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const file = async (id: string, session = caseworker) =>
    (await call(session, 'GET', `/api/households/${id}`)).json();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    caseworker = association.members.caseworker!.session;
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoWorker = siao.members.caseworker!.session;
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    advisor = landlord.members.landlord_social_advisor!.session;
    landlordId = landlord.org.id;
  });
  afterAll(() => t.close());

  /** A file with the landlord and the SIAO as parties, each through a recorded consent. */
  async function sharedFile() {
    const id = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: {
          address: '9 rue Verte, 59000 Lille',
          landlordOrganisationId: landlordId,
          monthlyRentCents: 40_000,
        },
      }),
    );
    const siaoOrg = (await call(siaoWorker, 'GET', '/api/auth/me')).json().organisation.id as string;
    const consent = await call(caseworker, 'POST', `/api/households/${id}/consents`, {
      organisationId: siaoOrg,
      purpose: 'support',
      validFrom: '2026-03-01',
      method: 'signed_form',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    await consentToLandlord(t, caseworker, id, landlordId);
    return id;
  }

  it('adds, changes and removes a member by its id, each at the version read, with its diff', async () => {
    const id = await sharedFile();
    const before = await file(id);
    const [helene, leo] = before.members as { id: string }[];

    const added = await call(caseworker, 'POST', `/api/households/${id}/members`, {
      version: before.version,
      firstName: 'Noé',
      lastName: 'Dupré',
      birthDate: '2021-05-04',
      relationship: 'child',
    });
    expect(added.statusCode, added.body).toBe(201);
    const { rowId: noe, version: v2 } = added.json();
    expect(v2).toBe(before.version + 1);

    const renamed = await call(caseworker, 'PATCH', `/api/households/${id}/members/${leo!.id}`, {
      version: v2,
      firstName: 'Léon',
    });
    expect(renamed.json()).toMatchObject({ version: v2 + 1, rowId: leo!.id });
    // A stale version is refused, never merged.
    const stale = await call(caseworker, 'PATCH', `/api/households/${id}/members/${leo!.id}`, {
      version: v2,
      firstName: 'Léonard',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const removed = await call(
      caseworker,
      'DELETE',
      `/api/households/${id}/members/${noe}?version=${v2 + 1}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);

    const after = await file(id);
    // Ids are stable: the same rows, the renamed one included.
    expect(after.members.map((m: { id: string; firstName: string }) => [m.id, m.firstName])).toEqual([
      [helene!.id, 'Hélène'],
      [leo!.id, 'Léon'],
    ]);
    const history = (await call(caseworker, 'GET', `/api/households/${id}/history`)).json().items;
    expect(
      history.slice(0, 3).map((v: { summary: string; changes: { label: string }[] }) => v.changes[0]!.label),
    ).toEqual([
      'Composition du ménage : retrait — Noé Dupré',
      'Composition du ménage — Léon Dupré : Prénom',
      'Composition du ménage : ajout — Noé Dupré',
    ]);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.householdId, id), eq(auditLog.action, 'household.update')));
    expect(audit).toHaveLength(3);
  });

  it('keeps exactly one reference person: a new one replaces the old, the only one cannot go', async () => {
    const id = await sharedFile();
    const start = await file(id);
    const [helene, leo] = start.members as { id: string }[];
    const promoted = await call(caseworker, 'PATCH', `/api/households/${id}/members/${leo!.id}`, {
      version: start.version,
      isReferencePerson: true,
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const now = await file(id);
    expect(now.members.map((m: { isReferencePerson: boolean }) => m.isReferencePerson)).toEqual([
      false,
      true,
    ]);

    const demoted = await call(caseworker, 'PATCH', `/api/households/${id}/members/${leo!.id}`, {
      version: now.version,
      isReferencePerson: false,
    });
    expect(demoted.statusCode).toBe(400);
    expect(demoted.json().error.fields.isReferencePerson).toMatch(/une et une seule personne de référence/);
    const removeReference = await call(
      caseworker,
      'DELETE',
      `/api/households/${id}/members/${leo!.id}?version=${now.version}`,
    );
    expect(removeReference.statusCode).toBe(400);
    expect(removeReference.json().error.fields._).toMatch(/autre personne de référence/);
    expect((await file(id)).members.map((m: { id: string }) => m.id)).toEqual([helene!.id, leo!.id]);
  });

  it('answers 400 in French, 404 for a row or file out of reach, 403 to a landlord', async () => {
    const id = await sharedFile();
    const other = await sharedFile();
    const { version, resources } = await file(id);
    const bad = await call(caseworker, 'POST', `/api/households/${id}/resources`, {
      version,
      type: 'salary',
      monthlyAmountCents: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      type: 'Type de ressource invalide.',
      monthlyAmountCents: 'Le montant ne peut pas être négatif.',
    });
    const foreignMember = (await file(other)).members[0].id;
    const wrongMember = await call(caseworker, 'POST', `/api/households/${id}/resources`, {
      version,
      type: 'wages',
      monthlyAmountCents: 120_000,
      memberId: foreignMember,
    });
    expect(wrongMember.statusCode).toBe(400);
    expect(wrongMember.json().error.fields.memberId).toMatch(/ne fait pas partie du ménage/);
    // A row of another household is not found here, whatever its id.
    const otherRow = (await file(other)).resources[0].id;
    expect(
      (await call(caseworker, 'PATCH', `/api/households/${id}/resources/${otherRow}`, { version, note: 'x' }))
        .statusCode,
    ).toBe(404);
    // The landlord reads the summary but changes the file only through referrals.
    const refused = await call(advisor, 'PATCH', `/api/households/${id}/members/${resources[0].memberId}`, {
      version,
      firstName: 'X',
    });
    expect(refused.statusCode).toBe(403);
    // A party without the caseworker level may change what it sees (a resource), not a health note.
    const siaoEdit = await call(siaoWorker, 'PATCH', `/api/households/${id}/resources/${resources[0].id}`, {
      version,
      note: 'Montant confirmé par la CAF.',
    });
    expect(siaoEdit.statusCode, siaoEdit.body).toBe(200);
    const stranger = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!
      .session;
    expect(
      (await call(stranger, 'DELETE', `/api/households/${id}/debts/${foreignMember}?version=1`)).statusCode,
    ).toBe(404);
  });

  it('removing a person keeps their resources as the household’s', async () => {
    const id = await sharedFile();
    const { version, members } = await file(id);
    const leo = members[1].id as string;
    const resource = await call(caseworker, 'POST', `/api/households/${id}/resources`, {
      version,
      memberId: leo,
      type: 'family_benefits',
      monthlyAmountCents: 15_000,
    });
    expect(resource.statusCode, resource.body).toBe(201);
    const removed = await call(
      caseworker,
      'DELETE',
      `/api/households/${id}/members/${leo}?version=${resource.json().version}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const after = await file(id);
    expect(after.resources.find((r: { id: string }) => r.id === resource.json().rowId)).toMatchObject({
      memberId: null,
      memberIndex: null,
    });
    const rows = await t.deps.db.select().from(householdMembers).where(eq(householdMembers.householdId, id));
    expect(rows).toHaveLength(1);
  });

  it('keeps the rent’s history: a new rent is dated, the tenancy and its dwelling stay', async () => {
    const id = await sharedFile();
    const start = await file(id);
    expect(start.tenancy).toMatchObject({ monthlyRentCents: 40_000, landlordOrganisationId: landlordId });
    t.setNow(new Date('2026-04-15T09:00:00Z'));
    // A month later: a new session (the first one has expired).
    caseworker = await sessionFor(t.deps, association.members.caseworker!.user.id, association.org.id);
    const saved = await call(caseworker, 'PUT', `/api/households/${id}`, {
      ...toUpdateBody(start),
      tenancy: {
        address: start.tenancy.address,
        landlordOrganisationId: landlordId,
        monthlyRentCents: 41_500,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await file(id);
    expect(after.tenancy).toMatchObject({
      id: start.tenancy.id,
      dwellingId: start.tenancy.dwellingId,
      monthlyRentCents: 41_500,
      rentSince: '2026-04-15',
    });
    const rents = await t.deps.db
      .select()
      .from(tenancyRents)
      .where(eq(tenancyRents.tenancyId, start.tenancy.id));
    expect(rents.map((r) => [r.effectiveFrom, r.monthlyRentCents]).sort()).toEqual([
      ['2026-03-10', 40_000],
      ['2026-04-15', 41_500],
    ]);
    // Leaving the dwelling ends the tenancy: it is kept, with its end date.
    const left = await call(caseworker, 'PUT', `/api/households/${id}`, {
      ...toUpdateBody(after),
      tenancy: null,
    });
    expect(left.statusCode, left.body).toBe(200);
    expect((await file(id)).tenancy).toBeNull();
    const ended = await t.deps.db.select().from(tenancies).where(eq(tenancies.householdId, id));
    expect(ended).toEqual([expect.objectContaining({ endDate: '2026-04-15' })]);
    const current = await t.deps.db
      .select()
      .from(tenancies)
      .where(and(eq(tenancies.householdId, id), isNull(tenancies.endDate)));
    expect(current).toEqual([]);
    t.setNow(NOW);
    caseworker = await sessionFor(t.deps, association.members.caseworker!.user.id, association.org.id);
  });

  it('records the eviction procedure as dated steps, once each, and closes it with a reason', async () => {
    const id = await sharedFile();
    const step = (body: object, session = caseworker) =>
      call(session, 'POST', `/api/households/${id}/eviction-steps`, body);
    expect((await step({ step: 'payment_order', occurredOn: '2026-02-02' })).json().id).toEqual(
      expect.any(String),
    );
    expect((await step({ step: 'payment_order', occurredOn: '2026-02-02' })).json()).toEqual({ id: null });
    expect(
      (await step({ step: 'summons', occurredOn: '2026-03-05', note: 'Audience fixée au 12 mai.' }))
        .statusCode,
    ).toBe(201);
    const future = await step({ step: 'hearing', occurredOn: '2026-05-12' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.occurredOn).toMatch(/futur/);
    expect((await step({ step: 'hearing', occurredOn: '2026-03-01' }, advisor)).statusCode).toBe(403);

    // The landlord reads the procedure in its summary.
    expect((await file(id, advisor)).evictionProcedure).toMatchObject({
      openedOn: '2026-02-02',
      closedOn: null,
      steps: [
        { step: 'payment_order', occurredOn: '2026-02-02' },
        { step: 'summons', occurredOn: '2026-03-05', note: 'Audience fixée au 12 mai.' },
      ],
    });
    const close = await call(caseworker, 'POST', `/api/households/${id}/eviction-procedure/close`, {
      reason: 'Protocole de cohésion sociale signé.',
    });
    expect(close.statusCode, close.body).toBe(204);
    expect((await file(id)).evictionProcedure).toMatchObject({ closedOn: '2026-03-10' });
    const again = await call(caseworker, 'POST', `/api/households/${id}/eviction-procedure/close`, {
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);

    // The audit tab says all of it in words, without a code or an identifier.
    const audit = (await call(caseworker, 'GET', `/api/households/${id}/audit`)).json().items as {
      actionLabel: string;
      description: string | null;
    }[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actionLabel: 'Étape de la procédure d’expulsion enregistrée',
          description: 'Commandement de payer — le 02/02/2026',
        }),
        expect.objectContaining({
          actionLabel: 'Procédure d’expulsion close',
          description: 'Protocole de cohésion sociale signé.',
        }),
        expect.objectContaining({ actionLabel: 'Accord du ménage enregistré' }),
      ]),
    );
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b/);
  });
});
