import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DatabaseKind } from '../src/kernel/db.ts';
import { DEMO_PASSWORD, demoTotpSecret } from '../src/demo/accounts.ts';
import type { RouteContract } from '../src/shared/routes/define.ts';
import { HOUSEHOLD_PART_ROUTES, HOUSEHOLD_ROUTES } from '../src/shared/routes/households.ts';
import { TASK_ROUTES } from '../src/shared/routes/tasks.ts';
import { sampleHousehold } from '../test/helpers/household-fixtures.ts';
import {
  benchDatabaseKind,
  benchDatabaseUrl,
  currentCommit,
  dropPostgresDatabase,
  envNumber,
  loadAverage,
  log,
  machine,
  recreatePostgresDatabase,
  repoDir,
  temporaryDataDir,
  writeResult,
} from './harness.ts';
import { seededRandom } from './random.ts';
import { callRoute, type RouteInput } from './route-call.ts';
import { signIn, type HttpSession, type SecondFactors } from './sign-in.ts';

/**
 * `npm run bench:kill`: for each database (BENCH_DATABASE to run one), BENCH_ROUNDS rounds (12 by
 * default) of: the server started as its own process on the same data (src/server.ts, the demo
 * territory loaded on the first start), a sign-in, concurrent writes each acknowledged with its id
 * or value, SIGKILL at a random moment among them, a restart, and every write acknowledged so far
 * looked for through the API. Writes bench/results/<date>-kill-<database>.json; exits non-zero when
 * an acknowledged write is missing (or a write got an answer other than its success).
 */
const ROUNDS = envNumber('BENCH_ROUNDS', 12);
const WRITERS = 8;
/** The kill lands this long after the writes start: uniform in [min, max) ms, from a seeded generator. */
const KILL_AFTER_MS = { min: 500, max: 4_000 };
const SEED = 12;
/** The demo association's social workers (caseworker level on its households), signed in in turn. */
const ACCOUNTS = [
  'cheffe.service@le-passage.example',
  'camille.roussel@le-passage.example',
  'thomas.lefevre@le-passage.example',
];

type WriteKind = 'note' | 'task' | 'household' | 'expense';

/** A write the server acknowledged (2xx with its result): what must be there after any crash. */
interface Acknowledged {
  kind: WriteKind;
  round: number;
  householdId: string;
  /** The note, task, household or expense row. */
  id: string;
  /** An expense update: the file's version and the amount it answered with. */
  version?: number;
  amount?: number;
}

