import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { postgresPoolConfig, queryRows, sideBySide } from '../../src/kernel/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDatabaseKind } from '../helpers/database.ts';

/** ADR 0023: the app's PostgreSQL sessions never compile a request's query (JIT off). */
describe('the app’s database sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('asks the server for sessions without JIT compilation', () => {
    expect(postgresPoolConfig('postgres://db.example/relais', 7)).toEqual({
      connectionString: 'postgres://db.example/relais',
      max: 7,
      options: '-c jit=off',
    });
  });

  // PGlite has no JIT: the setting only means something on a PostgreSQL server.
  it.runIf(testDatabaseKind === 'postgresql')(
    'runs the app’s queries with JIT off on PostgreSQL',
    async () => {
      const rows = await queryRows<{ jit: string }>(t.deps.db, sql`show jit`);
      expect(rows).toEqual([{ jit: 'off' }]);
    },
  );

  it('lets a request run two statements side by side on a PostgreSQL pool, one elsewhere', async () => {
    expect(sideBySide(t.deps.db)).toBe(testDatabaseKind === 'postgresql' ? 2 : 1);
    expect(await t.deps.db.transaction(async (tx) => sideBySide(tx))).toBe(1);
  });
});
