import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase, postgresPoolConfig, type Database } from '../src/kernel/db.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import { households } from '../src/modules/households/schema.ts';
import { SESSION_COOKIE, createSession } from '../src/modules/identity/sessions.ts';
import { runAlerts, sendDailyDigests } from '../src/modules/alerts/index.ts';
import { BENCH_SIZE, SEARCH_TERMS, generateBenchData, type BenchSignIn } from './generate.ts';
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
import { explainReads } from './explain.ts';
import type { LoadResult } from './stats.ts';

/**
 * `npm run bench`: a département-sized data set in PostgreSQL, then the household search and file
 * read measured over HTTP (autocannon, as a signed-in caseworker), the same SQL replayed raw, and a
 * bare one-row route as the framework ceiling; likewise the measures' reads: the funder's home, the
 * caseloads and a committee meeting with its agenda suggestions, each as the role that reads it;
 * likewise the journal's: a household timeline, the caseworker's home (tasks with the alerts, the
 * week); and the daily alert run, timed twice (the second finds nothing to do). Writes bench/results/<date>[-<BENCH_LABEL>]-postgresql.json.
 */
const DURATION_SECONDS = envNumber('BENCH_DURATION', 10);
const SIZE = {
  ...BENCH_SIZE,
  measures: envNumber('BENCH_MEASURES', BENCH_SIZE.measures),
  journal: envNumber('BENCH_JOURNAL', BENCH_SIZE.journal),
};
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
  const data = await generateBenchData(setup, SIZE);
  const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`données générées en ${generationSeconds} s : ${JSON.stringify(data.counts)}`);
  log(`journal : ${data.counts.journal_entries} activités générées en ${data.journal.seconds} s`);
  await setup.close();

  // The app's database handle records the SQL of one request of each kind, to replay it raw.
  let capture: CapturedQuery[] | null = null;
  const appPool = new pg.Pool(postgresPoolConfig(benchUrl, POOL_SIZE));
  const db = drizzle({
    client: appPool,
    logger: { logQuery: (sqlText, params) => capture?.push({ sql: sqlText, params }) },
  });
  const database: Database = { db, kind: 'postgresql', pool: appPool, close: () => appPool.end() };
  const config: AppConfig = { ...loadConfig({}), databaseUrl: benchUrl, loadDemo: false, smtpUrl: undefined };
  const deps: AppDeps = { config, database, db, clock: () => new Date() };

  const signedIn = async (who: BenchSignIn) => {
    const session = await createSession(db, { ...who, secondFactorDone: true, now: deps.clock(), config });
    return { cookie: `${SESSION_COOKIE}=${session.token}` };
  };
  const headers = await signedIn(data.caseworker);

  // The daily alert run over the whole data set, as the job runs it, then again at once: the
  // second finds every task in place (its cost is that of the check alone).
  const [{ active }] = (
    await appPool.query<{ active: number }>(
      `select count(*)::int as active from measures where status = 'active'`,
    )
  ).rows as [{ active: number }];
  const alertRun = async () => {
    capture = [];
    const startedRun = performance.now();
    const totals = await runAlerts(deps);
    const seconds = Math.round(performance.now() - startedRun) / 1000;
    const runStatements = capture.length;
    // Then the job's daily emails (queued in the outbox; the second run finds them sent).
    const startedDigests = performance.now();
    const digestsQueued = await sendDailyDigests(deps);
    const digestSeconds = Math.round(performance.now() - startedDigests) / 1000;
    const statements = capture;
    capture = null;
    const firstBatch = statements.findIndex((st) => /^begin\b/i.test(st.sql));
    return {
      figures: {
        ...totals,
        seconds,
        secondsPer10000ActiveMeasures: Math.round((seconds / active) * 10_000 * 1000) / 1000,
        digestsQueued,
        digestSeconds,
        statements: statements.length,
      },
      // The snapshot's reads, before the first batch's transaction.
      snapshot: statements.slice(0, firstBatch < 0 ? runStatements : firstBatch),
    };
  };
  const first = await alertRun();
  const alertSnapshot = first.snapshot;
  const [firstRun, secondRun] = [first.figures, (await alertRun()).figures];
  const alerts = { activeMeasures: active, first: firstRun, second: secondRun };
  for (const [name, run] of [
    ['première', firstRun],
    ['seconde', secondRun],
  ] as const) {
    log(
      `alertes, ${name} passe : ${run.seconds} s (${run.secondsPer10000ActiveMeasures} s pour 10 000 mesures actives, ${active} actives), ${run.households} ménages, ${run.opened} tâches ouvertes, ${run.closed} fermées ; courriels du jour : ${run.digestsQueued} en ${run.digestSeconds} s ; ${run.statements} requêtes SQL`,
    );
  }

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
    funderHome: ['/api/funder/home'],
    caseloads: ['/api/caseloads'],
    meeting: [`/api/meetings/${data.coordinator.meetingId}`],
    timeline: [`/api/households/${data.journal.timelineHouseholdId ?? ids[0]}/timeline?page=1`],
    myTasks: ['/api/tasks/mine'],
    myWeek: ['/api/agenda/week'],
    // The caseworker's home page, its calls in turn: tasks, referrals to answer, households, and the week.
    home: [
      '/api/tasks/mine',
      '/api/referrals/inbox?status=sent',
      '/api/households?pageSize=10',
      '/api/agenda/week',
    ],
  };

  // One request of each kind, checked and captured.
  const captureOf = async <T>(path: string, as: Record<string, string> = headers) => {
    capture = [];
    const res = await fetch(`${url}${path}`, { headers: as });
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    const body = (await res.json()) as T;
    const statements = capture;
    capture = null;
    return { statements, body };
  };
  const searchSql = (await captureOf(`/api/households?q=${SEARCH_SENTINEL}&page=1`)).statements;
  const fileSql = (await captureOf(`/api/households/${ids[0]}`)).statements;
  const searchTotal = (await captureOf<{ total: number }>(paths.search[0]!)).body.total;
  log(`${ids.length} ménages visibles par le référent ; « ${terms[0]} » → ${searchTotal} résultats`);

  // The measures' reads, each as the role that reads it.
  const funderHeaders = await signedIn(data.funderOfficer);
  const managerHeaders = await signedIn(data.teamManager);
  const coordinatorHeaders = await signedIn(data.coordinator);
  const funderHome = await captureOf<{
    pending: { total: number };
    funded: unknown[];
    programmes: unknown[];
  }>(paths.funderHome[0]!, funderHeaders);
  const caseloads = await captureOf<{ items: unknown[] }>(paths.caseloads[0]!, managerHeaders);
  const meeting = await captureOf<{ items: { decision: unknown }[]; suggestions: unknown[] }>(
    paths.meeting[0]!,
    coordinatorHeaders,
  );
  const measureReads = {
    funderHome: `GET /api/funder/home, chargé de mission du financeur des dispositifs départementaux : ${funderHome.body.pending.total} mesures à valider (une page de 25), ${funderHome.body.funded.length} lignes dispositif × opérateur, ${funderHome.body.programmes.length} programmes`,
    caseloads: `GET /api/caseloads, responsable d’équipe de l’association du banc : ${caseloads.body.items.length} travailleurs sociaux`,
    meeting: `GET /api/meetings/:id, coordinateur du bailleur qui réunit le comité : ${meeting.body.items.length} points dont ${meeting.body.items.filter((i) => i.decision).length} décidés, ${meeting.body.suggestions.length} suggestions`,
  };
  Object.values(measureReads).forEach(log);

  // The journal's reads, as the caseworker.
  const timeline = await captureOf<{ total: number; items: unknown[] }>(paths.timeline[0]!);
  const myTasks = await captureOf<{ total: number; items: { source: string }[] }>(paths.myTasks[0]!);
  const myWeek = await captureOf<{ appointments: unknown[]; meetings: unknown[] }>(paths.myWeek[0]!);
  const homeCalls: CapturedQuery[][] = [];
  for (const path of paths.home) homeCalls.push((await captureOf(path)).statements);
  const journalReads = {
    timeline: `GET /api/households/:id/timeline?page=1, le ménage du référent qui a le plus d’activités : ${data.journal.timelineEntries} activités au journal, ${timeline.body.total} éléments dans sa chronologie (une page de ${timeline.body.items.length})`,
    myTasks: `GET /api/tasks/mine : ${myTasks.body.total} tâches ouvertes (une page de ${myTasks.body.items.length}, dont ${myTasks.body.items.filter((t) => t.source === 'alert').length} alertes)`,
    myWeek: `GET /api/agenda/week : ${myWeek.body.appointments.length} rendez-vous et ${myWeek.body.meetings.length} réunions de comité dans la semaine`,
    home: `l’accueil du travailleur social : ${paths.home.join(', ')}, à tour de rôle`,
  };
  Object.values(journalReads).forEach(log);

  const withParams = (statements: CapturedQuery[], swap: (p: unknown) => unknown) =>
    statements.map((s) => ({ sql: s.sql, params: s.params.map(swap) }));
  let searchIndex = 0;
  let fileIndex = 0;
  let homeIndex = 0;
  const nextSearch = () => {
    const term = terms[searchIndex++ % terms.length]!;
    return withParams(searchSql, (p) => (typeof p === 'string' ? p.replaceAll(SEARCH_SENTINEL, term) : p));
  };
  const nextFile = () => {
    const id = ids[fileIndex++ % ids.length]!;
    return withParams(fileSql, (p) => (p === ids[0] ? id : p));
  };

  /** Each measured kind: its session and, but for the bare route, the request its SQL replay repeats. */
  const kinds: Record<
    keyof typeof paths,
    { headers: Record<string, string>; replay?: () => CapturedQuery[] }
  > = {
    search: { headers, replay: nextSearch },
    file: { headers, replay: nextFile },
    bare: { headers },
    // One funder, one organisation, one meeting: the same statements every time.
    funderHome: { headers: funderHeaders, replay: () => funderHome.statements },
    caseloads: { headers: managerHeaders, replay: () => caseloads.statements },
    meeting: { headers: coordinatorHeaders, replay: () => meeting.statements },
    // One household, one caseworker, one week: the same statements every time; the home's in turn.
    timeline: { headers, replay: () => timeline.statements },
    myTasks: { headers, replay: () => myTasks.statements },
    myWeek: { headers, replay: () => myWeek.statements },
    home: { headers, replay: () => homeCalls[homeIndex++ % homeCalls.length]! },
  };
  const kindNames = Object.keys(kinds) as (keyof typeof paths)[];
  const figures = (r: LoadResult) =>
    `${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, erreurs ${r.errors}`;

  log('échauffement');
  for (const kind of kindNames) {
    await httpLoad({
      url,
      paths: paths[kind],
      connections: 10,
      durationSeconds: 3,
      headers: kinds[kind].headers,
    });
  }

  const http: Record<string, Record<number, LoadResult>> = {};
  const raw: Record<string, Record<number, LoadResult>> = {};
  for (const connections of CONNECTIONS) {
    for (const kind of kindNames) {
      const r = await httpLoad({
        url,
        paths: paths[kind],
        connections,
        durationSeconds: DURATION_SECONDS,
        headers: kinds[kind].headers,
      });
      (http[kind] ??= {})[connections] = r;
      log(`HTTP ${kind} ×${connections} : ${figures(r)}`);
    }
  }
  await app.close();
  await appPool.end();

  const rawPool = new pg.Pool(postgresPoolConfig(benchUrl, POOL_SIZE));
  for (const connections of CONNECTIONS) {
    for (const kind of kindNames) {
      const nextRequest = kinds[kind].replay;
      if (!nextRequest) continue;
      const r = await runRawLoad({
        pool: rawPool,
        connections,
        durationSeconds: DURATION_SECONDS,
        nextRequest,
      });
      (raw[kind] ??= {})[connections] = r;
      log(`SQL brut ${kind} ×${connections} : ${figures(r)}`);
    }
  }
  const { rows } = await rawPool.query<{ server_version: string }>('show server_version');
  // Where the journal's reads and the alert run's snapshot spend their time in the database.
  const explain = {
    timeline: await explainReads(rawPool, timeline.statements),
    myTasks: await explainReads(rawPool, myTasks.statements),
    myWeek: await explainReads(rawPool, myWeek.statements),
    alertSnapshot: await explainReads(rawPool, alertSnapshot),
  };
  for (const [kind, plans] of Object.entries(explain)) {
    const slowest = plans[0];
    if (slowest)
      log(`EXPLAIN ${kind} : la plus lente ${slowest.executionMs} ms — ${slowest.sql.slice(0, 100)}…`);
  }
  await rawPool.end();

  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const replayed = Object.keys(raw);
  const comparisons: Record<number, Record<string, number>> = Object.fromEntries(
    CONNECTIONS.map((c) => [
      c,
      {
        fileVsBareRequestsPerSecond: ratio(
          http.file![c]!.requestsPerSecond,
          http.bare![c]!.requestsPerSecond,
        ),
        ...Object.fromEntries(
          replayed.flatMap((kind) => {
            const [app, sql] = [http[kind]![c]!, raw[kind]![c]!];
            return [
              [`${kind}AppVsRawRequestsPerSecond`, ratio(app.requestsPerSecond, sql.requestsPerSecond)],
              [`${kind}AppVsRawP95`, ratio(app.latencyMs.p95, sql.latencyMs.p95)],
            ];
          }),
        ),
      },
    ]),
  );
  const searchP95At50 = http.search![50]!.latencyMs.p95;
  const fileVsBareAt50 = comparisons[50]!.fileVsBareRequestsPerSecond!;
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
      measureReads,
      journal: {
        entries: data.counts.journal_entries,
        generationSeconds: data.journal.seconds,
        timelineHouseholdEntries: data.journal.timelineEntries,
      },
      journalReads,
    },
    capturedSql: Object.fromEntries(
      Object.entries({
        search: searchSql,
        file: fileSql,
        funderHome: funderHome.statements,
        caseloads: caseloads.statements,
        meeting: meeting.statements,
        timeline: timeline.statements,
        myTasks: myTasks.statements,
        myWeek: myWeek.statements,
        alertSnapshot,
      }).map(([kind, statements]) => [kind, statements.map((s) => s.sql)]),
    ),
    alerts,
    explain,
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

  for (const kind of [
    'funderHome',
    'caseloads',
    'meeting',
    'timeline',
    'myTasks',
    'myWeek',
    'home',
  ] as const) {
    log(
      `${kind} à 50 connexions : p95 ${http[kind]![50]!.latencyMs.p95} ms, ${comparisons[50]![`${kind}AppVsRawRequestsPerSecond`]} des req/s du SQL brut (p95 × ${comparisons[50]![`${kind}AppVsRawP95`]})`,
    );
  }

  if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropPostgresDatabase(benchUrl);
}

await main();
