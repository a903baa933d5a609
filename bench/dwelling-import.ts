/**
 * A large public landlord's imports, end to end through the API (app.inject, no socket): 31 000
 * dwellings with their tenants (upload, mapping, the dry run chunk by chunk, the all-or-nothing import),
 * then a 31 000-line monthly arrears file the same way. Time of each phase and peak resident memory
 * (process.memoryUsage().rss sampled every 20 ms) and its increase over the level before the file, and this
 * process's CPU time per phase (steadier than the wall time on a shared machine); goal ≤ 10 s and ≤ 512 MB
 * for each file.
 * Run: BENCH_DATABASE=pglite node --import tsx bench/dwelling-import.ts → bench/results/<date>-dwelling-import-<db>.json
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { createPrng } from '../src/demo/prng.ts';
import { memberships, users } from '../src/modules/identity/schema.ts';
import { SESSION_COOKIE, createSession } from '../src/modules/identity/sessions.ts';
import { organisations, territories } from '../src/modules/organisations/schema.ts';
import type { TImportRun } from '../src/shared/contracts/dwellings.ts';
import { multipartForm } from '../test/helpers/multipart.ts';
import {
  benchDatabaseKind,
  databaseVersion,
  loadAverage,
  log,
  machine,
  openFreshDatabase,
  writeResult,
} from './harness.ts';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 31_000);
const COMMUNES = 40;

/** The stock export: plausible, fictional, the same on every run; every dwelling let, with its tenant. */
function stockCsv(): string {
  const prng = createPrng(31_000);
  const streets = [
    'rue des Acacias',
    'avenue du Général-Leclerc',
    'allée des Tilleuls',
    'rue Victor-Hugo',
    'place du Marché',
  ];
  const financings = ['PLAI', 'PLUS', 'PLUS', 'PLS'];
  const names = [
    'Martin',
    'Bernard',
    'Dubois',
    'Thomas',
    'Robert',
    'Richard',
    'Petit',
    'Durand',
    'Leroy',
    'Moreau',
  ];
  const out = [
    'Réf logement;Adresse;Code INSEE;Typologie;Surface;Etage;Ascenseur;Financement;Loyer;Charges;Statut;Réf locataire;Nom locataire;Date signature;Début bail',
  ];
  for (let i = 1; i <= LINES; i++) {
    const rooms = prng.int(1, 6);
    const surface = 18 + rooms * 14 + prng.int(0, 9);
    const rent = (surface * prng.int(500, 800)) / 100;
    const floor = prng.int(0, 12);
    const day = `${String(prng.int(1, 28)).padStart(2, '0')}/${String(prng.int(1, 12)).padStart(2, '0')}/${prng.int(1995, 2025)}`;
    out.push(
      [
        `L${String(i).padStart(6, '0')}`,
        `${prng.int(1, 250)} ${prng.pick(streets)}, apt ${prng.int(1, 60)}`,
        `BX${String(prng.int(1, COMMUNES)).padStart(3, '0')}`,
        `T${rooms}`,
        surface.toFixed(1).replace('.', ','),
        floor === 0 ? 'RDC' : String(floor),
        floor > 3 ? 'oui' : 'non',
        prng.pick(financings),
        rent.toFixed(2).replace('.', ','),
        String(prng.int(30, 150)),
        'Loué',
        `T${String(i).padStart(7, '0')}`,
        `${prng.int(0, 1) ? 'Mme' : 'M.'} ${prng.pick(names)}`,
        day,
        day,
      ].join(';'),
    );
  }
  return out.join('\r\n');
}

/** The month's arrears: one line per tenant, most owing little or nothing, a few months for some. */
function arrearsCsv(): string {
  const prng = createPrng(6);
  const out = ['Réf locataire;Solde;Date solde;Mois impayés'];
  for (let i = 1; i <= LINES; i++) {
    const months = prng.int(0, 9) < 8 ? 0 : prng.int(1, 6);
    const balance = months * prng.int(30_000, 70_000) + prng.int(0, 5_000);
    out.push(
      `T${String(i).padStart(7, '0')};${(balance / 100).toFixed(2).replace('.', ',')};31/03/2026;${months}`,
    );
  }
  return out.join('\n');
}

const database = await openFreshDatabase(benchDatabaseKind(), 'relais_bench_import');
const loadAtStart = loadAverage();
const config = { ...loadConfig({}), loadDemo: false, smtpUrl: undefined, databaseUrl: undefined };
const now = new Date('2026-03-31T10:00:00Z');
const app = await buildApp({
  config,
  database: database.database,
  db: database.database.db,
  clock: () => new Date(now),
});
await app.ready();
const db = database.database.db;

