import type { AddressInfo } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import type { DB } from '../src/kernel/db.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import { householdParties } from '../src/modules/households/schema.ts';
import type { OrganisationType, Role } from '../src/shared/contracts/roles.ts';
import { BENCH_PASSWORD, BENCH_SIZE, SEARCH_TERMS, generateBenchData } from './generate.ts';
import {
  benchDatabaseKind,
  currentCommit,
  databaseVersion,
  envNumber,
  loadAverage,
  log,
  machine,
  openFreshDatabase,
  runChildJob,
  writeResult,
} from './harness.ts';
import type { MixedClient, MixedJob, MixedResult, Profile } from './mixed-client.ts';
import { signIn, type SecondFactors } from './sign-in.ts';

/**
 * `npm run bench:mixed`: the real app on a generated data set (PostgreSQL by default, the embedded
 * PGlite with BENCH_DATABASE=pglite), 50 clients signed in as users of five roles reading and
 * writing for BENCH_DURATION seconds (60 by default). Writes bench/results/<date>-mixed-<database>.json;
 * exits non-zero on any error (network failure, 5xx, or any other status than the route's success).
 */
const DURATION_SECONDS = envNumber('BENCH_DURATION', 60);
/** PGlite serves every request from one connection in the server's process: a tenth of the data set. */
const PGLITE_SIZE = { households: 2_000, referrals: 200, measures: 500, journal: 0 };
/** Its clients do not read the journal: `npm run bench` measures it. */
const POSTGRESQL_SIZE = { ...BENCH_SIZE, journal: 0 };
/** Households each writing client has to itself. */
const OWNED_PER_WRITER = 8;
const SEED = 2026;

/**
 * The 50 clients by role: whose accounts they use (at most four per role, signed in once each and
 * shared round-robin; the sign-in routes allow 20 attempts a minute per address).
 */
const MIX: { profile: Profile; clients: number; organisation: OrganisationType; roles: Role[] }[] = [
  { profile: 'caseworker', clients: 30, organisation: 'association', roles: ['caseworker', 'team_manager'] },
  {
    profile: 'landlord',
    clients: 7,
    organisation: 'landlord',
    roles: ['landlord_social_advisor', 'landlord_rental_manager'],
  },
  { profile: 'siao', clients: 6, organisation: 'siao', roles: ['caseworker'] },
  { profile: 'admin', clients: 4, organisation: 'association', roles: ['admin'] },
  { profile: 'auditor', clients: 3, organisation: 'funder', roles: ['auditor'] },
];
const ACCOUNTS_PER_ROLE = 4;

async function householdsOf(db: DB, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: householdParties.householdId })
    .from(householdParties)
    .where(and(eq(householdParties.organisationId, organisationId), isNull(householdParties.endedAt)))
    .orderBy(householdParties.householdId);
  return [...new Set(rows.map((r) => r.id))];
}

async function main() {
  const loadAtStart = loadAverage();
  const kind = benchDatabaseKind();
  const size = kind === 'pglite' ? PGLITE_SIZE : POSTGRESQL_SIZE;
  const { database, dispose } = await openFreshDatabase(kind, 'relais_bench_mixed');
  const data = await generateBenchData(database, size);
  log(`${kind} : données générées ${JSON.stringify(data.counts)}`);

  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: undefined,
    loadDemo: false,
    smtpUrl: undefined,
  };
  const deps: AppDeps = { config, database, db: database.db, clock: () => new Date() };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // The bench association (the generator's first) and the first organisation of each other type.
  const organisationOf = (type: OrganisationType) =>
    type === 'association'
      ? data.caseworker.organisationId
      : data.people.find((p) => p.organisationType === type)!.organisationId;
  const factors: SecondFactors = new Map();
  const readable: Record<string, string[]> = {};
  const claimed = new Set<string>();
  const clients: MixedClient[] = [];
  for (const entry of MIX) {
    const organisationId = organisationOf(entry.organisation);
    const accounts = data.people
      .filter((p) => p.organisationId === organisationId && entry.roles.includes(p.role))
      .slice(0, ACCOUNTS_PER_ROLE);
    const sessions = [];
    for (const account of accounts) {
      sessions.push(await signIn(url, { email: account.email, password: BENCH_PASSWORD }, factors));
    }
    readable[organisationId] ??= await householdsOf(database.db, organisationId);
    const writesHouseholds = entry.profile !== 'admin' && entry.profile !== 'auditor';
    for (let i = 0; i < entry.clients; i++) {
      const owned = writesHouseholds
        ? readable[organisationId]!.filter((id) => !claimed.has(id)).slice(0, OWNED_PER_WRITER)
        : [];
      if (writesHouseholds && owned.length === 0) {
        throw new Error(`plus de ménage libre pour un client ${entry.profile}`);
      }
      owned.forEach((id) => claimed.add(id));
      clients.push({
        profile: entry.profile,
        organisationId,
        headers: sessions[i % sessions.length]!.headers,
        owned,
      });
    }
    log(`${entry.clients} clients ${entry.profile} (${accounts.map((a) => a.email).join(', ')})`);
  }

  log(`charge mixte : ${clients.length} clients pendant ${DURATION_SECONDS} s`);
  const job: MixedJob = {
    url,
    durationSeconds: DURATION_SECONDS,
    seed: SEED,
    searchTerms: SEARCH_TERMS,
    readable,
    clients,
  };
  const load = await runChildJob<MixedResult>('mixed-client.ts', job);
  const engine = await databaseVersion(database);
  await app.close();
  await dispose();

  for (const [name, k] of Object.entries(load.kinds)) {
    log(
      `${name.padEnd(22)} ${String(k.requests).padStart(6)} req, ${k.requestsPerSecond} req/s, p50 ${k.latencyMs.p50} ms, p95 ${k.latencyMs.p95} ms, p99 ${k.latencyMs.p99} ms, erreurs ${k.errors}`,
    );
  }
  const o = load.overall;
  log(
    `total ${o.requests} req, ${o.requestsPerSecond} req/s, p50 ${o.latencyMs.p50} ms, p95 ${o.latencyMs.p95} ms, p99 ${o.latencyMs.p99} ms, erreurs ${load.errors} (générateur : ${load.clientCpuSeconds} s de CPU en ${load.elapsedSeconds} s)`,
  );
  for (const e of load.errorSamples.slice(0, 10))
    log(`erreur ${e.kind} ${e.request} → ${e.status} ${e.body}`);

  const date = new Date();
  const result = {
    date: date.toISOString(),
    commit: await currentCommit(),
    machine: {
      ...machine(loadAtStart),
      database: engine,
      note: 'Serveur Node, base et générateur de charge sur la même machine.',
    },
    parameters: {
      database: kind,
      clients: clients.length,
      durationSeconds: DURATION_SECONDS,
      dataset: data.counts,
      mix: MIX.map((m) => ({ profile: m.profile, clients: m.clients, roles: m.roles })),
      ownedHouseholdsPerWriter: OWNED_PER_WRITER,
      seed: SEED,
      errorRule:
        'Erreur : échec réseau, ou tout statut autre que le statut de succès de la route (5xx et 4xx inattendus compris).',
    },
    elapsedSeconds: load.elapsedSeconds,
    clientCpuSeconds: load.clientCpuSeconds,
    overall: load.overall,
    kinds: load.kinds,
    errors: load.errors,
    errorSamples: load.errorSamples,
    ok: load.errors === 0,
  };
  log(`résultats : ${writeResult(`mixed-${kind}`, date, result)}`);
  if (!result.ok) {
    log(`ÉCHEC : ${load.errors} erreurs`);
    process.exitCode = 1;
  }
}

await main();
