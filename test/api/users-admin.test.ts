import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD, makeOrgWithUsers, makeOrganisation, makeUser } from '../helpers/factories.ts';
import { fromSessionResponse, freshIp, login, tokenFromOutbox, totpCode } from '../helpers/auth.ts';
import { managementUnits } from '../../src/modules/organisations/schema.ts';

describe('user administration', () => {
  let t: TestApp;
  let landlord: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://relais.example.fr' });
    landlord = await makeOrgWithUsers(t.deps, 'landlord', ['admin', 'landlord_social_advisor']);
    association = await makeOrgWithUsers(t.deps, 'association', ['admin', 'caseworker']);
  });
  afterAll(() => t.close());

  const as = (headers: Record<string, string>) => ({
    get: (url: string) => t.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) }),
    patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers, payload }),
    del: (url: string) => t.app.inject({ method: 'DELETE', url, headers }),
  });
  const admin = () => as(landlord.members.admin!.session.headers);

  it('invites by email; the link creates the account, which then enrols its second factor', async () => {
    const [unit] = await t.deps.db
      .insert(managementUnits)
      .values({ organisationId: landlord.org.id, name: 'Agence Nord', code: 'N' })
      .returning();
    const email = 'Nouvelle.Conseillere@bailleur.test';
    const invite = await admin().post('/api/admin/invitations', {
      email,
      fullName: 'Nadia Conseillère',
      role: 'landlord_social_advisor',
      managementUnitId: unit!.id,
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({
      email: email.toLowerCase(),
      status: 'pending',
      role: 'landlord_social_advisor',
    });
    const list = await admin().get('/api/admin/invitations');
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain(email.toLowerCase());

    const token = await tokenFromOutbox(t, email, '/invitation');
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      remoteAddress: freshIp(),
      payload: { token, password: 'Mon-mot-de-passe-solide' },
    });
    expect(accept.statusCode).toBe(200);
    const s = fromSessionResponse(accept);
    expect(s.body).toMatchObject({ secondFactor: 'enrolment_required', organisationId: landlord.org.id });
    const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers: s.headers });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: s.headers,
      payload: { code: await totpCode(t, enrol.json().secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(me.json()).toMatchObject({ roles: ['landlord_social_advisor'], managementUnitId: unit!.id });

    expect((await login(t, email, 'Mon-mot-de-passe-solide')).body.secondFactor).toBe('required');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      remoteAddress: freshIp(),
      payload: { token, password: 'Mon-mot-de-passe-solide' },
    });
    expect(again.statusCode).toBe(400);
    const users = await admin().get('/api/admin/users');
    expect(users.json().items.find((u: { email: string }) => u.email === email.toLowerCase())).toMatchObject({
      status: 'active',
      totpEnabled: true,
      roles: ['landlord_social_advisor'],
    });
  });

  it('gives an existing account the new membership when it proves its password', async () => {
    const existing = association.members.caseworker!.user;
    await admin().post('/api/admin/invitations', {
      email: existing.email,
      fullName: 'Xavier',
      role: 'auditor',
    });
    const token = await tokenFromOutbox(t, existing.email, '/invitation');
    const accept = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/invitations/accept',
        remoteAddress: freshIp(),
        payload: { token, password },
      });
    const wrong = await accept('Pas-le-bon-mot-de-passe');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.password).toMatch(/mot de passe actuel/);
    const ok = await accept(TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().organisations.map((m: { organisationId: string }) => m.organisationId)).toEqual([
      association.org.id,
      landlord.org.id,
    ]);
  });

  it('revokes a pending invitation, whose link then fails', async () => {
    const invite = await admin().post('/api/admin/invitations', {
      email: 'revoquee@test.fr',
      fullName: 'Révoquée',
      role: 'auditor',
    });
    const token = await tokenFromOutbox(t, 'revoquee@test.fr', '/invitation');
    expect(
      (await as(association.members.admin!.session.headers).del(`/api/admin/invitations/${invite.json().id}`))
        .statusCode,
    ).toBe(404);
    expect((await admin().del(`/api/admin/invitations/${invite.json().id}`)).statusCode).toBe(204);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      remoteAddress: freshIp(),
      payload: { token, password: 'Mon-mot-de-passe-solide' },
    });
    expect(accept.statusCode).toBe(400);
  });

  it('refuses a role foreign to the kind of organisation, in French', async () => {
    const res = await admin().post('/api/admin/invitations', {
      email: 'f@test.fr',
      fullName: 'F F',
      role: 'caseworker',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.role).toMatch(/n’existe pas dans ce type d’organisation/);
  });

  it('changes roles, keeping at least one active administrator', async () => {
    const advisor = landlord.members.landlord_social_advisor!.user;
    const res = await admin().patch(`/api/admin/users/${advisor.id}/roles`, {
      roles: ['landlord_social_advisor', 'landlord_rental_manager'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.sort()).toEqual(['landlord_rental_manager', 'landlord_social_advisor']);

    const self = landlord.members.admin!.user;
    const last = await admin().patch(`/api/admin/users/${self.id}/roles`, { roles: ['auditor'] });
    expect(last.statusCode).toBe(409);
    const empty = await admin().patch(`/api/admin/users/${advisor.id}/roles`, { roles: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.roles).toBe('Au moins un rôle est nécessaire.');
  });

  it('deactivates a member, ending their sessions, and reactivates them', async () => {
    const user = await makeUser(t.deps.db, {
      organisationId: landlord.org.id,
      roles: ['landlord_rental_manager'],
    });
    const s = await login(t, user.email, TEST_PASSWORD);
    const off = await admin().post(`/api/admin/users/${user.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('deactivated');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(403);
    expect((await admin().post(`/api/admin/users/${user.id}/reactivate`)).json().status).toBe('active');
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(200);
    expect(
      (await admin().post(`/api/admin/users/${landlord.members.admin!.user.id}/deactivate`)).statusCode,
    ).toBe(403);
  });

  it('is for administrators only, and answers 404 for users of other organisations', async () => {
    const advisor = as(landlord.members.landlord_social_advisor!.session.headers);
    expect((await advisor.get('/api/admin/users')).statusCode).toBe(403);
    expect(
      (await advisor.post('/api/admin/invitations', { email: 'a@b.fr', fullName: 'A B', role: 'auditor' }))
        .statusCode,
    ).toBe(403);
    const foreign = association.members.caseworker!.user.id;
    const outsider = await makeOrganisation(t.deps.db, 'landlord');
    const outsiderUser = await makeUser(t.deps.db, { organisationId: outsider.id, roles: ['auditor'] });
    for (const id of [outsiderUser.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await admin().patch(`/api/admin/users/${id}/roles`, { roles: ['auditor'] })).statusCode).toBe(
        404,
      );
      expect((await admin().post(`/api/admin/users/${id}/deactivate`)).statusCode).toBe(404);
    }
    // The caseworker accepted a landlord membership earlier; the association's admin cannot touch it there.
    const listed = (await admin().get('/api/admin/users')).json().items.map((u: { id: string }) => u.id);
    expect(listed).toContain(foreign);
    expect(listed).not.toContain(association.members.admin!.user.id);
  });
});
