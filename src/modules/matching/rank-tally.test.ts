import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TIE_BREAKERS, type TieBreaker } from '../../shared/contracts/matching.ts';
import type { RankTally } from '../../shared/matching/ranking.ts';
import { packedFileNumbers, tallyPackedPairs, type PackedVacancy } from './rank-tally.ts';

/** A pair as the database packs it: file number, points before and after (-1: no candidate), three ties. */
type Pair = [number, number, number, number, number, number];
const TIE_INDEX: Record<TieBreaker, 3 | 4 | 5> = { time_in_shelter: 3, demand_age: 4, dalo_decision: 5 };

/** A field of the pairs as the database sends it: big-endian int4s, one after the other. */
const column = (pairs: readonly Pair[], field: number) => {
  const bytes = new Uint8Array(pairs.length * 4);
  const view = new DataView(bytes.buffer);
  pairs.forEach((pair, i) => view.setInt32(i * 4, pair[field]!));
  return bytes;
};
const pack = (pairs: readonly Pair[]): PackedVacancy => ({
  fileNumbers: column(pairs, 0),
  before: column(pairs, 1),
  after: column(pairs, 2),
  time_in_shelter: column(pairs, 3),
  demand_age: column(pairs, 4),
  dalo_decision: column(pairs, 5),
});

/** The ranking spelt out: points, then each tie-breaker (one more than the days, capped), then the place. */
function expectedTallies(
  vacancies: readonly (readonly Pair[])[],
  placeOf: ReadonlyMap<number, number>,
  side: 1 | 2,
  ties: readonly TieBreaker[],
): RankTally[] {
  const tie = (pair: Pair, t: TieBreaker) => Math.min(pair[TIE_INDEX[t]] + 1, 2 ** 21 - 1);
  const tallies = Array.from({ length: placeOf.size }, () => ({ candidacies: 0, rankSum: 0, topThree: 0 }));
  for (const pairs of vacancies) {
    const ranked = pairs
      .filter((p) => p[side] >= 0)
      .sort(
        (x, y) =>
          y[side] - x[side] ||
          ties.map((t) => tie(y, t) - tie(x, t)).find((d) => d !== 0) ||
          placeOf.get(x[0])! - placeOf.get(y[0])!,
      );
    ranked.forEach((pair, k) => {
      const t = tallies[placeOf.get(pair[0])!]!;
      t.candidacies++;
      t.rankSum += k + 1;
      if (k < 3) t.topThree++;
    });
  }
  return tallies;
}

// Few distinct values, so that points and tie-breakers are often equal and the later ones decide;
// the bounds too (the most points a policy gives, ties past the cap).
const points = fc.oneof(fc.constantFrom(-1, 0, 497_000), fc.integer({ min: -1, max: 3 }));
const days = fc.oneof(fc.constantFrom(-1, 2 ** 21, 2 ** 22), fc.integer({ min: -1, max: 2 }));
const households = 12;
const vacancy = fc
  .subarray(
    Array.from({ length: households }, (_, h) => 500 + h),
    { minLength: 0 },
  )
  .chain((fileNumbers) =>
    fc.tuple(
      ...fileNumbers.map((n) =>
        fc.tuple(fc.constant(n), points, points, days, days, days).map((p) => p as Pair),
      ),
    ),
  );
const ties = fc.shuffledSubarray([...TIE_BREAKERS]);

describe('tallyPackedPairs', () => {
  it('numbers each vacancy as the ranking orders it and adds up every household', () => {
    fc.assert(
      fc.property(
        fc.array(vacancy, { maxLength: 5 }),
        ties,
        ties,
        fc.shuffledSubarray(
          Array.from({ length: households }, (_, h) => h),
          { minLength: households },
        ),
        (vacancies, before, after, places) => {
          // Households' places in id order, unrelated to their file numbers.
          const placeOf = new Map(places.map((place, h) => [500 + h, place]));
          const packed = vacancies.map(pack);
          const got = tallyPackedPairs(packed, placeOf, { before, after });
          expect(got.before).toEqual(expectedTallies(vacancies, placeOf, 1, before));
          expect(got.after).toEqual(expectedTallies(vacancies, placeOf, 2, after));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the file numbers of the packed pairs', () => {
    const pairs: Pair[] = [
      [7, 1, -1, 0, 0, 0],
      [9, -1, 2, 0, 0, 0],
    ];
    expect([...packedFileNumbers([pack(pairs), pack([pairs[0]!])])]).toEqual([7, 9]);
  });
});
