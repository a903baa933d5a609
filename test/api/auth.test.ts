import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD, makeOrganisation, makeUser } from '../helpers/factories.ts';
import { freshIp, login, totpCode } from '../helpers/auth.ts';
import { users } from '../../src/modules/identity/schema.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';

describe('sign-in', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrganisation(t.deps.db, 'funder')).id;
  });
  afterAll(() => t.close());

  const funder = () => makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });

  it('signs in with a session cookie, a CSRF token and the organisations', async () => {
    const user = await funder();
    const s = await login(t, user.email.toUpperCase(), TEST_PASSWORD);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      user: { id: user.id, email: user.email },
      secondFactor: 'none',
      organisationId: orgId,
      organisations: [{ organisationId: orgId, organisationType: 'funder', roles: ['funder_officer'] }],
    });
    expect(s.setCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Cookie dates have a one-second resolution.
    const absoluteEnd = t.deps.clock().getTime() + 12 * 3_600_000;
    expect(absoluteEnd - (s.setCookie?.expires?.getTime() ?? 0)).toBeLessThan(1000);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(me.json()).toMatchObject({
      organisation: { id: orgId, type: 'funder' },
      roles: ['funder_officer'],
      csrfToken: s.body.csrfToken,
      secondFactor: 'none',
    });
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(entries.map((e) => e.action)).toContain('auth.login');
  });

  it('answers the same for an unknown address and a wrong password', async () => {
    const user = await funder();
    const wrong = await login(t, user.email, 'not-the-password');
    const unknown = await login(t, 'nobody@nowhere.test', TEST_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(wrong.setCookie).toBeUndefined();
  });

  it('locks the account after 5 failures, even for the right password, until the lock ends', async () => {
    const user = await funder();
    for (let i = 1; i <= 4; i++) expect((await login(t, user.email, `bad-${i}`)).status).toBe(401);
    const fifth = await login(t, user.email, 'bad-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.message).toMatch(/verrouillé jusqu’à \d\d:\d\d/);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(423);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id))).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked');

    t.advance(15 * 60_000 + 1000);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(200);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it('refuses a deactivated user, with the generic message when the password is wrong', async () => {
    const user = await funder();
    await t.deps.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    const right = await login(t, user.email, TEST_PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body.error.message).toMatch(/désactivé/);
    expect((await login(t, user.email, 'wrong-password')).body.error.message).toBe(
      'Adresse e-mail ou mot de passe incorrect.',
    );
  });

  it('opens the session on the requested organisation when the user belongs to it', async () => {
    const other = await makeOrganisation(t.deps.db, 'association');
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    await makeUser(t.deps.db, { organisationId: other.id, roles: ['auditor'], email: `x-${user.email}` });
    const s = await login(t, user.email, TEST_PASSWORD, { organisationId: other.id });
    expect(s.body.organisationId).toBe(orgId);
    const { memberships } = await import('../../src/modules/identity/schema.ts');
    await t.deps.db
      .insert(memberships)
      .values({ userId: user.id, organisationId: other.id, role: 'auditor' });
    const s2 = await login(t, user.email, TEST_PASSWORD, { organisationId: other.id });
    expect(s2.body.organisationId).toBe(other.id);
    expect(s2.body.secondFactor).toBe('enrolment_required');
  });

  it('rate-limits sign-in per client address', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // A new address each time: the per-address limit, not an address's own lock, must answer.
    for (let i = 0; i < 21; i++)
      statuses.push((await login(t, `nobody-${i}@nowhere.test`, 'x', { ip })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await login(t, 'nobody-21@nowhere.test', 'x')).status).toBe(401);
  });

  it('answers validation errors with French field messages', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: freshIp(),
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      email: 'Adresse e-mail invalide.',
      password: 'Ce champ est obligatoire.',
    });
  });
});

