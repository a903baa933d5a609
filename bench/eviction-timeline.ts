/**
 * Eviction-timeline calculator throughput: the pure function in-process, then the batch endpoint
 * (app built in-process on a temporary PGlite, batches of 10 000 bodies through app.inject, each
 * body validated on its own as the route does).
 * Run: node --import tsx bench/eviction-timeline.ts → bench/results/<date>-eviction-timeline.json
 */
import { evictionTimeline } from '../src/shared/calculators/eviction-timeline.ts';
import { ZEvictionTimelineInput, type TEvictionTimelineInput } from '../src/shared/contracts/calculators.ts';
import { addMonths } from '../src/shared/measures/scheme-rules.ts';
import { addDays } from '../src/shared/time.ts';
import {
  batchRouteThroughput,
  currentCommit,
  loadAverage,
  machine,
  pureThroughput,
  writeResult,
} from './harness.ts';
import { seededRandom } from './random.ts';

/**
 * A deterministic, varied set: leases from 2015 to 2026 (both commandement regimes), both landlord
 * kinds and the three payees, up to 12 monthly balances from 2025 to 2027 (both impayé regimes), a
 * random prefix of the procedure's steps; one body in a hundred has its balances reversed (422).
 */
function bodies(count: number): TEvictionTimelineInput[] {
  const next = seededRandom(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const day = (from: string, spanDays: number) => addDays(from, Math.floor(next() * spanDays));
  return Array.from({ length: count }, () => {
    const signedOn = day('2015-01-01', 12 * 365);
    const rent = Math.round(250 + next() * 600);
    const firstDebt = day(signedOn > '2025-01-01' ? signedOn : '2025-01-01', 2 * 365);
    const balances = Array.from({ length: Math.floor(next() * 13) }, (_, i) => ({
      on: addMonths(firstDebt, i),
      amount: Math.round(next() * 2 * rent * 100) / 100,
    }));
    if (next() < 0.01) balances.reverse();
    const steps: Record<string, string> = {};
    let at = addDays(firstDebt, 20);
    for (const step of [
      'commandementServedOn',
      'assignationServedOn',
      'hearingOn',
      'cqlServedOn',
      'cfpRequestedOn',
    ]) {
      if (next() < 0.3) break;
      steps[step] = at;
      at = addDays(at, 30 + Math.floor(next() * 200));
    }
    if (next() < 0.5) steps.cafSignalledOn = addDays(firstDebt, Math.floor(next() * 90));
    if (next() < 0.3) steps.ccapexReferredOn = addDays(firstDebt, Math.floor(next() * 120));
    return {
      lease: { signedOn, landlord: pick(['legal_person', 'natural_person'] as const) },
      rent: {
        monthlyRent: rent,
        monthlyCharges: Math.round(next() * 150),
        monthlyHousingBenefit: Math.round(next() * rent * 0.6),
        benefitPaidTo: pick(['landlord', 'tenant', 'none'] as const),
      },
      balances,
      steps,
    };
  });
}

const startedAt = new Date();
const loadAtStart = loadAverage();
const data = bodies(200_000);
const requests = data.map((body) => ZEvictionTimelineInput.parse(body));
const inProcess = {
  what: 'evictionTimeline on parsed requests (no schema validation)',
  ...pureThroughput(requests.length, () => requests.filter((r) => !evictionTimeline(r).ok).length),
};
const batchEndpoint = await batchRouteThroughput('/api/calculators/eviction-timeline/batch', data);
const result = {
  machine: machine(loadAtStart),
  commit: await currentCommit(),
  date: startedAt.toISOString(),
  inProcess,
  batchEndpoint,
};
console.log(JSON.stringify(result, null, 2));
console.log(writeResult('eviction-timeline', startedAt, result));