// The territory, the landlord and its rental manager with a session.
const [dep] = await db
  .insert(territories)
  .values({ kind: 'departement', code: 'BX', name: 'Banc-d’Essai' })
  .returning();
await db.insert(territories).values(
  Array.from({ length: COMMUNES }, (_, i) => ({
    kind: 'commune' as const,
    code: `BX${String(i + 1).padStart(3, '0')}`,
    name: `Commune ${i + 1}`,
    parentId: dep!.id,
  })),
);
const [landlord] = await db
  .insert(organisations)
  .values({ type: 'landlord', name: 'Grand Bailleur Public' })
  .returning();
const [user] = await db
  .insert(users)
  .values({ email: 'gestion@bench.test', fullName: 'Gestion Locative', passwordHash: 'x', status: 'active' })
  .returning();
await db
  .insert(memberships)
  .values({ userId: user!.id, organisationId: landlord!.id, role: 'landlord_rental_manager' });
const s = await createSession(db, {
  userId: user!.id,
  organisationId: landlord!.id,
  secondFactorDone: true,
  now,
  config,
});
const headers = { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken };

async function call(method: 'POST' | 'PUT', url: string, payload?: object): Promise<TImportRun> {
  const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300)
    throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as TImportRun;
}

/** One file through the API, each phase timed, the resident memory's peak sampled meanwhile. */
async function importFile(kind: 'stock' | 'arrears', name: string, content: string) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const form = multipartForm({ kind, encoding: 'utf-8' }, { name, type: 'text/csv', content });
  const uploadRes = await app.inject({
    method: 'POST',
    url: '/api/stock-imports',
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
  if (uploadRes.statusCode !== 201)
    throw new Error(`upload → ${uploadRes.statusCode} ${uploadRes.body.slice(0, 500)}`);
  const uploaded = uploadRes.json() as TImportRun;
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  let run = await call('PUT', `/api/stock-imports/${uploaded.id}/mapping`, { mapping: uploaded.mapping });
  let checkCalls = 0;
  while (run.state === 'uploaded' || run.state === 'checking') {
    run = await call('POST', `/api/stock-imports/${run.id}/check`);
    checkCalls++;
  }
  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  if (run.state !== 'checked')
    throw new Error(
      `dry run refused ${run.rejectedLines} lines: ${JSON.stringify(run.rejections.slice(0, 3))}`,
    );
  const applied = await call('POST', `/api/stock-imports/${run.id}/apply`);
  const t3 = performance.now();
  const cpu3 = process.cpuUsage();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (ms: number) => Math.round(ms) / 1000;
  // This process's CPU time (user + system): less sensitive than the wall time to a busy machine; on
  // PGlite it includes the database's work, on PostgreSQL only the app's (the server is another process).
  const cpuSeconds = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
    seconds((to.user - from.user + to.system - from.system) / 1000);
  const result = {
    lines: run.totalLines,
    fileBytes: Buffer.byteLength(content),
    uploadSeconds: seconds(t1 - t0),
    dryRunSeconds: seconds(t2 - t1),
    dryRunCalls: checkCalls,
    applySeconds: seconds(t3 - t2),
    totalSeconds: seconds(t3 - t0),
    processCpuSeconds: {
      upload: cpuSeconds(cpu0, cpu1),
      dryRun: cpuSeconds(cpu1, cpu2),
      apply: cpuSeconds(cpu2, cpu3),
      total: cpuSeconds(cpu0, cpu3),
    },
    rssBeforeMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(peak / 2 ** 20),
    peakIncreaseMB: Math.round((peak - rssBefore) / 2 ** 20),
    counts: applied.counts,
  };
  log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

try {
  const stock = await importFile('stock', 'parc-31000.csv', stockCsv());
  const arrears = await importFile('arrears', 'impayes-mars.csv', arrearsCsv());
  const result = {
    machine: machine(loadAtStart),
    database: await databaseVersion(database.database),
    goal: { seconds: 10, peakRssMB: 512 },
    notes:
      'Through app.inject: the upload reads the whole file (csv-parse) into the run row; the dry run is called by 2 000-line chunks as the web does; the import is one transaction of set-based statements over the dry run’s readings. The arrears file has one line per imported tenant. processCpuSeconds is this process’s CPU time (the database’s work included on PGlite only); the machine is shared, see its load averages.',
    stock,
    arrears,
  };
  const file = writeResult(`dwelling-import-${database.database.kind}`, new Date(), result);
  log(`résultats : ${file}`);
} finally {
  await app.close();
  await database.dispose();
}