interface RoundFigures {
  round: number;
  killAfterMs: number;
  acknowledged: Record<WriteKind, number>;
  /** Requests under way when the server died (no answer: not acknowledged, so not owed). */
  cutOff: number;
  unexpectedAnswers: { status: number; body: string }[];
  restartSeconds: number;
  /** The writes acknowledged in this round or before that the check after this round's restart missed. */
  lost: Acknowledged[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The server as production runs it: its own process, configured by its environment. */
class Server {
  private child: ChildProcess | null = null;
  private output: string[] = [];
  readonly url: string;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts it and waits until it answers; the seconds that took. */
  async start(loadDemo: boolean): Promise<number> {
    const started = performance.now();
    this.output = [];
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoDir, 'src/server.ts')], {
      cwd: repoDir,
      env: { ...this.env, RELAIS_DEMO: String(loadDemo) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      const health = await fetch(`${this.url}/api/health`).catch(() => null);
      if (health?.status === 200) return Math.round(performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`le serveur ne répond pas :\n${this.output.join('').slice(-3000)}`);
  }

  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/** A route call with the session: its parsed answer when the status is the route's success, else the status. */
async function call(
  url: string,
  session: HttpSession,
  contract: RouteContract,
  input: RouteInput = {},
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; status: number; body: string }> {
  const answer = await callRoute(url, session.headers, contract, input);
  if (!answer.ok) return { ok: false, status: answer.status, body: answer.text.slice(0, 500) };
  return { ok: true, body: answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {} };
}

async function read<T>(url: string, session: HttpSession, contract: RouteContract, input: RouteInput = {}) {
  const answer = await call(url, session, contract, input);
  if (!answer.ok) throw new Error(`${contract.method} ${contract.path} → ${answer.status} ${answer.body}`);
  return answer.body as T;
}

type HouseholdFile = { version: number; expenses: { id: string; monthlyAmountCents: number }[] };

/** Every household the session's organisation is a party to, page by page. */
async function visibleHouseholds(url: string, session: HttpSession): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const list = await read<{ items: { id: string }[]; total: number }>(url, session, HOUSEHOLD_ROUTES.list, {
      query: {
        page: String(page),
        pageSize: '100',
      },
    });
    list.items.forEach((h) => ids.add(h.id));
    if (page * 100 >= list.total) return ids;
  }
}

/** The acknowledged writes the API no longer shows. */
async function missing(
  url: string,
  session: HttpSession,
  acknowledged: readonly Acknowledged[],
): Promise<Acknowledged[]> {
  const households = await visibleHouseholds(url, session);
  const lists = new Map<string, Promise<Set<string>>>();
  const idsOf = (contract: RouteContract, householdId: string) => {
    const key = `${contract.path} ${householdId}`;
    if (!lists.has(key)) {
      lists.set(
        key,
        read<{ items: { id: string }[] }>(url, session, contract, { params: { id: householdId } }).then(
          (r) => new Set(r.items.map((i) => i.id)),
        ),
      );
    }
    return lists.get(key)!;
  };
  const files = new Map<string, Promise<HouseholdFile>>();
  const fileOf = (id: string) => {
    if (!files.has(id))
      files.set(id, read<HouseholdFile>(url, session, HOUSEHOLD_ROUTES.get, { params: { id } }));
    return files.get(id)!;
  };
  const lost: Acknowledged[] = [];
  for (const write of acknowledged) {
    let present: boolean;
    if (write.kind === 'household') present = households.has(write.id);
    else if (write.kind === 'note')
      present = (await idsOf(HOUSEHOLD_ROUTES.notes, write.householdId)).has(write.id);
    else if (write.kind === 'task')
      present = (await idsOf(TASK_ROUTES.list, write.householdId)).has(write.id);
    else {
      // Amounts only grow: a later write under way at the kill may have landed, an earlier state may not.
      const file = await fileOf(write.householdId);
      const row = file.expenses.find((e) => e.id === write.id);
      present =
        file.version >= write.version! && row !== undefined && row.monthlyAmountCents >= write.amount!;
    }
    if (!present) lost.push(write);
  }
  return lost;
}

/**
 * Writes never made, one of each kind, looked for with the real ones: a check that does not report
 * them all missing could not see a loss either, and stops the bench.
 */
function controlWrites(householdId: string, expense: { id: string; expenseId: string }): Acknowledged[] {
  return [
    { kind: 'note', round: 0, householdId, id: randomUUID() },
    { kind: 'task', round: 0, householdId, id: randomUUID() },
    { kind: 'household', round: 0, householdId: randomUUID(), id: randomUUID() },
    { kind: 'expense', round: 0, householdId: expense.id, id: expense.expenseId, version: 1e9, amount: 1 },
  ];
}

/** The households writers update (one each, so that no 409 comes from another writer), each with an expense row. */
async function ownedHouseholds(
  url: string,
  session: HttpSession,
): Promise<{ id: string; expenseId: string }[]> {
  const list = await read<{ items: { id: string }[] }>(url, session, HOUSEHOLD_ROUTES.list, {
    query: {
      pageSize: '100',
    },
  });
  const owned = [];
  for (const { id } of list.items.slice(0, WRITERS)) {
    const file = await read<HouseholdFile>(url, session, HOUSEHOLD_ROUTES.get, { params: { id } });
    let expenseId = file.expenses[0]?.id;
    if (!expenseId) {
      const added = await call(url, session, HOUSEHOLD_PART_ROUTES.expenses.add, {
        params: { id },
        body: { category: 'energy', monthlyAmountCents: 0, version: file.version },
      });
      if (!added.ok) throw new Error(`ligne de charge : ${added.status} ${added.body}`);
      expenseId = added.body.rowId as string;
    }
    owned.push({ id, expenseId });
  }
  return owned;
}

/** One database's kill rounds, on a fresh database removed afterwards. */
async function killRounds(kind: DatabaseKind): Promise<boolean> {
  const loadAtStart = loadAverage();
  const port = await freePort();
  const postgresUrl = benchDatabaseUrl('relais_bench_kill');
  const folder = kind === 'pglite' ? temporaryDataDir() : null;
  if (kind === 'postgresql') await recreatePostgresDatabase(postgresUrl);
  // The server's environment alone says which database: never the caller's DATABASE_URL for PGlite.
  const { DATABASE_URL: _callerDatabase, ...env } = process.env;
  const server = new Server(
    {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RELAIS_LOG: 'false',
      ...(folder ? { RELAIS_DATA_DIR: folder.dataDir } : { DATABASE_URL: postgresUrl }),
    },
    port,
  );

  log(`${kind} : premier démarrage (territoire de démonstration)`);
  try {
    return await runRounds(kind, server, loadAtStart);
  } finally {
    await server.kill('SIGKILL');
    if (folder) folder.remove();
    else if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropPostgresDatabase(postgresUrl);
  }
}

/** The rounds on a server whose database is fresh: its figures written, whether nothing was lost. */
async function runRounds(kind: DatabaseKind, server: Server, loadAtStart: number[]): Promise<boolean> {
  const factors: SecondFactors = new Map(
    ACCOUNTS.map((email) => [email, { secret: demoTotpSecret(email), lastStep: -1 }]),
  );
  const random = seededRandom(SEED);
  const acknowledged: Acknowledged[] = [];
  const rounds: RoundFigures[] = [];
  let amount = 0;
  const firstStart = await server.start(true);
  let session = await signIn(server.url, { email: ACCOUNTS[0]!, password: DEMO_PASSWORD }, factors);
  const owned = await ownedHouseholds(server.url, session);
  const households = [...(await visibleHouseholds(server.url, session))];

  for (let round = 1; round <= ROUNDS; round++) {
    const figures: RoundFigures = {
      round,
      killAfterMs: Math.round(KILL_AFTER_MS.min + random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min)),
      acknowledged: { note: 0, task: 0, household: 0, expense: 0 },
      cutOff: 0,
      unexpectedAnswers: [],
      restartSeconds: 0,
      lost: [],
    };
    const versions = new Map<string, number>();
    for (const h of owned)
      versions.set(
        h.id,
        (await read<HouseholdFile>(server.url, session, HOUSEHOLD_ROUTES.get, { params: { id: h.id } }))
          .version,
      );

    const write = (kind: WriteKind, id: string, marker: string, rowId: string | undefined, value: number) => {
      switch (kind) {
        case 'note':
          return call(server.url, session, HOUSEHOLD_ROUTES.addNote, {
            params: { id },
            body: { body: `Écriture ${marker}`, sensitivity: 'shared' },
          });
        case 'task':
          return call(server.url, session, TASK_ROUTES.create, {
            params: { id },
            body: { title: `Tâche ${marker}` },
          });
        case 'household':
          return call(server.url, session, HOUSEHOLD_ROUTES.create, { body: sampleHousehold() });
        case 'expense':
          return call(server.url, session, HOUSEHOLD_PART_ROUTES.expenses.change, {
            params: { id, rowId },
            body: { monthlyAmountCents: value, version: versions.get(id)! },
          });
      }
    };
    let killed = false;
    const writer = async (w: number) => {
      const mine = owned[w];
      const kinds: WriteKind[] = mine
        ? ['note', 'expense', 'task', 'household']
        : ['note', 'task', 'household'];
      for (let n = 0; !killed; n++) {
        const kind = kinds[n % kinds.length]!;
        const householdId = kind === 'expense' ? mine!.id : households[(w * 7 + n) % households.length]!;
        const marker = `r${round} w${w} #${n}`;
        const value = ++amount;
        try {
          const answer = await write(kind, householdId, marker, mine?.expenseId, value);
          if (!answer.ok) {
            figures.unexpectedAnswers.push({ status: answer.status, body: answer.body });
            continue;
          }
          figures.acknowledged[kind]++;
          if (kind === 'expense') {
            const version = answer.body.version as number;
            versions.set(householdId, version);
            acknowledged.push({ kind, round, householdId, id: mine!.expenseId, version, amount: value });
          } else {
            const id = answer.body.id as string;
            acknowledged.push({ kind, round, householdId: kind === 'household' ? id : householdId, id });
          }
        } catch {
          figures.cutOff++;
          return;
        }
      }
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await new Promise((resolve) => setTimeout(resolve, figures.killAfterMs));
    await server.kill('SIGKILL');
    killed = true;
    await writing;

    figures.restartSeconds = await server.start(false);
    session = await signIn(
      server.url,
      { email: ACCOUNTS[round % ACCOUNTS.length]!, password: DEMO_PASSWORD },
      factors,
    );
    const controls = controlWrites(households[0]!, owned[0]!);
    const notFound = await missing(server.url, session, [...acknowledged, ...controls]);
    if (controls.some((c) => !notFound.includes(c)))
      throw new Error('la vérification ne voit pas une écriture absente');
    figures.lost = notFound.filter((w) => !controls.includes(w));
    households.push(
      ...acknowledged.filter((a) => a.round === round && a.kind === 'household').map((a) => a.id),
    );
    rounds.push(figures);
    const total = Object.values(figures.acknowledged).reduce((s, n) => s + n, 0);
    log(
      `${kind} tour ${round} : tué après ${figures.killAfterMs} ms, ${total} écritures confirmées (${JSON.stringify(figures.acknowledged)}), ${figures.cutOff} coupées, redémarrage ${figures.restartSeconds} s, perdues ${figures.lost.length} (cumul vérifié : ${acknowledged.length})`,
    );
  }
  await server.kill('SIGTERM');

  // Each check looks for every write since the first round: a loss shows in every check after it.
  const lost = [
    ...new Map(rounds.flatMap((r) => r.lost).map((w) => [`${w.kind} ${w.id} ${w.version}`, w])).values(),
  ];
  const unexpected = rounds.reduce((s, r) => s + r.unexpectedAnswers.length, 0);
  const date = new Date();
  const result = {
    date: date.toISOString(),
    commit: await currentCommit(),
    machine: machine(loadAtStart),
    parameters: {
      database: kind,
      rounds: ROUNDS,
      writers: WRITERS,
      killAfterMs: KILL_AFTER_MS,
      seed: SEED,
      server:
        'node --import tsx src/server.ts (processus séparé, tué par SIGKILL, redémarré sur les mêmes données)',
      writes:
        'notes et tâches (id), dossiers créés (id), montant d’une ligne de charge (version du dossier et montant croissant), chacune comptée confirmée à sa réponse 2xx',
      check:
        'après chaque redémarrage, toutes les écritures confirmées depuis le début sont cherchées par l’API (listes des notes et tâches, liste des dossiers, dossier lu)',
    },
    firstStartSeconds: firstStart,
    acknowledged: acknowledged.length,
    acknowledgedByKind: Object.fromEntries(
      (['note', 'task', 'household', 'expense'] as const).map((k) => [
        k,
        acknowledged.filter((a) => a.kind === k).length,
      ]),
    ),
    cutOff: rounds.reduce((s, r) => s + r.cutOff, 0),
    lost: lost.length,
    lostWrites: lost,
    unexpectedAnswers: unexpected,
    rounds,
    ok: lost.length === 0 && unexpected === 0,
  };
  log(
    `${kind} : ${acknowledged.length} écritures confirmées, ${lost.length} perdues → ${writeResult(`kill-${kind}`, date, result)}`,
  );
  return result.ok;
}

const kinds: DatabaseKind[] = process.env.BENCH_DATABASE ? [benchDatabaseKind()] : ['pglite', 'postgresql'];
let ok = true;
for (const kind of kinds) ok = (await killRounds(kind)) && ok;
if (!ok) {
  log('ÉCHEC : écriture confirmée perdue ou réponse inattendue');
  process.exitCode = 1;
}
