/**
 * Housing-benefit estimator throughput: the pure function in-process, then the batch endpoint
 * (app built in-process on a temporary PGlite, batches of 10 000 through app.inject).
 * Run: node --import tsx bench/housing-benefit.ts → bench/results/housing-benefit.json
 */
import { cpus, totalmem, platform, release, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/kernel/db.ts';
import { estimateHousingBenefit } from '../src/shared/calculators/housing-benefit.ts';
import { buildScaleSet } from '../src/shared/calculators/housing-benefit-scales.ts';
import { loadFileScales } from '../src/modules/calculators/scales.repository.ts';
import type { THousingBenefitInput } from '../src/shared/contracts/calculators.ts';

const BATCH = 10_000;

/** A deterministic, varied set: every zone, composition, dwelling kind and period from 2021 to 2026. */
function inputs(count: number): THousingBenefitInput[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const year = 2021 + Math.floor(next() * 6);
    const month = 1 + Math.floor(next() * (year === 2026 ? 9 : 12));
    const room = next() < 0.1;
    return {
      period: `${year}-${String(month).padStart(2, '0')}`,
      zone: (1 + Math.floor(next() * 3)) as 1 | 2 | 3,
      monthlyRent: Math.round(150 + next() * 1000),
      couple: next() < 0.4,
      dependants: Math.floor(next() * next() * 8),
      annualResources: Math.round(next() * 40_000 * 100) / 100,
      conventioned: next() < 0.4,
      furnished: next() < 0.2,
      flatShare: !room && next() < 0.1,
      room,
      disabledMember: next() < 0.05,
    };
  });
}

function machine() {
  const list = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function benchPure(data: THousingBenefitInput[]) {
  const set = buildScaleSet(loadFileScales());
  let outOfScope = 0;
  for (const input of data.slice(0, 20_000)) estimateHousingBenefit(input, set); // warm-up
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const input of data) if (!estimateHousingBenefit(input, set).ok) outOfScope++;
    rounds.push(data.length / ((performance.now() - start) / 1000));
  }
  rounds.sort((a, b) => a - b);
  return {
    estimates: data.length,
    rounds: rounds.length,
    medianPerSecond: Math.round(rounds[2]!),
    bestPerSecond: Math.round(rounds.at(-1)!),
    outOfScopeShare: Math.round((outOfScope / (data.length * rounds.length)) * 1000) / 1000,
  };
}

async function benchBatch(data: THousingBenefitInput[]) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pgdata') });
  const config = { ...loadConfig({}), loadDemo: false, smtpUrl: undefined, databaseUrl: undefined };
  const app = await buildApp({ config, database, db: database.db, clock: () => new Date() });
  await app.ready();
  try {
    const payload = JSON.stringify(data.slice(0, BATCH));
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/api/calculators/housing-benefit/batch',
        headers: { 'content-type': 'application/json' },
        payload,
      });
    const warm = await post();
    if (warm.statusCode !== 200)
      throw new Error(`batch answered ${warm.statusCode}: ${warm.body.slice(0, 300)}`);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const res = await post();
      timings.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`batch answered ${res.statusCode}`);
    }
    timings.sort((a, b) => a - b);
    return {
      transport: 'app.inject (no socket), PGlite, JSON body built once',
      batchSize: BATCH,
      requestBytes: Buffer.byteLength(payload),
      responseBytes: Buffer.byteLength(warm.body),
      batches: timings.length,
      medianBatchMs: Math.round(timings[2]!),
      medianEstimatesPerSecond: Math.round(BATCH / (timings[2]! / 1000)),
    };
  } finally {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const data = inputs(200_000);
const result = { machine: machine(), inProcess: benchPure(data), batchEndpoint: await benchBatch(data) };
const out = join(dirname(fileURLToPath(import.meta.url)), 'results/housing-benefit.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
