import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/kernel/db.ts';
import { TEMPLATE_DB, adminUrl, pgliteSnapshotPath, testDatabaseKind } from './helpers/database.ts';

/** Migrate once; every test file then copies the result (see helpers/database.ts). */
export default async function setup(): Promise<void> {
  if (testDatabaseKind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'relais-template-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pgdata'), lock: false });
    const dump = await database.pglite!.dumpDataDir('gzip');
    mkdirSync(dirname(pgliteSnapshotPath), { recursive: true });
    writeFileSync(pgliteSnapshotPath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgresql', url: adminUrl(TEMPLATE_DB), max: 1 });
  await database.close();
}
