import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD, makeOrgWithUsers } from '../helpers/factories.ts';
import { login } from '../helpers/auth.ts';
import { sql } from 'drizzle-orm';
import { auditMany } from '../../src/kernel/audit.ts';
import { queryRows } from '../../src/kernel/db.ts';

describe('audit log consultation', () => {
  let t: TestApp;
  let mine: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  let theirs: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date('2026-03-02T10:00:00Z'));
    mine = await makeOrgWithUsers(t.deps, 'funder', ['admin', 'auditor', 'funder_officer']);
    theirs = await makeOrgWithUsers(t.deps, 'funder', ['admin', 'funder_officer']);
    await login(t, mine.members.funder_officer!.user.email, TEST_PASSWORD);
    await login(t, mine.members.funder_officer!.user.email, 'mauvais-mot-de-passe');
    await login(t, theirs.members.funder_officer!.user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  it('shows the organisation’s entries to its administrators and auditors, newest first, with names', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const res = await get('/api/admin/audit-log', mine.members[role]!.session.headers);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { actionLabel: string; actorName: string; subject: string }[];
      expect(items.map((i) => i.actionLabel)).toEqual(['Échec de connexion', 'Connexion']);
      expect(items[0]!.actorName).toBe(mine.members.funder_officer!.user.fullName);
      expect(items[0]!.subject).toBe(`Utilisateur : ${mine.members.funder_officer!.user.fullName}`);
      expect(items.every((i) => i.actorName !== theirs.members.funder_officer!.user.fullName)).toBe(true);
      // In words only: no code, no identifier.
      expect(res.body).not.toMatch(/auth\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    expect((await get('/api/admin/audit-log', mine.members.funder_officer!.session.headers)).statusCode).toBe(
      403,
    );
  });

  it('filters by action family, user and Paris calendar day', async () => {
    const headers = mine.members.admin!.session.headers;
    const failed = await get('/api/admin/audit-log?action=auth.login_failed', headers);
    expect(failed.json().total).toBe(1);
    expect((await get('/api/admin/audit-log?action=auth', headers)).json().total).toBe(2);
    const byUser = await get(`/api/admin/audit-log?userId=${mine.members.admin!.user.id}`, headers);
    expect(byUser.json().total).toBe(0);
    // The audit rows are stamped by the database clock (today), not the test clock.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    expect((await get(`/api/admin/audit-log?from=${today}&to=${today}`, headers)).json().total).toBe(2);
    expect((await get('/api/admin/audit-log?to=2020-01-01', headers)).json().total).toBe(0);
    const bad = await get('/api/admin/audit-log?from=02/03/2026', headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from).toBeDefined();
  });

  it('pages', async () => {
    const res = await get('/api/admin/audit-log?pageSize=1&page=2', mine.members.admin!.session.headers);
    expect(res.json()).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      items: [{ actionLabel: 'Connexion' }],
    });
  });
});

describe('audit of the household list and search', () => {
  let t: TestApp;
  let association: Awaited<ReturnType<typeof makeOrgWithUsers>>;
  beforeAll(async () => {
    t = await createTestApp();
    association = await makeOrgWithUsers(t.deps, 'association', ['admin', 'caseworker']);
  });
  afterAll(() => t.close());

  it('writes one entry per list or search, with the search in words for the administrator', async () => {
    const caseworker = association.members.caseworker!.session.headers;
    for (const url of ['/api/households', '/api/households?q=Dupr%C3%A9&page=1']) {
      expect((await t.app.inject({ method: 'GET', url, headers: caseworker })).statusCode).toBe(200);
    }
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit-log?action=household',
      headers: association.members.admin!.session.headers,
    });
    const items = log.json().items as {
      actionLabel: string;
      description: string | null;
      actorName: string;
    }[];
    expect(items.map((i) => [i.actionLabel, i.description])).toEqual([
      ['Recherche dans les dossiers ménages', '« Dupré »'],
      ['Recherche dans les dossiers ménages', 'liste sans recherche'],
    ]);
    expect(items[0]!.actorName).toBe(association.members.caseworker!.user.fullName);
  });

  it('writes every entry of a list however long, past what one statement can carry', async () => {
    // 8 000 entries of nine values each: 72 000 parameters, more than a statement takes.
    const entries = Array.from({ length: 8_000 }, (_, i) => ({
      action: 'test.long_list',
      entityType: 'test',
      entityId: String(i),
    }));
    await auditMany(t.deps.db, null, entries);
    const [row] = await queryRows<{ n: number; distinct: number }>(
      t.deps.db,
      sql`select count(*)::int as n, count(distinct entity_id)::int as distinct from audit_log where action = 'test.long_list'`,
    );
    expect(row).toEqual({ n: 8_000, distinct: 8_000 });
  });
});
