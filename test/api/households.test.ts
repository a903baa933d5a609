import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { contextFor, createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
  toUpdateBody,
} from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import {
  householdChanges,
  householdMembers,
  householdParties,
  households,
} from '../../src/modules/households/schema.ts';
import { updateHousehold } from '../../src/modules/households/use-cases/update-household.ts';
import type { Actor } from '../../src/kernel/actor.ts';

describe('household file', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let caseworkerUserId: string;
  let associationId: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    associationId = association.org.id;
    caseworker = association.members.caseworker!.session;
    caseworkerUserId = association.members.caseworker!.user.id;
    actor = {
      userId: caseworkerUserId,
      sessionId: 'test',
      email: association.members.caseworker!.user.email,
      fullName: association.members.caseworker!.user.fullName,
      organisationId: associationId,
      organisationType: 'association',
      organisationName: association.org.name,
      roles: ['caseworker'],
      managementUnitId: null,
      ip: '127.0.0.1',
      userAgent: null,
    };
  });
  afterAll(() => t.close());

  const get = (id: string, session = caseworker) =>
    t.app.inject({ method: 'GET', url: `/api/households/${id}`, headers: session.headers });
  const put = (id: string, body: object, session = caseworker) =>
    t.app.inject({ method: 'PUT', url: `/api/households/${id}`, headers: session.headers, payload: body });

  it('creates a file with consent, makes the association a party and records version 1', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const res = await get(id);
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file).toMatchObject({
      accessLevel: 'caseworker',
      version: 1,
      healthNotes: 'Suivi psychiatrique en cours.',
      rentArrears: 120_000,
      members: [{ firstName: 'Hélène', isReferencePerson: true }, { firstName: 'Léo' }],
      resources: [{ memberIndex: 0, type: 'rsa', monthlyAmountCents: 63_500 }],
    });
    expect(file.fileLabel).toMatch(/^M-\d{6}$/);

    const [row] = await t.deps.db.select().from(households).where(eq(households.id, id));
    expect(row!.searchText).toContain('helene dupre');
    expect(row!.searchText).toContain('0751224abc12');

    const parties = await t.app.inject({
      method: 'GET',
      url: `/api/households/${id}/parties`,
      headers: caseworker.headers,
    });
    expect(parties.json().items).toEqual([
      expect.objectContaining({
        organisationId: associationId,
        basis: 'consent',
        basisLabel: 'Accord du ménage',
        caseworkerUserId,
      }),
    ]);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/households/${id}/history`,
      headers: caseworker.headers,
    });
    expect(history.json().items).toEqual([
      expect.objectContaining({ version: 1, summary: 'Création du dossier' }),
    ]);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.householdId, id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['household.create', 'household.read']));
    const [read] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.householdId, id), eq(auditLog.action, 'household.read')));
    expect(read).toMatchObject({
      actorUserId: caseworkerUserId,
      actorOrganisationId: associationId,
      entityType: 'household',
      entityId: id,
      details: { accessLevel: 'caseworker' },
    });
  });

  it('lists, searches without accents and filters only my organisation’s households', async () => {
    const id = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({
        applicationNumber: 'ZZ99887766',
        daloRecognised: false,
        daloDecisionDate: null,
        housingSituation: 'hotel',
        members: [
          {
            firstName: 'Jérôme',
            lastName: 'Ørsted-Çağlar',
            relationship: 'reference_person',
            isReferencePerson: true,
          },
        ],
      }),
    );
    const other = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    const foreign = await createHouseholdAs(t, other.members.caseworker!.session);

    const list = async (query: string, session = caseworker) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/households?${query}`, headers: session.headers })
      ).json();

    const all = await list('');
    expect(all.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(all.items.map((i: { id: string }) => i.id)).not.toContain(foreign);
    expect((await list('q=jerome')).items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await list('q=CAGLAR')).items[0]).toMatchObject({
      id,
      referencePersonName: 'Jérôme Ørsted-Çağlar',
      memberCount: 1,
      housingSituation: 'hotel',
      accessLevel: 'caseworker',
    });
    expect((await list('q=zz9988')).items.map((i: { id: string }) => i.id)).toEqual([id]);
    const fileLabel = (await list('q=jerome')).items[0].fileLabel as string;
    expect((await list(`q=${fileLabel}`)).items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await list('housingSituation=hotel&dalo=false')).items.map((i: { id: string }) => i.id)).toEqual([
      id,
    ]);
    expect((await list('q=helene&pageSize=1&page=1')).total).toBeGreaterThanOrEqual(1);
    expect(
      (await list('q=helene', other.members.caseworker!.session)).items.map((i: { id: string }) => i.id),
    ).toEqual([foreign]);
    expect((await list('q=%25%25%25')).items).toEqual([]);
    // A term too short to narrow anything is refused with why, before any read; spaces are no search.
    for (const short of ['a', 'D%C3%A9', 'a%20%20b'])
      expect(await list(`q=${short}`)).toMatchObject({
        error: { fields: { q: 'Saisissez au moins 3 lettres ou chiffres pour rechercher.' } },
      });
    expect((await list('q=%20%20')).items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('keeps the search copy on the parties in step with renames and new parties', async () => {
    const list = async (q: string, session = caseworker) =>
      (await t.app.inject({ method: 'GET', url: `/api/households?q=${q}`, headers: session.headers }))
        .json()
        .items.map((i: { id: string }) => i.id);
    const id = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({
        members: [
          {
            firstName: 'Anaïs',
            lastName: 'Vasseurin',
            relationship: 'reference_person',
            isReferencePerson: true,
          },
        ],
      }),
    );
    expect(await list('vasseurin')).toEqual([id]);

    const body = toUpdateBody((await get(id)).json());
    const members = [{ ...(body.members as object[])[0], lastName: 'Quénardel' }];
    expect((await put(id, { ...body, members })).statusCode).toBe(200);
    expect(await list('vasseurin')).toEqual([]);
    expect(await list('quenardel')).toEqual([id]);

    // A party added to an existing household (its landlord, by the household's consent) finds it
    // under its current name.
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    const advisor = landlord.members.landlord_social_advisor!.session;
    expect(await list('quenardel', advisor)).toEqual([]);
    await consentToLandlord(t, caseworker, id, landlord.org.id);
    expect(await list('quenardel', advisor)).toEqual([id]);

    // Whoever writes households.search_text (demo loader, bench generator, a manual fix), the
    // triggers carry it to every party.
    await t.deps.db.update(households).set({ searchText: 'renomme a la main' }).where(eq(households.id, id));
    const copies = await t.deps.db
      .select({ searchText: householdParties.searchText })
      .from(householdParties)
      .where(eq(householdParties.householdId, id));
    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(copies.every((c) => c.searchText === 'renomme a la main')).toBe(true);
    expect(await list('main', advisor)).toEqual([id]);
  });

  it('saves the whole file, bumps the version and records a field-level diff', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const body = toUpdateBody((await get(id)).json());
    const members = body.members as Record<string, unknown>[];
    members[0]!.firstName = 'Hélèna';
    members.push({
      firstName: 'Noé',
      lastName: 'Dupré',
      birthDate: '2020-01-02',
      relationship: 'child',
      isReferencePerson: false,
    });
    const res = await put(id, { ...body, healthNotes: 'Suivi terminé.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id, version: 2 });

    const file = (await get(id)).json();
    expect(file.version).toBe(2);
    expect(file.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Hélèna', 'Léo', 'Noé']);
    expect(file.resources).toEqual([expect.objectContaining({ memberIndex: 0 })]);
    // Rows keep their ids across saves: the renamed member is the same row, the new one gets an id.
    const [helena, leo, noe] = file.members as { id: string }[];
    expect(helena!.id).toBe((body.members as { id: string }[])[0]!.id);
    expect(leo!.id).toBe((body.members as { id: string }[])[1]!.id);

    const history = (
      await t.app.inject({ method: 'GET', url: `/api/households/${id}/history`, headers: caseworker.headers })
    ).json();
    expect(history.items[0]).toMatchObject({
      version: 2,
      summary: 'Modification : Santé, Composition du ménage',
    });
    // In words: French labels, the person named, dates formatted; no key, code or identifier.
    expect(history.items[0].changes).toEqual([
      { label: 'Santé', before: 'Suivi psychiatrique en cours.', after: 'Suivi terminé.' },
      { label: 'Composition du ménage — Hélèna Dupré : Prénom', before: 'Hélène', after: 'Hélèna' },
      {
        label: 'Composition du ménage : ajout — Noé Dupré',
        before: '—',
        after:
          'Prénom : Noé, Nom : Dupré, Date de naissance : 02/01/2020, Lien avec la personne de référence : Enfant',
      },
    ]);
    const [row] = await t.deps.db.select().from(households).where(eq(households.id, id));
    expect(row!.searchText).toContain('noe dupre');
    const updates = await t.deps.db.select().from(auditLog).where(eq(auditLog.householdId, id));
    expect(updates.find((a) => a.action === 'household.update')!.details).toEqual({
      version: 2,
      fields: ['healthNotes', `members.${helena!.id}.firstName`, `members.${noe!.id}`],
    });
  });

  it('names the dwelling’s commune in the file', async () => {
    const [commune] = await t.deps.db
      .insert(territories)
      .values({
        kind: 'commune',
        code: 'T-99001',
        name: 'Bourg-Témoin',
        postcode: '00990',
        housingBenefitZone: 3,
      })
      .returning();
    const id = await createHouseholdAs(t, caseworker);
    expect((await get(id)).json().tenancy).toBeNull();
    const body = toUpdateBody((await get(id)).json());
    const tenancy = { address: '2 chemin Vert, Bourg-Témoin', communeId: commune!.id };
    expect((await put(id, { ...body, tenancy })).statusCode).toBe(200);
    expect((await get(id)).json().tenancy.commune).toEqual({
      id: commune!.id,
      name: 'Bourg-Témoin',
      postcode: '00990',
    });
  });

  it('refuses the second of two saves made from the same version, keeping the first', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const colleagueUser = await makeUser(t.deps.db, { organisationId: associationId, roles: ['caseworker'] });
    const colleague = await sessionFor(t.deps, colleagueUser.id, associationId);
    // Both open the file at version 1, then both save.
    const mine = toUpdateBody((await get(id)).json());
    const theirs = toUpdateBody((await get(id, colleague)).json());
    expect((await put(id, { ...mine, phone: '01 02 03 04 05' })).statusCode).toBe(200);
    const conflict = await put(id, { ...theirs, phone: '09 99 99 99 99' }, colleague);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: expect.stringContaining('modifié par quelqu'),
    });
    expect((await get(id)).json()).toMatchObject({ phone: '01 02 03 04 05', version: 2 });
  });

  it('answers 400 with French messages on the paths of the fields to fix', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const body = toUpdateBody((await get(id)).json());
    const res = await put(id, {
      ...body,
      applicationNumber: 'abc',
      daloRecognised: true,
      daloDecisionDate: null,
      members: [
        { firstName: 'Hélène', lastName: 'Dupré', relationship: 'reference_person', isReferencePerson: true },
        { firstName: 'Léo', lastName: 'Dupré', relationship: 'child', isReferencePerson: true },
      ],
      debts: [{ kind: 'energy', amountCents: -5 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      applicationNumber: 'Numéro unique invalide : 10 à 20 lettres ou chiffres.',
      daloDecisionDate: 'Date de la décision DALO obligatoire quand le ménage est reconnu DALO.',
      members: 'Une seule personne de référence par ménage.',
      'debts.0.amountCents': 'Le montant ne peut pas être négatif.',
    });

    const future = await put(id, {
      ...body,
      members: [
        {
          firstName: 'A',
          lastName: 'B',
          birthDate: '2026-03-11',
          relationship: 'reference_person',
          isReferencePerson: true,
        },
      ],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({
      'members.0.birthDate': 'La date de naissance ne peut pas être dans le futur.',
    });
    expect((await get(id)).json().version).toBe(1);
  });

  it('rolls a failing multi-row save back as a whole', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const before = (await get(id)).json();
    const input = {
      ...toUpdateBody(before),
      phone: '07 00 00 00 00',
      // The middle row breaks the relationship enum in the database, after the household row is saved.
      members: [
        {
          firstName: 'Hélène',
          lastName: 'Dupré',
          birthDate: null,
          relationship: 'reference_person',
          isReferencePerson: true,
        },
        { firstName: 'X', lastName: 'Y', birthDate: null, relationship: 'cousin', isReferencePerson: false },
        {
          firstName: 'Léo',
          lastName: 'Dupré',
          birthDate: null,
          relationship: 'child',
          isReferencePerson: false,
        },
      ],
    } as unknown as Parameters<typeof updateHousehold>[1];
    await expect(
      t.deps.db.transaction((tx) => updateHousehold(contextFor(t, actor, tx), { ...input, householdId: id })),
    ).rejects.toThrow();

    const after = (await get(id)).json();
    expect(after).toMatchObject({ version: 1, phone: before.phone });
    expect(after.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Hélène', 'Léo']);
    const rows = await t.deps.db.select().from(householdMembers).where(eq(householdMembers.householdId, id));
    expect(rows).toHaveLength(2);
    const changes = await t.deps.db
      .select()
      .from(householdChanges)
      .where(eq(householdChanges.householdId, id));
    expect(changes.map((c) => c.version)).toEqual([1]);
  });

  it('answers 404 for an unknown id and an id of another organisation', async () => {
    expect((await get('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const other = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    const foreign = await createHouseholdAs(t, other.members.caseworker!.session);
    const res = await get(foreign);
    expect(res.statusCode).toBe(404);
    // A refused read leaves no read entry (nothing was read).
    const reads = await t.deps.db.select().from(auditLog).where(eq(auditLog.householdId, foreign));
    expect(reads.filter((a) => a.action === 'household.read')).toEqual([]);
    expect((await put(foreign, toUpdateBody({ version: 1, ...sampleHousehold() }))).statusCode).toBe(404);
  });

  it('checks references: a landlord id must name a landlord organisation', async () => {
    const id = await createHouseholdAs(t, caseworker);
    const body = toUpdateBody((await get(id)).json());
    const res = await put(id, {
      ...body,
      tenancy: { address: '1 rue Haute, 59000 Lille', landlordOrganisationId: associationId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'tenancy.landlordOrganisationId': 'Bailleur inconnu.' });
  });

  it('makes a landlord a party on its own record only, and ends that access when the landlord changes', async () => {
    const first = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    const second = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    const advisor1 = first.members.landlord_social_advisor!.session;
    const advisor2 = second.members.landlord_social_advisor!.session;

    // Named as the landlord in the association's file, an organisation gets no access.
    const named = await createHouseholdAs(t, caseworker);
    const namedBody = toUpdateBody((await get(named)).json());
    const asTenantOf = (body: Record<string, unknown>, landlordOrganisationId: string) => ({
      ...body,
      housingSituation: 'social_tenant',
      tenancy: { address: '7 rue Basse, 59000 Lille', landlordOrganisationId },
    });
    expect((await put(named, asTenantOf(namedBody, first.org.id))).statusCode).toBe(200);
    expect((await get(named, advisor1)).statusCode).toBe(404);

    // On its own record (the landlord opens its tenant's file), it is a party; when another
    // party moves the household to another landlord, that access ends and the new one gets none.
    const own = await createHouseholdAs(t, advisor1, {
      basis: { kind: 'own_tenant' },
      housingSituation: 'social_tenant',
      tenancy: { address: '7 rue Basse, 59000 Lille' },
      members: [
        { firstName: 'Awa', lastName: 'Diallo', relationship: 'reference_person', isReferencePerson: true },
      ],
    });
    expect((await get(own, advisor1)).json()).toMatchObject({ accessLevel: 'landlord_summary' });
    await t.deps.db
      .insert(householdParties)
      .values({ householdId: own, organisationId: associationId, basis: 'consent', caseworkerUserId });
    const ownBody = toUpdateBody((await get(own)).json());
    expect((await put(own, asTenantOf(ownBody, second.org.id))).statusCode).toBe(200);
    expect((await get(own, advisor1)).statusCode).toBe(404);
    expect((await get(own, advisor2)).statusCode).toBe(404);
  });

  it('lets a landlord open its own tenant’s file with summary fields only', async () => {
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    const advisor = landlord.members.landlord_social_advisor!.session;
    const {
      basis: _b,
      healthNotes: _h,
      justiceNotes: _j,
      familyConflictNotes: _f,
      ...summary
    } = sampleHousehold();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: advisor.headers,
      payload: { ...summary, basis: { kind: 'own_tenant' } },
    });
    expect(refused.statusCode).toBe(403);

    const id = await createHouseholdAs(t, advisor, {
      basis: { kind: 'own_tenant' },
      housingSituation: 'social_tenant',
      tenancy: { address: '3 rue des Lilas, 59000 Lille', tenantReference: 'LOC-4411' },
      members: [
        { firstName: 'Awa', lastName: 'Diallo', relationship: 'reference_person', isReferencePerson: true },
      ],
    });
    const file = (await get(id, advisor)).json();
    expect(file).toMatchObject({
      accessLevel: 'landlord_summary',
      tenancy: { landlordOrganisationId: landlord.org.id, tenantReference: 'LOC-4411' },
    });
    expect(file).not.toHaveProperty('resources');
    const caseworkerOwnTenant = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: caseworker.headers,
      payload: { ...sampleHousehold(), basis: { kind: 'own_tenant' } },
    });
    expect(caseworkerOwnTenant.statusCode).toBe(403);
  });
});
