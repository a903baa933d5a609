import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseKind } from '../src/kernel/db.ts';

/** What every bench shares: its log, the machine and commit it ran on, its databases and results. */
export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoDir = dirname(benchDir);

export const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** A positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} doit être un nombre positif : ${raw}`);
  return value;
}

/** BENCH_DATABASE: the local PostgreSQL server (default) or the embedded PGlite. */
export function benchDatabaseKind(): DatabaseKind {
  const kind = process.env.BENCH_DATABASE ?? 'postgresql';
  if (kind !== 'postgresql' && kind !== 'pglite') {
    throw new Error(`BENCH_DATABASE vaut postgresql ou pglite, pas ${kind}`);
  }
  return kind;
}

/**
 * The PostgreSQL database a bench recreates: BENCH_DATABASE_URL, or a database of its own on the
 * local server (each bench its own name, so that two of them never drop each other's).
 */
export function benchDatabaseUrl(defaultName: string): string {
  const url = process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${defaultName}`;
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Nom de base invalide : ${name}`);
  return url;
}

async function onMaintenanceDatabase(url: string, statement: string) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

export async function recreatePostgresDatabase(url: string): Promise<void> {
  await dropPostgresDatabase(url);
  await onMaintenanceDatabase(url, `create database ${databaseName(url)}`);
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, `drop database if exists ${databaseName(url)} with (force)`);
}

/** A fresh PGlite data folder, removed by the returned function. */
export function temporaryDataDir(): { dataDir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  return { dataDir: join(dir, 'pgdata'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh, migrated, empty bench database: a recreated PostgreSQL database (dropped on disposal
 * unless BENCH_KEEP_DATABASE=true) or PGlite in a temporary folder.
 */
export async function openFreshDatabase(
  kind: DatabaseKind,
  postgresName: string,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const folder = temporaryDataDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: folder.dataDir });
    return {
      database,
      dispose: async () => {
        await database.close();
        folder.remove();
      },
    };
  }
  const url = benchDatabaseUrl(postgresName);
  await recreatePostgresDatabase(url);
  const database = await openDatabase({ kind: 'postgresql', url });
  return {
    database,
    dispose: async () => {
      await database.close();
      if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropPostgresDatabase(url);
    },
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The machine a result was measured on (load averages tell how busy it was meanwhile). */
export function machine(loadAverageAtStart: number[]) {
  return {
    cpuModel: cpus()[0]?.model ?? 'inconnu',
    cpuCount: cpus().length,
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
  };
}

export const loadAverage = () => loadavg().map(round2);

/** "PostgreSQL 15.20 …" or "PGlite (PostgreSQL 17.5)": the engine a result was measured on. */
export async function databaseVersion(database: Database): Promise<string> {
  const result = await database.db.execute(sql`show server_version`);
  const version = (result as unknown as { rows: { server_version: string }[] }).rows[0]!.server_version;
  return database.kind === 'pglite' ? `PGlite (PostgreSQL ${version})` : `PostgreSQL ${version}`;
}

export async function currentCommit(): Promise<string> {
  const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir });
  return stdout.trim();
}

/**
 * Writes results/<date>[-<BENCH_LABEL>]-<name>.json and returns its path. BENCH_LABEL names a run
 * among several of the same day (before and after a change).
 */
export function writeResult(name: string, date: Date, result: object): string {
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const label = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';
  const file = join(benchDir, 'results', `${date.toISOString().slice(0, 10)}${label}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * Runs a bench script in a child process, so that the load it generates does not share the
 * server's event loop. The job goes through a file (thousands of paths exceed the argument size
 * limit); the script prints its result as JSON on stdout.
 */
export async function runChildJob<T>(script: string, job: object): Promise<T> {
  const jobFile = join(tmpdir(), `relais-bench-job-${process.pid}-${Date.now()}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(benchDir, script), jobFile],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as T;
  } finally {
    rmSync(jobFile, { force: true });
  }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * A pure computation's throughput over `count` items: one warm-up run, then `rounds` timed runs;
 * `run` computes every item once and returns how many it refused (out of scope, inconsistent…).
 */
export function pureThroughput(count: number, run: () => number, rounds = 5) {
  run();
  const perSecond: number[] = [];
  let refused = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    refused += run();
    perSecond.push(count / ((performance.now() - start) / 1000));
  }
  return {
    items: count,
    rounds,
    medianPerSecond: Math.round(median(perSecond)),
    bestPerSecond: Math.round(Math.max(...perSecond)),
    refusedShare: Math.round((refused / (count * rounds)) * 1000) / 1000,
  };
}

/**
 * A public batch route's throughput through the real app (built in-process on a temporary PGlite,
 * requests through app.inject, the JSON body built once): a warm-up batch, then `rounds` timed ones
 * (7 in all, under the public calculators' 30 batches a minute per address).
 */
export async function batchRouteThroughput(url: string, items: unknown[], batch = 10_000, rounds = 5) {
  // Loaded here only: the load-generating child processes import this file too, without the app.
  const { loadConfig } = await import('../src/config.ts');
  const { buildApp } = await import('../src/app.ts');
  const folder = temporaryDataDir();
  const database = await openDatabase({ kind: 'pglite', dataDir: folder.dataDir });
  const config = { ...loadConfig({}), loadDemo: false, smtpUrl: undefined, databaseUrl: undefined };
  const app = await buildApp({ config, database, db: database.db, clock: () => new Date() });
  await app.ready();
  try {
    const payload = JSON.stringify(items.slice(0, batch));
    const post = async () => {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      if (res.statusCode !== 200)
        throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return res;
    };
    const warm = await post();
    const timings: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      await post();
      timings.push(performance.now() - start);
    }
    return {
      transport: 'app.inject (no socket), PGlite, JSON body built once',
      batchSize: batch,
      requestBytes: Buffer.byteLength(payload),
      responseBytes: Buffer.byteLength(warm.body),
      batches: timings.length,
      medianBatchMs: Math.round(median(timings)),
      medianItemsPerSecond: Math.round(batch / (median(timings) / 1000)),
    };
  } finally {
    await app.close();
    await database.close();
    folder.remove();
  }
}
