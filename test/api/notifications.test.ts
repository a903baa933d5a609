import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, makeUser } from '../helpers/factories.ts';
import { freshIp } from '../helpers/auth.ts';
import { notifyOrganisation } from '../../src/modules/notifications/notify-organisation.ts';
import {
  MAX_DELIVERY_ATTEMPTS,
  deliverPendingEmails,
  sendEmail,
  type MailTransport,
} from '../../src/modules/mail/outbox.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { users } from '../../src/modules/identity/schema.ts';

describe('notifications', () => {
  let t: TestApp;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://relais.example.fr' });
    association = await makeOrgWithUsers(t.deps, 'association', ['admin', 'caseworker', 'team_manager']);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers });

  it('notifies the active members holding the roles, in the app and by email', async () => {
    const gone = await makeUser(t.deps.db, { organisationId: association.org.id, roles: ['caseworker'] });
    await t.deps.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    const notified = await t.deps.db.transaction((tx) =>
      notifyOrganisation(tx, {
        organisationId: association.org.id,
        roles: ['caseworker', 'team_manager'],
        kind: 'referral.received',
        title: 'Nouvelle orientation',
        body: 'Une orientation vous a été adressée.',
        link: '/orientations/abc',
      }),
    );
    expect(notified.sort()).toEqual(
      [association.members.caseworker!.user.id, association.members.team_manager!.user.id].sort(),
    );
    const [mail] = await t.deps.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, association.members.caseworker!.user.email));
    expect(mail).toMatchObject({ subject: '[Relais] Nouvelle orientation', status: 'pending' });

    const caseworker = association.members.caseworker!.session.headers;
    const list = await get('/api/notifications', caseworker);
    expect(list.json()).toMatchObject({
      total: 1,
      unreadCount: 1,
      items: [{ title: 'Nouvelle orientation', link: '/orientations/abc', readAt: null }],
    });
    expect((await get('/api/notifications', association.members.admin!.session.headers)).json().total).toBe(
      0,
    );

    const id = list.json().items[0].id;
    expect(
      (await post(`/api/notifications/${id}/read`, association.members.team_manager!.session.headers))
        .statusCode,
    ).toBe(404);
    expect((await post(`/api/notifications/${id}/read`, caseworker)).statusCode).toBe(204);
    expect((await get('/api/notifications', caseworker)).json().unreadCount).toBe(0);
  });

  it('marks all as read and lists newest first', async () => {
    for (const title of ['Premier', 'Second']) {
      await notifyOrganisation(t.deps.db, {
        organisationId: association.org.id,
        roles: ['admin'],
        kind: 'test',
        title,
        body: '…',
        link: '/',
      });
    }
    const admin = association.members.admin!.session.headers;
    const list = await get('/api/notifications?unreadOnly=true', admin);
    expect(list.json().items.map((n: { title: string }) => n.title)).toEqual(['Second', 'Premier']);
    expect((await post('/api/notifications/read-all', admin)).statusCode).toBe(204);
    expect((await get('/api/notifications', admin)).json()).toMatchObject({ unreadCount: 0, total: 2 });
  });

  it('shows administrators the emails of their members and invitees only, with absolute links', async () => {
    const other = await makeOrgWithUsers(t.deps, 'association', ['admin']);
    await sendEmail(t.deps.db, { to: other.members.admin!.user.email, subject: 'Ailleurs', text: 'x' });
    const admin = association.members.admin!.session.headers;
    const outbox = await get('/api/admin/outbox?pageSize=100', admin);
    expect(outbox.statusCode).toBe(200);
    const subjects = outbox.json().items.map((e: { subject: string }) => e.subject);
    expect(subjects).toContain('[Relais] Nouvelle orientation');
    expect(subjects).not.toContain('Ailleurs');
    const orientation = outbox
      .json()
      .items.find((e: { subject: string }) => e.subject.includes('orientation'));
    expect(orientation.textBody).toContain('https://relais.example.fr/orientations/abc');
    expect((await get('/api/admin/outbox', association.members.caseworker!.session.headers)).statusCode).toBe(
      403,
    );
  });

  it('masks personal links (password reset, invitation) from administrators', async () => {
    const caseworker = association.members.caseworker!.user;
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      remoteAddress: freshIp(),
      payload: { email: caseworker.email },
    });
    expect(reset.statusCode).toBe(204);
    const isReset = (e: { subject: string }) => e.subject.includes('réinitialisation');
    const stored = (
      await t.deps.db.select().from(outboxEmails).where(eq(outboxEmails.to, caseworker.email.toLowerCase()))
    ).find(isReset);
    const token = /[?&]token=([\w-]+)/.exec(stored!.textBody)![1]!;
    const outbox = await get('/api/admin/outbox?pageSize=100', association.members.admin!.session.headers);
    const shown = outbox.json().items.find(isReset);
    expect(shown.textBody).toContain('lien personnel masqué');
    expect(outbox.body).not.toContain(token);
  });

  it('delivers pending emails, retries failures, and keeps them when there is no SMTP', async () => {
    await t.deps.db.update(outboxEmails).set({ status: 'kept' });
    await sendEmail(t.deps.db, { to: 'ok@test.fr', subject: 'OK', text: 'Bonjour', linkPath: '/x' });
    await sendEmail(t.deps.db, { to: 'ko@test.fr', subject: 'KO', text: 'Bonjour' });
    const sent: { to: string; text: string; from: string }[] = [];
    const transport: MailTransport = {
      sendMail: async (m) => {
        if (m.to === 'ko@test.fr') throw new Error('550 boîte inconnue');
        sent.push(m);
      },
    };
    const deps = { ...t.deps, config: { ...t.deps.config, smtpUrl: 'smtp://localhost:2525' } };
    expect(await deliverPendingEmails(deps, transport)).toBe(2);
    expect(sent).toEqual([
      {
        from: t.deps.config.mailFrom,
        to: 'ok@test.fr',
        subject: 'OK',
        text: 'Bonjour\n\nhttps://relais.example.fr/x',
      },
    ]);
    const byTo = async (to: string) =>
      (await t.deps.db.select().from(outboxEmails).where(eq(outboxEmails.to, to)))[0]!;
    expect(await byTo('ok@test.fr')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await byTo('ko@test.fr')).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: '550 boîte inconnue',
    });
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) await deliverPendingEmails(deps, transport);
    expect(await byTo('ko@test.fr')).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });

    await sendEmail(t.deps.db, { to: 'dev@test.fr', subject: 'Démo', text: '…' });
    expect(await deliverPendingEmails(t.deps)).toBe(1);
    expect(await byTo('dev@test.fr')).toMatchObject({ status: 'kept', attempts: 0 });
  });
});
