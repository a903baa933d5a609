import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { readFileSync } from 'node:fs';
import { testDatabaseKind } from '../helpers/database.ts';

const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
  entries: { tag: string }[];
};
const latestMigration = journal.entries.at(-1)?.tag;

describe('system', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health with the database kind and the migration applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: testDatabaseKind,
      migration: latestMigration,
    });
    expect(latestMigration).toBeDefined();
  });

  it('serves the OpenAPI document as JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    expect(res.json().paths['/api/health']).toBeDefined();
  });

  it('refuses an API route without a session and answers unknown API paths with 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps the audit log append-only', async () => {
    const { sql } = await import('drizzle-orm');
    await t.deps.db.execute(sql`insert into audit_log (action, entity_type) values ('test.append', 'test')`);
    await expect(t.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
  });
});
