/**
 * Social-housing eligibility throughput (issue 12: ≥ 100 000 answers/s in-process): the pure function
 * on parsed requests, the batch as the route computes it in-process (each raw body validated by the
 * route's schema, then answered: `answerEligibility`), then the batch endpoint (app built in-process
 * on a temporary PGlite, batches of 10 000 bodies through app.inject).
 * Run: node --import tsx bench/eligibility.ts → bench/results/<date>-eligibility.json
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/kernel/db.ts';
import {
  answerEligibility,
  socialHousingEligibility,
} from '../src/shared/calculators/social-housing-eligibility.ts';
import { CEILING_ZONES, HOUSING_FINANCINGS } from '../src/shared/calculators/social-housing-ceilings.ts';
import {
  ZSocialHousingEligibilityInput,
  type TSocialHousingEligibilityInput,
} from '../src/shared/contracts/calculators.ts';
import { currentCommit, loadAverage, machine, temporaryDataDir, writeResult } from './harness.ts';
import { seededRandom } from './random.ts';

const BATCH = 10_000;
const ROUNDS = 5;

/**
 * A deterministic, varied set: 2025 and 2026, every financing and zone, 1 to 10 persons with a
 * share of single parents, couples (with an age sum when childless), disabled members, incomes
 * around the ceilings with N-1 and 12-month figures half the time; one body in a hundred names a
 * year without a table (422 in its place).
 */
function bodies(count: number): TSocialHousingEligibilityInput[] {
  const next = seededRandom(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, () => {
    const persons = 1 + Math.floor(next() * 10);
    const couple = persons >= 2 && next() < 0.5;
    const adults = couple ? 2 : persons === 1 || next() < 0.6 ? 1 : 2;
    const dependants = Math.min(persons - adults, persons - 1);
    const incomeN2 = Math.round(5_000 + next() * 60_000);
    const lower = () => (next() < 0.5 ? Math.round(incomeN2 * (0.6 + next() * 0.5)) : null);
    return {
      year: next() < 0.01 ? 2024 : pick([2025, 2026]),
      financing: pick(HOUSING_FINANCINGS),
      zone: pick(CEILING_ZONES),
      persons,
      dependants,
      couple,
      coupleAgeSum: couple && dependants === 0 ? 36 + Math.floor(next() * 100) : null,
      disabledMember: next() < 0.1,
      incomeN2,
      incomeN1: lower(),
      incomeLast12Months: lower(),
    };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function rounds(count: number, run: () => number) {
  run(); // warm-up
  const perSecond: number[] = [];
  let refused = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    refused += run();
    perSecond.push(count / ((performance.now() - start) / 1000));
  }
  return {
    answers: count,
    rounds: ROUNDS,
    medianPerSecond: Math.round(median(perSecond)),
    bestPerSecond: Math.round(Math.max(...perSecond)),
    refusedShare: Math.round((refused / (count * ROUNDS)) * 1000) / 1000,
  };
}

async function benchBatchRoute(data: TSocialHousingEligibilityInput[]) {
  const folder = temporaryDataDir();
  const database = await openDatabase({ kind: 'pglite', dataDir: folder.dataDir });
  const config = { ...loadConfig({}), loadDemo: false, smtpUrl: undefined, databaseUrl: undefined };
  const app = await buildApp({ config, database, db: database.db, clock: () => new Date() });
  await app.ready();
  try {
    const payload = JSON.stringify(data.slice(0, BATCH));
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/api/calculators/social-housing-eligibility/batch',
        headers: { 'content-type': 'application/json' },
        payload,
      });
    const warm = await post();
    if (warm.statusCode !== 200)
      throw new Error(`batch answered ${warm.statusCode}: ${warm.body.slice(0, 300)}`);
    const timings: number[] = [];
    // Warm-up + 5 batches stay under the route's 30 batches a minute per address.
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const res = await post();
      timings.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`batch answered ${res.statusCode}`);
    }
    return {
      transport: 'app.inject (no socket), PGlite, JSON body built once',
      batchSize: BATCH,
      requestBytes: Buffer.byteLength(payload),
      responseBytes: Buffer.byteLength(warm.body),
      batches: timings.length,
      medianBatchMs: Math.round(median(timings)),
      medianAnswersPerSecond: Math.round(BATCH / (median(timings) / 1000)),
    };
  } finally {
    await app.close();
    await database.close();
    folder.remove();
  }
}

const startedAt = new Date();
const loadAtStart = loadAverage();
const data = bodies(200_000);
const requests = data.map((body) => ZSocialHousingEligibilityInput.parse(body));
const pureFunction = {
  what: 'socialHousingEligibility on parsed requests (no schema validation)',
  ...rounds(requests.length, () => requests.filter((r) => !socialHousingEligibility(r).ok).length),
};
const batchInProcess = {
  what: 'answerEligibility on raw bodies, as the batch route computes each item (schema, then answer)',
  ...rounds(data.length, () => data.filter((b) => 'error' in answerEligibility(b)).length),
};
const batchEndpoint = await benchBatchRoute(data);
const result = {
  machine: machine(loadAtStart),
  commit: await currentCommit(),
  date: startedAt.toISOString(),
  goal: '≥ 100 000 answers/s in-process (issue 12)',
  inProcess: { pureFunction, batchInProcess },
  batchEndpoint,
};
console.log(JSON.stringify(result, null, 2));
console.log(writeResult('eligibility', startedAt, result));
