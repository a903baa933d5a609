import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import { households } from '../src/modules/households/schema.ts';
import { SESSION_COOKIE, createSession } from '../src/modules/identity/sessions.ts';
import { SEARCH_TERMS, generateBenchData } from './generate.ts';
import {
  benchDatabaseUrl,
  currentCommit,
  dropPostgresDatabase,
  envNumber,
  loadAverage,
  log,
  machine,
  recreatePostgresDatabase,
  runChildJob,
  writeResult,
} from './harness.ts';
import { runRawLoad, type CapturedQuery } from './raw-load.ts';
import type { LoadResult } from './stats.ts';

/**
 * `npm run bench`: a département-sized data set in PostgreSQL, then the household search and file
 * read measured over HTTP (autocannon, as a signed-in caseworker), the same SQL replayed raw, and a
 * bare one-row route as the framework ceiling. Writes bench/results/<date>[-<BENCH_LABEL>]-postgresql.json.
 */
const DURATION_SECONDS = envNumber('BENCH_DURATION', 10);
const CONNECTIONS = [10, 50] as const;
/** The production pool size (openDatabase's default), for the app and the raw replay alike. */
const POOL_SIZE = 10;
const SEARCH_SENTINEL = 'zqxzqx';

const benchUrl = benchDatabaseUrl('relais_bench');

const httpLoad = (job: {
  url: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
}) => runChildJob<LoadResult & { autocannon: unknown }>('http-load.ts', job);

