import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD, makeOrganisation, makeUser } from '../helpers/factories.ts';
import { freshIp, login, tokenFromOutbox } from '../helpers/auth.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { users } from '../../src/modules/identity/schema.ts';

describe('password reset', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://relais.example.fr' });
    orgId = (await makeOrganisation(t.deps.db, 'funder')).id;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: freshIp() });

  it('mails a one-hour link, sets the new password, ends every session and lifts the lock', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    const before = await login(t, user.email, TEST_PASSWORD);
    await t.deps.db
      .update(users)
      .set({ lockedUntil: new Date(t.deps.clock().getTime() + 600_000) })
      .where(eq(users.id, user.id));

    expect((await post('/api/auth/password-reset/request', { email: user.email })).statusCode).toBe(204);
    const [mail] = await t.deps.db.select().from(outboxEmails).where(eq(outboxEmails.to, user.email));
    expect(mail?.textBody).toContain('https://relais.example.fr/reinitialiser?token=');
    const token = await tokenFromOutbox(t, user.email, '/reinitialiser');

    const short = await post('/api/auth/password-reset/confirm', { token, password: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.password).toBe('Le mot de passe doit contenir au moins 12 caractères.');

    const newPassword = 'Une-phrase-de-passe-neuve';
    expect(
      (await post('/api/auth/password-reset/confirm', { token, password: newPassword })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: before.headers })).statusCode,
    ).toBe(401);
    expect((await login(t, user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(t, user.email, newPassword)).status).toBe(200);

    const reuse = await post('/api/auth/password-reset/confirm', {
      token,
      password: 'Encore-une-autre-phrase',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.fields.token).toMatch(/invalide/);
  });

  it('refuses an expired link', async () => {
    const user = await makeUser(t.deps.db, { organisationId: orgId, roles: ['funder_officer'] });
    await post('/api/auth/password-reset/request', { email: user.email });
    const token = await tokenFromOutbox(t, user.email, '/reinitialiser');
    t.advance(61 * 60_000);
    const res = await post('/api/auth/password-reset/confirm', {
      token,
      password: 'Une-phrase-de-passe-neuve',
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers 204 without an email for an unknown address', async () => {
    const res = await post('/api/auth/password-reset/request', { email: 'personne@inconnu.test' });
    expect(res.statusCode).toBe(204);
    const mails = await t.deps.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, 'personne@inconnu.test'));
    expect(mails).toHaveLength(0);
  });
});
