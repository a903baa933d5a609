import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD, makeOrganisation, makeUser } from '../helpers/factories.ts';
import { freshIp, login, totpCode, type SignedIn } from '../helpers/auth.ts';
import { users } from '../../src/modules/identity/schema.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { RESET_ANSWER_MS } from '../../src/modules/identity/use-cases/request-password-reset.ts';

/** Issue "Hardening": a password alone cannot finish a second factor, and no forged address is believed. */
describe('second-factor enrolment belongs to the session that started it', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrganisation(t.deps.db, 'association')).id;
  });
  afterAll(() => t.close());

  const post = (url: string, s: SignedIn, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: s.headers,
      remoteAddress: freshIp(),
      ...(payload ? { payload } : {}),
    });
  const actionsOf = async (userId: string) =>
    (
      await t.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId)))
        .orderBy(desc(auditLog.id))
    ).map((r) => r.action);

  /** The user starts enrolling in session A; an attacker holding only the password signs in as B. */
  async function pendingEnrolment() {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['caseworker'] });
    const a = await login(t, user.email, TEST_PASSWORD);
    const enrol = await post('/api/auth/totp/enrol', a);
    expect(enrol.statusCode).toBe(200);
    const b = await login(t, user.email, TEST_PASSWORD);
    expect(b.body.secondFactor).toBe('enrolment_required');
    return { user, a, b, secret: enrol.json().secret as string };
  }

  it('refuses a confirmation from another password-only session, even with the right code, and audits it', async () => {
    const { user, a, b, secret } = await pendingEnrolment();
    const hijack = await post('/api/auth/totp/confirm', b, { code: await totpCode(t, secret) });
    expect(hijack.statusCode).toBe(403);
    expect(hijack.json().error.message).toMatch(/autre connexion/);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpConfirmedAt).toBeNull();
    expect(row!.failedLoginCount).toBe(1);
    expect(await actionsOf(user.id)).toContain('auth.second_factor_failed');
    // B's session stays password-only.
    const blocked = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: b.headers });
    expect(blocked.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    // The session that started it still can.
    expect((await post('/api/auth/totp/confirm', a, { code: await totpCode(t, secret) })).statusCode).toBe(
      200,
    );
  });

  it('does not let another password-only session restart a recent enrolment, until ten minutes have passed', async () => {
    const { user, b } = await pendingEnrolment();
    const restart = await post('/api/auth/totp/enrol', b);
    expect(restart.statusCode).toBe(403);
    expect(await actionsOf(user.id)).toContain('auth.totp_enrolment_refused');
    t.advance(10 * 60_000);
    const later = await login(t, user.email, TEST_PASSWORD);
    expect((await post('/api/auth/totp/enrol', later)).statusCode).toBe(200);
  });

  it('counts wrong confirmation codes toward the lockout, audits each, and locks at the fifth', async () => {
    const { user, a } = await pendingEnrolment();
    for (let i = 0; i < 4; i++) {
      expect((await post('/api/auth/totp/confirm', a, { code: '000000' })).statusCode).toBe(400);
    }
    const fifth = await post('/api/auth/totp/confirm', a, { code: '000000' });
    expect(fifth.statusCode).toBe(423);
    const actions = await actionsOf(user.id);
    expect(actions.filter((x) => x === 'auth.second_factor_failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked');
    // Locked: even a right code is refused until the lock ends.
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(
      (await post('/api/auth/totp/confirm', a, { code: await totpCode(t, row!.totpPendingSecret!) }))
        .statusCode,
    ).toBe(423);
  });
});

describe('forwarded addresses', () => {
  let attempt = 0;
  const signInFrom = (t: TestApp, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.10',
      headers: { 'x-forwarded-for': forwardedFor },
      // A new address each time: the per-address limit, not an address's own lock, must answer.
      payload: { email: `nobody-${++attempt}@nowhere.test`, password: 'x' },
    });
  const lastLoginFailureIp = async (t: TestApp) => {
    const [row] = await t.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    return (row!.details as { ip?: string }).ip;
  };

  it('believes no X-Forwarded-For by default: rotating it escapes neither the limit nor the audit log', async () => {
    const t = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await signInFrom(t, `203.0.113.${i + 1}`)).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
      expect(await lastLoginFailureIp(t)).toBe('192.0.2.10');
    } finally {
      await t.close();
    }
  });

  it('believes the forwarded address from a configured proxy only', async () => {
    const t = await createTestApp({ trustedProxies: ['192.0.2.0/24'] });
    try {
      expect((await signInFrom(t, '203.0.113.7')).statusCode).toBe(401);
      expect(await lastLoginFailureIp(t)).toBe('203.0.113.7');
    } finally {
      await t.close();
    }
  });
});

describe('no account enumeration, no lock-out by a stranger', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrganisation(t.deps.db, 'funder')).id;
  });
  afterAll(() => t.close());

  const attempts = async (email: string, n: number) => {
    const answers: { status: number; body: unknown }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await login(t, email, `wrong-${i}`);
      answers.push({ status: res.status, body: res.body });
    }
    return answers;
  };

  it('answers wrong passwords for an account and for an unknown address alike, lock included', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    const forAccount = await attempts(user.email, 6);
    const forNobody = await attempts('personne@inconnu.test', 6);
    expect(forAccount.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(forNobody).toEqual(forAccount);
  });

  it('delays an account for a minute at the fifth failure, not longer, and the real user gets in after it', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    await attempts(user.email, 5);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(423);
    t.advance(61_000);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers a reset request in the same time and the same way whether the address has an account or not', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        remoteAddress: freshIp(),
        payload: { email },
      });
      return { status: res.statusCode, body: res.body, ms: performance.now() - started };
    };
    const known = await timed(user.email);
    const unknown = await timed('personne@inconnu.test');
    expect({ status: unknown.status, body: unknown.body }).toEqual({
      status: known.status,
      body: known.body,
    });
    // Both wait for the same floor, which the link's writing and mailing stay well under.
    expect(known.ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS);
    expect(unknown.ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS);
  });
});
