import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { AppConfig } from '../config.ts';

/**
 * One type for both drivers: every query function takes this. Queries name their tables
 * (no relational `db.query.*` API), so the kernel needs no module's schema.
 */
export type DB = PgDatabase<PgQueryResultHKT>;
type NoRelations = Record<string, never>;
export type Tx = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>;
/** A query runs either on the pool or inside a caller's transaction. */
export type Queryable = DB | Tx;

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: DB;
  kind: DatabaseKind;
  /** The embedded instance, for pg-boss's adapter and test snapshots. */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The server's address, for pg-boss's own pool. */
  url?: string;
  close(): Promise<void>;
}

/** `migrate: false` opens the database as it is (an app role that may not change the schema). */
export type DatabaseOptions = { migrate?: boolean } & (
  | { kind: 'pglite'; dataDir: string; loadDataDir?: Blob; lock?: boolean }
  | { kind: 'postgresql'; url: string; max?: number }
);

/**
 * PGlite has no cross-process lock and a second process silently loses writes (stack notes G8),
 * so the owning process keeps a lock file holding its pid beside the data folder.
 */
function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  try {
    const fd = openSync(lockPath, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    const pid = Number(readFileSync(lockPath, 'utf8'));
    let alive: boolean;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(
        `Le dossier de données ${dataDir} est déjà utilisé par le processus ${pid}. PGlite n'accepte qu'un processus à la fois.`,
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    mkdirSync(dirname(options.dataDir), { recursive: true });
    const release = options.lock === false ? () => {} : acquirePgliteLock(options.dataDir);
    try {
      const client = await PGlite.create(options.dataDir, {
        extensions: { pg_trgm, btree_gin },
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      });
      const db = drizzlePglite({ client });
      if (options.migrate !== false) await migratePglite(db, { migrationsFolder });
      return {
        db,
        kind: 'pglite',
        pglite: client,
        async close() {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  const pool = new pg.Pool(postgresPoolConfig(options.url, options.max ?? 10));
  // An idle connection dropped by the server (restart, failover, admin termination) must not crash
  // the process: the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.error('PostgreSQL : connexion inactive perdue', error.message));
  const db = drizzlePg({ client: pool });
  if (options.migrate !== false) await migratePg(db, { migrationsFolder });
  return { db, kind: 'postgresql', pool, url: options.url, close: () => pool.end() };
}

/**
 * The app's connections to a PostgreSQL server. JIT compilation is off: the planner turns it on for
 * any query its estimate puts above `jit_above_cost`, and for the short reads of a request (a page
 * of tasks checked against the organisation's parties) compiling took 35 of 44 ms (ADR 0023).
 */
export const postgresPoolConfig = (url: string, max: number): pg.PoolConfig => ({
  connectionString: url,
  max,
  options: '-c jit=off',
});

/** The database the configuration names: PostgreSQL when `DATABASE_URL` is set, else the embedded one. */
export function openConfiguredDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'migrate'>) {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl, migrate: config.migrate })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir, migrate: config.migrate });
}

/** The rows of a raw SQL query: both drivers answer `{ rows }`, which Drizzle's shared type hides. */
/**
 * A statement prepared once per database handle (a pool, PGlite or a transaction) and reused on the
 * hot paths: built and parsed once instead of on every request.
 */
export function preparedPerHandle<S>(prepare: (q: Queryable) => S): (q: Queryable) => S {
  const statements = new WeakMap<Queryable, S>();
  return (q) => {
    let statement = statements.get(q);
    if (!statement) statements.set(q, (statement = prepare(q)));
    return statement;
  };
}

export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The latest migration applied, for /api/health. */
export async function migrationVersion(q: Queryable): Promise<string> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  // drizzle's migrator keeps one row per applied migration
  const [result] = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const applied = Number(result?.n ?? 0);
  return journal.entries[applied - 1]?.tag ?? 'none';
}

/**
 * How many statements one request may run side by side on `q`: two on a PostgreSQL pool (a long read
 * split over two connections, so two of the server's CPUs, without taking the pool from the other
 * requests); one in a transaction or on PGlite, where there is one connection.
 */
export function sideBySide(q: Queryable): number {
  return !(q instanceof PgTransaction) && (q as { $client?: unknown }).$client instanceof pg.Pool ? 2 : 1;
}
