/**
 * Housing-benefit estimator throughput: the pure function in-process, then the batch endpoint
 * (app built in-process on a temporary PGlite, batches of 10 000 through app.inject).
 * Run: node --import tsx bench/housing-benefit.ts → bench/results/<date>-housing-benefit.json
 */
import { estimateHousingBenefit } from '../src/shared/calculators/housing-benefit.ts';
import { buildScaleSet } from '../src/shared/calculators/housing-benefit-scales.ts';
import { loadFileScales } from '../src/modules/calculators/scales.repository.ts';
import type { THousingBenefitInput } from '../src/shared/contracts/calculators.ts';
import {
  batchRouteThroughput,
  currentCommit,
  loadAverage,
  machine,
  pureThroughput,
  writeResult,
} from './harness.ts';

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

const startedAt = new Date();
const loadAtStart = loadAverage();
const data = inputs(200_000);
const set = buildScaleSet(loadFileScales());
const inProcess = {
  what: 'estimateHousingBenefit on parsed inputs, the shipped scales',
  ...pureThroughput(data.length, () => data.filter((input) => !estimateHousingBenefit(input, set).ok).length),
};
const batchEndpoint = await batchRouteThroughput('/api/calculators/housing-benefit/batch', data);
const result = {
  machine: machine(loadAtStart),
  commit: await currentCommit(),
  date: startedAt.toISOString(),
  inProcess,
  batchEndpoint,
};
console.log(JSON.stringify(result, null, 2));
console.log(writeResult('housing-benefit', startedAt, result));
