import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import { FUZZ_EXCLUSIONS, buildFuzzWorld, fuzzedOperations } from '../test/helpers/fuzz-world.ts';
import {
  runFuzz,
  writeOperations,
  type HttpResponse,
  type OpenApiDocument,
  type Transport,
} from '../test/helpers/openapi-fuzz.ts';
import {
  benchDatabaseKind,
  currentCommit,
  envNumber,
  loadAverage,
  log,
  machine,
  openFreshDatabase,
  writeResult,
} from './harness.ts';

/**
 * `npm run bench:fuzz`: the fuzz of test/api/fuzz.test.ts at scale, over HTTP against the app
 * listening on a fresh database (BENCH_DATABASE=postgresql|pglite): BENCH_FUZZ_RUNS requests per
 * write operation of the OpenAPI document, seeded by BENCH_FUZZ_SEED. Writes
 * bench/results/<date>-fuzz-<database>.json; exits non-zero when any answer is ≥ 500 (or none came).
 */
const RUNS_PER_OPERATION = envNumber('BENCH_FUZZ_RUNS', 50);
const SEED = envNumber('BENCH_FUZZ_SEED', 20_261_206);

async function main() {
  const loadAtStart = loadAverage();
  const kind = benchDatabaseKind();
  const { database, dispose } = await openFreshDatabase(kind, 'relais_bench_fuzz');
  // The fuzz comes from one address; each request names another through the trusted local proxy,
  // so that the per-address limits of the sign-in routes do not answer 429 in place of the route.
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: undefined,
    loadDemo: false,
    smtpUrl: undefined,
    trustedProxies: ['127.0.0.1'],
  };
  const deps: AppDeps = { config, database, db: database.db, clock: () => new Date() };
  const app = await buildApp(deps, { logger: false });
  // The stack of each request's failure, for the report (the answer itself says only "internal error").
  const stacks = new Map<string, string>();
  app.addHook('onError', async (request, _reply, error) => {
    const id = request.headers['x-fuzz-id'];
    if (typeof id === 'string') stacks.set(id, error.stack ?? String(error));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  let sent = 0;
  const send: Transport = async (request) => {
    const id = String(++sent);
    const address = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
    try {
      const res = await fetch(`${url}${request.url}`, {
        method: request.method,
        headers: { ...request.headers, 'x-fuzz-id': id, 'x-forwarded-for': address },
        ...(request.payload === undefined
          ? {}
          : {
              body: typeof request.payload === 'string' ? request.payload : new Uint8Array(request.payload),
            }),
      });
      const answer: HttpResponse = { status: res.status, body: await res.text() };
      const stack = stacks.get(id);
      stacks.delete(id);
      return stack && res.status >= 500 ? { ...answer, detail: stack } : answer;
    } catch (error) {
      return { status: 0, body: String(error) };
    }
  };

  const doc = (await (await fetch(`${url}/api/docs/json`)).json()) as OpenApiDocument;
  const operations = writeOperations(doc);
  const fuzzed = fuzzedOperations(operations);
  const world = await buildFuzzWorld(deps, send);
  log(
    `fuzz sur ${kind} : graine ${SEED}, ${RUNS_PER_OPERATION} requêtes × ${fuzzed.length} opérations d’écriture (${operations.length - fuzzed.length} exclues)`,
  );
  const started = performance.now();
  const report = await runFuzz({
    operations: fuzzed,
    world,
    runsPerOperation: RUNS_PER_OPERATION,
    seed: SEED,
    send,
    onOperation: (operation, done) => {
      if (done % 10 === 0) log(`${done}/${fuzzed.length} opérations (${operation})`);
    },
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await app.close();
  await dispose();

  const date = new Date();
  const result = {
    date: date.toISOString(),
    commit: await currentCommit(),
    machine: machine(loadAtStart),
    parameters: {
      database: kind,
      seed: SEED,
      runsPerOperation: RUNS_PER_OPERATION,
      actors: world.actors.map((a) => a.name),
      operations: fuzzed.length,
      excluded: FUZZ_EXCLUSIONS,
    },
    seconds,
    requests: report.requests,
    statuses: report.statuses,
    serverErrors: report.failures.length,
    sessionsRenewed: report.sessionsRenewed,
    failures: report.failures,
    byActor: report.byActor,
    byOperation: report.byOperation,
    ok: report.failures.length === 0 && report.requests === fuzzed.length * RUNS_PER_OPERATION,
  };
  log(`${report.requests} requêtes en ${seconds} s : ${JSON.stringify(report.statuses)}`);
  for (const f of report.failures) {
    log(`${f.status} ${f.method} ${f.url} (${f.actor}, ${f.variant}) ${f.requestBody.slice(0, 200)}`);
  }
  log(`résultats : ${writeResult(`fuzz-${kind}`, date, result)}`);
  if (!result.ok) {
    log(`ÉCHEC : ${report.failures.length} réponses ≥ 500 ou sans réponse`);
    process.exitCode = 1;
  }
}

await main();
