import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/kernel/db.ts';

/** Tests run on PGlite unless DATABASE_URL names a PostgreSQL server (CI runs both). */
export const testDatabaseKind = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
// A name of its own lets two checkouts run their PostgreSQL suites side by side.
export const TEMPLATE_DB = process.env.RELAIS_TEST_TEMPLATE_DB ?? 'relais_test_template';
export const pgliteSnapshotPath = join(process.cwd(), '.tmp', 'pglite-template.tar.gz');

export function adminUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, migrated, empty database for one test file: a copy of the template made once by
 * test/global-setup.ts (a PGlite data-dir snapshot, or a PostgreSQL template database).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'relais-test-'));
    const blob = new Blob([readFileSync(pgliteSnapshotPath)]);
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: join(dir, 'pgdata'),
      loadDataDir: blob,
      lock: false,
    });
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgresql', url: adminUrl(name), max: 5 });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
