import { performance } from 'node:perf_hooks';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import { openRentAccount } from '../src/modules/rent-accounts/index.ts';
import { rentPostings } from '../src/modules/rent-accounts/schema.ts';
import { nextMonth } from '../src/shared/evaluations/monthly-point.ts';
import { insertContract } from '../test/helpers/contract-fixtures.ts';
import { makeOrganisation, makeUser, sessionFor } from '../test/helpers/factories.ts';
import {
  benchDatabaseKind,
  currentCommit,
  databaseVersion,
  envNumber,
  loadAverage,
  log,
  machine,
  openFreshDatabase,
  writeResult,
} from './harness.ts';
import { summarise } from './stats.ts';

/**
 * `node --import tsx bench/rent-account.ts`: the rent account of a household with ten years of lines
 * (BENCH_RENT_YEARS, default 10): each month its rent and charges calls, the RLS, the housing benefit,
 * one or two payments, a regularisation of charges each year and a counter-entry now and then
 * (≈ 700 lines). Times, request by request through the app (session, lease policy, audit included),
 * the account's page (balance, arrears by month, plans), its lines, and the tenant's statement PDF of
 * the last year and of the ten years. BENCH_DATABASE=pglite|postgresql; writes
 * bench/results/<date>-rent-account-<database>.json.
 */
const YEARS = envNumber('BENCH_RENT_YEARS', 10);
const REQUESTS = envNumber('BENCH_RENT_REQUESTS', 40);

async function main() {
  const loadAtStart = loadAverage();
  const kind = benchDatabaseKind();
  const { database, dispose } = await openFreshDatabase(kind, 'relais_bench_rent');
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: undefined,
    loadDemo: false,
    smtpUrl: undefined,
  };
  const now = new Date('2026-12-06T10:00:00Z');
  const deps: AppDeps = { config, database, db: database.db, clock: () => now };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  try {
    const landlord = await makeOrganisation(database.db, 'landlord');
    const user = await makeUser(database.db, {
      organisationId: landlord.id,
      roles: ['landlord_rental_manager'],
    });
    const session = await sessionFor(deps, user.id, landlord.id);
    const firstMonth = `${2026 - YEARS}-12`;
    const { contract } = await insertContract(database.db, {
      landlordId: landlord.id,
      startOn: `${firstMonth}-01`,
    });
    const { accountId } = await openRentAccount(
      { db: database.db, actor: null, now },
      { contractId: contract.id, on: `${firstMonth}-01` },
    );
    // The lines, month by month, in one insert per year (the counter-entries reference a payment).
    let lines = 0;
    let month = firstMonth;
    for (let year = 0; year < YEARS; year++) {
      const values: (typeof rentPostings.$inferInsert)[] = [];
      for (let m = 0; m < 12; m++, month = nextMonth(month)) {
        const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
        const call = { accountId, postedOn: day(1), periodMonth: month };
        values.push(
          { ...call, kind: 'rent_call', amountCents: 42_000 },
          { ...call, kind: 'charges_call', amountCents: 8_000 },
          { ...call, kind: 'rls', amountCents: -3_500 },
          { ...call, kind: 'housing_benefit', amountCents: -21_000 },
          { accountId, kind: 'payment', amountCents: -15_000, postedOn: day(5), method: 'transfer' },
          {
            accountId,
            kind: 'payment',
            amountCents: -10_000 - (m % 3) * 1_000,
            postedOn: day(20),
            method: 'cash',
          },
        );
        if (m === 5)
          values.push({ accountId, kind: 'charges_regularisation', amountCents: 4_500, postedOn: day(15) });
      }
      const rows = await database.db.insert(rentPostings).values(values).returning();
      // A rejected cheque each year: the year's first payment reversed.
      const reversed = rows.find((r) => r.kind === 'payment')!;
      await database.db.insert(rentPostings).values({
        accountId,
        kind: 'counter_entry',
        amountCents: -reversed.amountCents,
        postedOn: reversed.postedOn,
        reversesPostingId: reversed.id,
      });
      lines += rows.length + 1;
    }
    log(`${lines} lignes sur ${YEARS} ans`);

    const time = async (url: string) => {
      const latencies: number[] = [];
      let errors = 0;
      let bytes = 0;
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: session.headers });
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) errors++;
        bytes = res.rawPayload.length;
      }
      return { url, bytes, ...summarise(latencies, (performance.now() - started) / 1000, errors) };
    };
    const base = `/api/contracts/${contract.id}/account`;
    const results = {
      account: await time(base),
      postings: await time(`${base}/postings`),
      statementLastYear: await time(`${base}/statement?from=2025-12-01&to=2026-11-30`),
      statementTenYears: await time(`${base}/statement?from=${firstMonth}-01&to=2026-11-30`),
    };
    for (const [name, r] of Object.entries(results))
      log(`${name}: p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms`);
    const file = writeResult(`rent-account-${kind}`, new Date(), {
      bench: 'rent-account',
      commit: await currentCommit(),
      machine: machine(loadAtStart),
      database: await databaseVersion(database),
      dataSet: { years: YEARS, lines, requestsPerMeasure: REQUESTS },
      results,
    });
    log(`résultat : ${file}`);
  } finally {
    await app.close();
    await dispose();
  }
}

await main();