describe('sessions', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrganisation(t.deps.db, 'funder')).id;
  });
  afterAll(() => t.close());

  const signedIn = async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    return { user, s: await login(t, user.email, TEST_PASSWORD) };
  };
  const notifications = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/notifications', headers });

  it('refuses a state change without the CSRF token', async () => {
    const { s } = await signedIn();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: s.headers.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const ok = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: s.headers });
    expect(ok.statusCode).toBe(204);
  });

  it('expires after the idle time, and slides while used', async () => {
    const { s } = await signedIn();
    t.advance(25 * 60_000);
    expect((await notifications(s.headers)).statusCode).toBe(200);
    t.advance(25 * 60_000);
    expect((await notifications(s.headers)).statusCode).toBe(200);
    t.advance(31 * 60_000);
    expect((await notifications(s.headers)).statusCode).toBe(401);
  });

  it('expires at the absolute limit even when used', async () => {
    const { s } = await signedIn();
    for (let i = 0; i < 24; i++) {
      t.advance(29 * 60_000);
      expect((await notifications(s.headers)).statusCode).toBe(200);
    }
    t.advance(29 * 60_000);
    expect((await notifications(s.headers)).statusCode).toBe(401);
  });

  it('logs out this session only, and clears the cookie', async () => {
    const { user } = await signedIn();
    const a = await login(t, user.email, TEST_PASSWORD);
    const b = await login(t, user.email, TEST_PASSWORD);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'relais_session')?.value).toBe('');
    expect((await notifications(a.headers)).statusCode).toBe(401);
    expect((await notifications(b.headers)).statusCode).toBe(200);
  });

  it('logs out everywhere', async () => {
    const { user } = await signedIn();
    const a = await login(t, user.email, TEST_PASSWORD);
    const b = await login(t, user.email, TEST_PASSWORD);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: a.headers })).statusCode,
    ).toBe(204);
    expect((await notifications(a.headers)).statusCode).toBe(401);
    expect((await notifications(b.headers)).statusCode).toBe(401);
  });

  it('switches to another organisation of the user, not to a foreign one', async () => {
    const { user, s } = await signedIn();
    const other = await makeOrganisation(t.deps.db, 'funder');
    const foreign = await makeOrganisation(t.deps.db, 'funder');
    const { memberships } = await import('../../src/modules/identity/schema.ts');
    await t.deps.db.insert(memberships).values({ userId: user.id, organisationId: other.id, role: 'admin' });
    const switchTo = (organisationId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/switch-organisation',
        headers: s.headers,
        payload: { organisationId },
      });
    expect((await switchTo(foreign.id)).statusCode).toBe(404);
    const res = await switchTo(other.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organisation: { id: other.id }, roles: ['admin'] });
    expect(res.json().memberships).toHaveLength(2);
  });
});

describe('second factor', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrganisation(t.deps.db, 'association')).id;
  });
  afterAll(() => t.close());

  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}), remoteAddress: freshIp() });

  /** A caseworker who enrolled TOTP; returns the secret and the recovery codes. */
  async function enrolled() {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['caseworker'] });
    const s = await login(t, user.email, TEST_PASSWORD);
    expect(s.body.secondFactor).toBe('enrolment_required');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: s.headers });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('SECOND_FACTOR_REQUIRED');

    const enrol = await post('/api/auth/totp/enrol', s.headers);
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeDataUrl } = enrol.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    expect((await post('/api/auth/totp/confirm', s.headers, { code: '000000' })).statusCode).toBe(400);
    const confirm = await post('/api/auth/totp/confirm', s.headers, { code: await totpCode(t, secret) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: s.headers })).statusCode,
    ).toBe(200);
    return { user, secret, recoveryCodes: recoveryCodes as string[] };
  }

  it('enrols, then requires a TOTP code at the next sign-in', async () => {
    const { user, secret } = await enrolled();
    const s = await login(t, user.email, TEST_PASSWORD);
    expect(s.body.secondFactor).toBe('required');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(me.json()).toMatchObject({ secondFactor: 'required', totpEnabled: true });
    // The code used to confirm enrolment cannot be replayed; the next step's can.
    const replay = await post('/api/auth/totp/verify', s.headers, { code: await totpCode(t, secret) });
    expect(replay.statusCode).toBe(400);
    t.advance(30_000);
    const verify = await post('/api/auth/totp/verify', s.headers, { code: await totpCode(t, secret) });
    expect(verify.statusCode).toBe(204);
    const ok = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: s.headers });
    expect(ok.statusCode).toBe(200);
  });

  it('does not let a password-only session replace an enrolled second factor', async () => {
    const { user } = await enrolled();
    const s = await login(t, user.email, TEST_PASSWORD);
    expect((await post('/api/auth/totp/enrol', s.headers)).statusCode).toBe(403);
  });

  it('accepts each recovery code once', async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = await login(t, user.email, TEST_PASSWORD);
    expect(
      (await post('/api/auth/totp/verify', first.headers, { recoveryCode: recoveryCodes[0]!.toUpperCase() }))
        .statusCode,
    ).toBe(204);
    const second = await login(t, user.email, TEST_PASSWORD);
    const again = await post('/api/auth/totp/verify', second.headers, { recoveryCode: recoveryCodes[0] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.recoveryCode).toMatch(/déjà utilisé/);
    expect(
      (await post('/api/auth/totp/verify', second.headers, { recoveryCode: recoveryCodes[1] })).statusCode,
    ).toBe(204);
  });

  it('counts wrong codes toward the lockout', async () => {
    const { user } = await enrolled();
    const s = await login(t, user.email, TEST_PASSWORD);
    for (let i = 0; i < 4; i++) {
      expect((await post('/api/auth/totp/verify', s.headers, { code: '000000' })).statusCode).toBe(400);
    }
    const locked = await post('/api/auth/totp/verify', s.headers, { code: '000000' });
    expect(locked.statusCode).toBe(423);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(423);
  });

  it('asks for exactly one of code and recovery code', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['caseworker'] });
    const s = await login(t, user.email, TEST_PASSWORD);
    const res = await post('/api/auth/totp/verify', s.headers, {});
    expect(res.statusCode).toBe(400);
    expect(Object.values(res.json().error.fields)).toContain(
      'Saisissez soit le code de votre application, soit un code de secours.',
    );
  });
});
