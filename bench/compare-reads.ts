import { execFile, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { SEARCH_TERMS } from './generate.ts';
import {
  benchDir,
  envNumber,
  loadAverage,
  log,
  machine,
  median,
  repoDir,
  runChildJob,
  writeResult,
} from './harness.ts';
import type { LoadResult } from './stats.ts';

/**
 * `npm run bench:compare`: the household search and file read of two checkouts (before and after a
 * change), served side by side on the same machine and loaded in alternating short bursts, so that
 * the machine's drift (its speed varies by half from one minute to the next) falls on both alike.
 * Each checkout serves its own database, generated and kept by its own `npm run bench`
 * (BENCH_KEEP_DATABASE=true, BENCH_DATABASE_URL). Besides requests per second, each burst records
 * the CPU time per request of the app's process and of PostgreSQL (every `postgres` process:
 * nothing else should use the server meanwhile). Linux only (/proc).
 */
const ROUNDS = envNumber('COMPARE_ROUNDS', 6);
const SECONDS = envNumber('COMPARE_SECONDS', 4);
const CONNECTIONS = envNumber('COMPARE_CONNECTIONS', 10);
const sides = {
  before: { dir: process.env.COMPARE_BEFORE_DIR, url: process.env.COMPARE_BEFORE_DATABASE_URL },
  after: {
    dir: process.env.COMPARE_AFTER_DIR ?? repoDir,
    url: process.env.COMPARE_AFTER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/relais_bench',
  },
};
if (!sides.before.dir || !sides.before.url) {
  throw new Error('COMPARE_BEFORE_DIR (une autre copie du dépôt) et COMPARE_BEFORE_DATABASE_URL sont requis');
}
type Side = keyof typeof sides;

interface Served {
  url: string;
  cookie: string;
  householdIds: string[];
  pid: number;
  commit: string;
}

/** CPU seconds (user and system) a process has used so far. */
function cpuSeconds(pid: string | number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process ended meanwhile
  }
}

const isPostgres = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
};
const postgresCpuSeconds = () =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && isPostgres(entry))
    .reduce((sum, pid) => sum + cpuSeconds(pid), 0);

async function serve(dir: string, url: string): Promise<Served> {
  const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir });
  const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, 'compare-serve.ts'), dir, url], {
    cwd: dir, // its own tsx
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('exit', () => child.kill('SIGTERM'));
  const line = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`le serveur de ${dir} s’est arrêté (${code})`)));
    createInterface({ input: child.stdout }).on('line', (l) => l.startsWith('{') && resolve(l));
  });
  return { ...(JSON.parse(line) as Omit<Served, 'pid' | 'commit'>), pid: child.pid!, commit: stdout.trim() };
}

const served = {
  before: await serve(sides.before.dir, sides.before.url),
  after: await serve(sides.after.dir, sides.after.url),
};
const kinds = {
  search: () => SEARCH_TERMS.map((t) => `/api/households?q=${encodeURIComponent(t)}&page=1`),
  file: (s: Served) => s.householdIds.map((id) => `/api/households/${id}`),
};
type Kind = keyof typeof kinds;

async function burst(side: Side, kind: Kind, durationSeconds: number) {
  const s = served[side];
  const app0 = cpuSeconds(s.pid);
  const pg0 = postgresCpuSeconds();
  const result = await runChildJob<LoadResult>('http-load.ts', {
    url: s.url,
    paths: kinds[kind](s),
    connections: CONNECTIONS,
    durationSeconds,
    headers: { cookie: s.cookie },
  });
  if (result.errors > 0) throw new Error(`${side} ${kind} : ${result.errors} requêtes en échec`);
  const requests = result.requestsPerSecond * durationSeconds;
  const perRequest = (seconds: number) => Math.round((seconds / requests) * 1e6);
  return {
    requestsPerSecond: result.requestsPerSecond,
    p95: result.latencyMs.p95,
    appMicrosecondsPerRequest: perRequest(cpuSeconds(s.pid) - app0),
    postgresMicrosecondsPerRequest: perRequest(postgresCpuSeconds() - pg0),
  };
}

const loadAtStart = loadAverage();
log(`avant ${served.before.commit} (${sides.before.dir}), après ${served.after.commit} (${sides.after.dir})`);
const results: Record<Kind, Record<Side, Awaited<ReturnType<typeof burst>>[]>> = {
  search: { before: [], after: [] },
  file: { before: [], after: [] },
};
for (const kind of Object.keys(kinds) as Kind[]) {
  for (const side of ['before', 'after'] as const) await burst(side, kind, 2); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so that neither always follows the other.
    for (const side of round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      results[kind][side].push(await burst(side, kind, SECONDS));
    }
    const [b, a] = [results[kind].before.at(-1)!, results[kind].after.at(-1)!];
    log(`${kind} tour ${round + 1} : ${b.requestsPerSecond} → ${a.requestsPerSecond} req/s`);
  }
}

const summary = Object.fromEntries(
  (Object.keys(kinds) as Kind[]).map((kind) => {
    const { before, after } = results[kind];
    const of = (runs: typeof before, key: keyof (typeof before)[number]) => median(runs.map((r) => r[key]));
    const ratios = after.map(
      (a, i) => Math.round((a.requestsPerSecond / before[i]!.requestsPerSecond) * 1000) / 1000,
    );
    return [
      kind,
      {
        requestsPerSecond: { before: of(before, 'requestsPerSecond'), after: of(after, 'requestsPerSecond') },
        p95Ms: { before: of(before, 'p95'), after: of(after, 'p95') },
        appMicrosecondsPerRequest: {
          before: of(before, 'appMicrosecondsPerRequest'),
          after: of(after, 'appMicrosecondsPerRequest'),
        },
        postgresMicrosecondsPerRequest: {
          before: of(before, 'postgresMicrosecondsPerRequest'),
          after: of(after, 'postgresMicrosecondsPerRequest'),
        },
        // After over before, round by round (same minute): 1 means no slower.
        ratioMedian: median(ratios),
        ratios,
      },
    ];
  }),
);
for (const [kind, s] of Object.entries(summary)) {
  log(
    `${kind} : ${s.requestsPerSecond.before} → ${s.requestsPerSecond.after} req/s (rapport médian ${s.ratioMedian}), µs par requête : app ${s.appMicrosecondsPerRequest.before} → ${s.appMicrosecondsPerRequest.after}, PostgreSQL ${s.postgresMicrosecondsPerRequest.before} → ${s.postgresMicrosecondsPerRequest.after}`,
  );
}
const file = writeResult('compare-reads', new Date(), {
  date: new Date().toISOString(),
  before: { commit: served.before.commit, households: served.before.householdIds.length },
  after: { commit: served.after.commit, households: served.after.householdIds.length },
  machine: {
    ...machine(loadAtStart),
    note: 'Deux serveurs Node, PostgreSQL et le générateur de charge sur la même machine.',
  },
  setup: {
    rounds: ROUNDS,
    secondsPerBurst: SECONDS,
    connections: CONNECTIONS,
    searchTerms: SEARCH_TERMS.length,
  },
  summary,
  runs: results,
});
log(`résultats : ${file}`);
process.exit(0);
