/**
 * Social-housing eligibility throughput (issue 12: ≥ 100 000 answers/s in-process): the pure function
 * on parsed requests, the batch as the route computes it in-process (each raw body validated by the
 * route's schema, then answered: `answerEligibility`), then the batch endpoint (app built in-process
 * on a temporary PGlite, batches of 10 000 bodies through app.inject).
 * Run: node --import tsx bench/eligibility.ts → bench/results/<date>-eligibility.json
 */
import {
  answerEligibility,
  socialHousingEligibility,
} from '../src/shared/calculators/social-housing-eligibility.ts';
import { CEILING_ZONES, HOUSING_FINANCINGS } from '../src/shared/calculators/social-housing-ceilings.ts';
import {
  ZSocialHousingEligibilityInput,
  type TSocialHousingEligibilityInput,
} from '../src/shared/contracts/calculators.ts';
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

const startedAt = new Date();
const loadAtStart = loadAverage();
const data = bodies(200_000);
const requests = data.map((body) => ZSocialHousingEligibilityInput.parse(body));
const pureFunction = {
  what: 'socialHousingEligibility on parsed requests (no schema validation)',
  ...pureThroughput(requests.length, () => requests.filter((r) => !socialHousingEligibility(r).ok).length),
};
const batchInProcess = {
  what: 'answerEligibility on raw bodies, as the batch route computes each item (schema, then answer)',
  ...pureThroughput(data.length, () => data.filter((b) => 'error' in answerEligibility(b)).length),
};
const batchEndpoint = await batchRouteThroughput('/api/calculators/social-housing-eligibility/batch', data);
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
