import type { TieBreaker } from '../../shared/contracts/matching.ts';
import type { RankTally } from '../../shared/matching/ranking.ts';

/**
 * The policy preview's numbering, done in the app on the pairs as the database packs them
 * (`tallyChanges`): a vacancy's eligible pairs, one big-endian int4 per pair in each field, in the
 * same order — the household's file number, its points under the policy in force and under the
 * proposed one (-1: no candidate there), its three tie-breaker values (days, -1 for none).
 * PostgreSQL sorted these millions of rows twice with one CPU per statement; here each vacancy's
 * candidates are sorted on a 64-bit key natively, the comparison in a function only for the rare
 * runs the key cannot order alone.
 */
export type PackedVacancy = {
  fileNumbers: Uint8Array;
  before: Uint8Array;
  after: Uint8Array;
} & Record<TieBreaker, Uint8Array>;

// The rank key, ascending: points (19 bits, at most 497 000 under the policy's bounds) and the first
// tie-breaker (21 bits, as `packedTies` caps it), each complemented so that larger comes first, then
// the household's place in id order (23 bits): 63 bits, a non-negative int64.
const POINT_BITS = 19;
const TIE_BITS = 21;
const PLACE_BITS = 23;
const MAX_POINTS = 2 ** POINT_BITS - 1;
const MAX_TIE = 2 ** TIE_BITS - 1;
/** Households a territory's preview can number on the key (8 388 608). */
const MAX_TALLIED_HOUSEHOLDS = 2 ** PLACE_BITS;

// The keys are written through a Uint32Array view of an int64 array, low half first; the int4s read
// by swapping their bytes in place.
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1)
  throw new Error('Processeur little-endian attendu.');

/** Big-endian int4s as numbers (copied to an aligned buffer, then byte-swapped there). */
function int32s(bytes: Uint8Array): Int32Array {
  const values = new Int32Array(bytes.byteLength / 4);
  const raw = new Uint8Array(values.buffer);
  raw.set(bytes);
  Buffer.from(values.buffer).swap32();
  return values;
}

/** A tie-breaker's value as `packedTies` compares it: one more than the days, capped. */
const tieValue = (days: number) => Math.min(days + 1, MAX_TIE);

/** The file numbers of packed pairs (to learn their households' ids before numbering). */
export function packedFileNumbers(vacancies: readonly PackedVacancy[]): Set<number> {
  const numbers = new Set<number>();
  for (const v of vacancies) for (const n of int32s(v.fileNumbers)) numbers.add(n);
  return numbers;
}

/**
 * The candidates of one vacancy under one policy, in rank order (pair indices): points, then the
 * tie-breakers in the policy's order (larger first), then the household's id (smaller first) — the
 * order of `rankOrder` and of the pure ranking. `pairAt` gives the vacancy's pair of a place.
 */
function rankedPairs(
  place: Int32Array,
  points: Int32Array,
  ties: readonly Int32Array[],
  pairAt: Int32Array,
): Int32Array {
  const n = place.length;
  const keys = new BigInt64Array(n);
  // Written as two 32-bit halves: no BigInt is built per pair.
  const halves = new Uint32Array(keys.buffer);
  const [first, ...rest] = ties;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    if (p < 0) continue;
    const a = MAX_POINTS - p;
    const b = first ? MAX_TIE - tieValue(first[i]!) : 0;
    // a·2^44 + b·2^23 + place: high half a·2^12 + b's top 12 bits, low half b's low 9 bits and the place.
    halves[count * 2 + 1] = a * 2 ** 12 + Math.floor(b / 2 ** 9);
    halves[count * 2] = ((b % 2 ** 9) * 2 ** PLACE_BITS + place[i]!) >>> 0;
    count++;
  }
  keys.subarray(0, count).sort();
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = pairAt[halves[k * 2]! % MAX_TALLIED_HOUSEHOLDS]!;
  if (rest.length === 0) return order;
  // Equal points and first tie-breaker (the key but its place): the next tie-breakers decide, then the id.
  const same = (k: number, j: number) =>
    halves[k * 2 + 1] === halves[j * 2 + 1] &&
    halves[k * 2]! >>> PLACE_BITS === halves[j * 2]! >>> PLACE_BITS;
  const byRest = (x: number, y: number) => {
    for (const tie of rest) {
      const d = tieValue(tie[y]!) - tieValue(tie[x]!);
      if (d !== 0) return d;
    }
    return place[x]! - place[y]!;
  };
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && same(end, start)) end++;
    if (end - start > 1) order.subarray(start, end).sort(byRest);
    start = end;
  }
  return order;
}

/**
 * Every household's tally (candidacies, sum of ranks, places in the first three) under the policy
 * in force and the proposed one, over the packed pairs of some vacancies; households by their place
 * in `placeOf` (file number → place in id order).
 */
export function tallyPackedPairs(
  vacancies: readonly PackedVacancy[],
  placeOf: ReadonlyMap<number, number>,
  tieBreakers: { before: readonly TieBreaker[]; after: readonly TieBreaker[] },
): { before: RankTally[]; after: RankTally[] } {
  if (placeOf.size > MAX_TALLIED_HOUSEHOLDS) throw new Error('Trop de ménages pour l’aperçu.');
  const empty = () =>
    Array.from({ length: placeOf.size }, () => ({ candidacies: 0, rankSum: 0, topThree: 0 }));
  const tallies = { before: empty(), after: empty() };
  // Each household's pair in the vacancy at hand, by place (a vacancy holds a household once).
  const pairAt = new Int32Array(placeOf.size);
  for (const v of vacancies) {
    const place = int32s(v.fileNumbers).map((fileNumber) => placeOf.get(fileNumber)!);
    place.forEach((p, i) => (pairAt[p] = i));
    const ties = new Map<TieBreaker, Int32Array>();
    for (const side of ['before', 'after'] as const) {
      const tieColumns = tieBreakers[side].map((t) => {
        if (!ties.has(t)) ties.set(t, int32s(v[t]));
        return ties.get(t)!;
      });
      const order = rankedPairs(place, int32s(v[side]), tieColumns, pairAt);
      for (let k = 0; k < order.length; k++) {
        const t = tallies[side][place[order[k]!]!]!;
        t.candidacies++;
        t.rankSum += k + 1;
        if (k < 3) t.topThree++;
      }
    }
  }
  return tallies;
}
