import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers } from '../helpers/factories.ts';
import { organisations, territories } from '../../src/modules/organisations/schema.ts';

describe('organisations', () => {
  let t: TestApp;
  let landlord: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let communeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    landlord = await makeOrgWithUsers(t.deps, 'landlord', ['admin', 'landlord_social_advisor']);
    association = await makeOrgWithUsers(t.deps, 'association', ['admin', 'caseworker']);
    const [dept] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: '59', name: 'Nord' })
      .returning();
    const [commune] = await t.deps.db
      .insert(territories)
      .values([
        {
          kind: 'commune',
          code: '59350',
          name: 'Lille',
          parentId: dept!.id,
          postcode: '59000',
          housingBenefitZone: 2,
        },
        { kind: 'commune', code: '59512', name: 'Roubaix', parentId: dept!.id, postcode: '59100' },
      ])
      .returning();
    communeId = commune!.id;
  });
  afterAll(() => t.close());

  const req = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const landlordAdmin = () => landlord.members.admin!.session.headers;

  it('lets a landlord administrator manage agences, shown in the directory', async () => {
    const created = await req('POST', '/api/admin/management-units', landlordAdmin(), {
      name: 'Agence Lille Sud',
      code: 'LS',
      territoryId: communeId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Agence Lille Sud',
      territory: { id: communeId, name: 'Lille' },
    });
    const renamed = await req('PATCH', `/api/admin/management-units/${created.json().id}`, landlordAdmin(), {
      name: 'Agence Lille Centre',
    });
    expect(renamed.json()).toMatchObject({ name: 'Agence Lille Centre', code: 'LS' });

    const dir = await req(
      'GET',
      '/api/organisations?type=landlord',
      association.members.caseworker!.session.headers,
    );
    const entry = dir.json().items.find((o: { id: string }) => o.id === landlord.org.id);
    expect(entry.managementUnits.map((u: { name: string }) => u.name)).toEqual(['Agence Lille Centre']);
    expect(dir.json().items.every((o: { type: string }) => o.type === 'landlord')).toBe(true);

    const other = await req(
      'PATCH',
      `/api/admin/management-units/${created.json().id}`,
      association.members.admin!.session.headers,
      {
        name: 'Piratée',
      },
    );
    expect(other.statusCode).toBe(403);
    const advisor = await req(
      'POST',
      '/api/admin/management-units',
      landlord.members.landlord_social_advisor!.session.headers,
      {
        name: 'Agence X',
        code: 'X',
      },
    );
    expect(advisor.statusCode).toBe(403);
  });

  it('lists active organisations only, and hides inactive ones from others', async () => {
    const hidden = await makeOrgWithUsers(t.deps, 'association', ['admin']);
    await t.deps.db.update(organisations).set({ active: false }).where(eq(organisations.id, hidden.org.id));
    const headers = association.members.caseworker!.session.headers;
    const dir = await req('GET', '/api/organisations', headers);
    expect(dir.json().items.map((o: { id: string }) => o.id)).not.toContain(hidden.org.id);
    expect((await req('GET', `/api/organisations/${hidden.org.id}`, headers)).statusCode).toBe(404);
    const detail = await req('GET', `/api/organisations/${landlord.org.id}`, headers);
    expect(detail.json()).toMatchObject({ id: landlord.org.id, type: 'landlord', active: true });
  });

  it('lets an administrator edit the organisation contact details, not others', async () => {
    const res = await req('PATCH', '/api/admin/organisation', association.members.admin!.session.headers, {
      name: 'Association Toit Commun',
      email: 'contact@toit.test',
      phone: '03 20 00 00 00',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Association Toit Commun', email: 'contact@toit.test' });
    const bad = await req('PATCH', '/api/admin/organisation', association.members.admin!.session.headers, {
      email: 'pas-un-email',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email).toBe('Adresse e-mail invalide.');
    const caseworker = await req(
      'PATCH',
      '/api/admin/organisation',
      association.members.caseworker!.session.headers,
      {
        name: 'Autre nom',
      },
    );
    expect(caseworker.statusCode).toBe(403);
  });

  it('searches territories by name, code or postcode', async () => {
    const headers = association.members.caseworker!.session.headers;
    const byName = await req('GET', '/api/territories?kind=commune&q=lil', headers);
    expect(byName.json().items.map((c: { name: string }) => c.name)).toEqual(['Lille']);
    const byPostcode = await req('GET', '/api/territories?q=591', headers);
    expect(byPostcode.json().items.map((c: { name: string }) => c.name)).toEqual(['Roubaix']);
    const depts = await req('GET', '/api/territories?kind=departement', headers);
    expect(depts.json().items).toHaveLength(1);
  });
});