async function main() {
  const loadAtStart = loadAverage();
  log(`base ${new URL(benchUrl).pathname.slice(1)} (recréée)`);
  await recreatePostgresDatabase(benchUrl);

  // Migrate and generate through a plain connection.
  const setup = await openDatabase({ kind: 'postgresql', url: benchUrl, max: POOL_SIZE });
  const started = performance.now();
  const data = await generateBenchData(setup);
  const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`données générées en ${generationSeconds} s : ${JSON.stringify(data.counts)}`);
  await setup.close();

  // The app's database handle records the SQL of one request of each kind, to replay it raw.
  let capture: CapturedQuery[] | null = null;
  const appPool = new pg.Pool({ connectionString: benchUrl, max: POOL_SIZE });
  const db = drizzle({
    client: appPool,
    logger: { logQuery: (sqlText, params) => capture?.push({ sql: sqlText, params }) },
  });
  const database: Database = { db, kind: 'postgresql', pool: appPool, close: () => appPool.end() };
  const config: AppConfig = { ...loadConfig({}), databaseUrl: benchUrl, loadDemo: false, smtpUrl: undefined };
  const deps: AppDeps = { config, database, db, clock: () => new Date() };

  const session = await createSession(db, {
    userId: data.caseworker.userId,
    organisationId: data.caseworker.organisationId,
    secondFactorDone: true,
    now: deps.clock(),
    config,
  });
  const headers = { cookie: `${SESSION_COOKIE}=${session.token}` };

  const app = await buildApp(deps, { logger: false });
  // Bench-only route (never in the product): one row by primary key through Drizzle, no session.
  app.get(
    '/bench/bare/:id',
    {
      config: { access: 'public' },
      schema: {
        params: z.object({ id: z.guid() }),
        response: { 200: z.object({ id: z.string(), fileNumber: z.number(), status: z.string() }) },
      },
    },
    async (request) => {
      const [row] = await db
        .select({ id: households.id, fileNumber: households.fileNumber, status: households.status })
        .from(households)
        .where(eq(households.id, request.params.id));
      return row!;
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const ids = data.caseworkerHouseholdIds;
  const terms = SEARCH_TERMS;
  const paths = {
    search: terms.map((t) => `/api/households?q=${encodeURIComponent(t)}&page=1`),
    file: ids.map((id) => `/api/households/${id}`),
    bare: ids.map((id) => `/bench/bare/${id}`),
  };

  // One request of each kind, checked and captured.
  const captureOf = async (path: string) => {
    capture = [];
    const res = await fetch(`${url}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    const captured = capture;
    capture = null;
    return captured;
  };
  const searchSql = await captureOf(`/api/households?q=${SEARCH_SENTINEL}&page=1`);
  const fileSql = await captureOf(`/api/households/${ids[0]}`);
  const searchTotal = (
    (await (await fetch(`${url}${paths.search[0]}`, { headers })).json()) as { total: number }
  ).total;
  log(`${ids.length} ménages visibles par le référent ; « ${terms[0]} » → ${searchTotal} résultats`);

  const withParams = (statements: CapturedQuery[], swap: (p: unknown) => unknown) =>
    statements.map((s) => ({ sql: s.sql, params: s.params.map(swap) }));
  let searchIndex = 0;
  let fileIndex = 0;
  const nextSearch = () => {
    const term = terms[searchIndex++ % terms.length]!;
    return withParams(searchSql, (p) => (typeof p === 'string' ? p.replaceAll(SEARCH_SENTINEL, term) : p));
  };
  const nextFile = () => {
    const id = ids[fileIndex++ % ids.length]!;
    return withParams(fileSql, (p) => (p === ids[0] ? id : p));
  };

  log('échauffement');
  for (const kind of ['search', 'file', 'bare'] as const) {
    await httpLoad({ url, paths: paths[kind], connections: 10, durationSeconds: 3, headers });
  }

  const http: Record<string, Record<number, LoadResult>> = { search: {}, file: {}, bare: {} };
  const raw: Record<string, Record<number, LoadResult>> = { search: {}, file: {} };
  for (const connections of CONNECTIONS) {
    for (const kind of ['search', 'file', 'bare'] as const) {
      http[kind]![connections] = await httpLoad({
        url,
        paths: paths[kind],
        connections,
        durationSeconds: DURATION_SECONDS,
        headers,
      });
      const r = http[kind]![connections]!;
      log(
        `HTTP ${kind} ×${connections} : ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, erreurs ${r.errors}`,
      );
    }
  }
  await app.close();
  await appPool.end();

  const rawPool = new pg.Pool({ connectionString: benchUrl, max: POOL_SIZE });
  for (const connections of CONNECTIONS) {
    for (const [kind, nextRequest] of [
      ['search', nextSearch],
      ['file', nextFile],
    ] as const) {
      raw[kind]![connections] = await runRawLoad({
        pool: rawPool,
        connections,
        durationSeconds: DURATION_SECONDS,
        nextRequest,
      });
      const r = raw[kind]![connections]!;
      log(
        `SQL brut ${kind} ×${connections} : ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms`,
      );
    }
  }
  const { rows } = await rawPool.query<{ server_version: string }>('show server_version');
  await rawPool.end();

  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const comparisons = Object.fromEntries(
    CONNECTIONS.map((c) => [
      c,
      {
        fileVsBareRequestsPerSecond: ratio(
          http.file![c]!.requestsPerSecond,
          http.bare![c]!.requestsPerSecond,
        ),
        searchAppVsRawRequestsPerSecond: ratio(
          http.search![c]!.requestsPerSecond,
          raw.search![c]!.requestsPerSecond,
        ),
        fileAppVsRawRequestsPerSecond: ratio(
          http.file![c]!.requestsPerSecond,
          raw.file![c]!.requestsPerSecond,
        ),
      },
    ]),
  );
  const searchP95At50 = http.search![50]!.latencyMs.p95;
  const fileVsBareAt50 = comparisons[50]!.fileVsBareRequestsPerSecond;
  const date = new Date();
  const result = {
    date: date.toISOString(),
    commit: await currentCommit(),
    machine: {
      ...machine(loadAtStart),
      postgresql: rows[0]!.server_version,
      note: 'Serveur Node, PostgreSQL et générateur de charge sur la même machine.',
    },
    setup: {
      dataset: data.counts,
      generationSeconds,
      caseworkerHouseholds: ids.length,
      searchTerms: terms.length,
      durationSecondsPerRun: DURATION_SECONDS,
      connections: CONNECTIONS,
      poolSize: POOL_SIZE,
      rawReplay:
        'Les requêtes SQL d’une requête HTTP réelle (session, acteur, accès, données, journal d’audit), capturées par le journal de Drizzle et rejouées en séquence sur une connexion node-postgres (BEGIN et COMMIT de la route compris).',
      bareRoute:
        'GET /bench/bare/:id : une ligne households par clé primaire via Drizzle, sans session (route ajoutée par le banc uniquement).',
    },
    capturedSql: { search: searchSql.map((s) => s.sql), file: fileSql.map((s) => s.sql) },
    http,
    raw,
    comparisons,
    targets: {
      searchP95At50ConnectionsMs: { value: searchP95At50, target: 50, met: searchP95At50 <= 50 },
      fileReadVsBareAt50Connections: { value: fileVsBareAt50, target: 0.4, met: fileVsBareAt50 >= 0.4 },
    },
  };
  log(`résultats : ${writeResult('postgresql', date, result)}`);
  log(
    `objectif recherche p95 ≤ 50 ms à 50 connexions : ${searchP95At50} ms → ${result.targets.searchP95At50ConnectionsMs.met ? 'atteint' : 'NON atteint'}`,
  );
  log(
    `objectif lecture de dossier ≥ 40 % de la route nue : ${Math.round(fileVsBareAt50 * 100)} % → ${result.targets.fileReadVsBareAt50Connections.met ? 'atteint' : 'NON atteint'}`,
  );

  if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropPostgresDatabase(benchUrl);
}

await main();
