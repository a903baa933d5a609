import type { HousingSituation, Relationship } from '../contracts/household-enums.ts';
import {
  ALLOCATING_DECISIONS,
  type CommissionDecision,
  type ProposalAnswer,
} from '../contracts/designations.ts';
import {
  COMPOSITIONS,
  FAIRNESS_DIMENSIONS,
  FAIRNESS_MEASURES,
  INCOME_BANDS,
  ORIGINS,
  PRIORITY_STATUSES,
  SMALL_CELL_THRESHOLD,
  type Composition,
  type FairnessDimension,
  type FairnessMeasure,
  type IncomeBand,
  type Origin,
  type PriorityStatus,
  type TFairnessRow,
  type TFairnessTable,
} from '../contracts/fairness.ts';
import { ageOn, consumptionUnitTenths } from '../calculators/budget.ts';
import { daysBetween } from '../alerts/rules.ts';

/**
 * The fairness view's pure rules (issue 12 point 6; allocation-rules.md §4.7, §4.10, §6.4): each
 * proposal's household profile, the counts per profile value, the time from ready to allocation, and
 * the small-cell suppression that keeps a small group of households from being singled out.
 */

/** What the view needs of one proposal; the household's facts as they stand when read. */
/** The household as it was on the day it was proposed (kept with the proposal). */
export interface ProposalProfile {
  members: readonly { relationship: Relationship; birthDate: string | null }[];
  monthlyResourcesCents: number;
  housingSituation: HousingSituation;
  daloRecognised: boolean;
  priorityCategories: readonly string[];
  /** When the household entered the pool as ready (the project's opening). */
  readySince: string;
}

export interface ProposalFact extends ProposalProfile {
  /** The pool the household was proposed from (its holder owns the household's cells). */
  poolOrganisationId: string;
  vacancyId: string;
  designatedOn: string;
  answer: ProposalAnswer | null;
  decision: CommissionDecision | null;
  /** The rank an allocation by classement gives. */
  decisionRank: number | null;
  decidedOn: string | null;
}

// ---------------------------------------------------------------------------------------------
// The household's profile

/** By the relationships of the file: one or two adults (a spouse), with or without children. */
export function composition(members: ProposalFact['members']): Composition {
  const children = members.filter((m) => m.relationship === 'child').length;
  const adults = members.length - children;
  const spouses = members.filter((m) => m.relationship === 'spouse').length;
  if (adults === 1) return children > 0 ? 'single_parent' : 'single';
  if (adults === 2 && spouses === 1) return children > 0 ? 'couple_with_children' : 'couple';
  return 'other';
}

/** Lower bounds of the bands, in euros per consumption unit per month. */
const INCOME_BAND_FLOORS: readonly [IncomeBand, number][] = [
  ['from_1300', 1300],
  ['from_900', 900],
  ['from_500', 500],
];

/**
 * Monthly resources per consumption unit (OECD modified scale, ages on the designation day) rather
 * than the ratio to the PLAI ceiling: the ceiling depends on the dwelling's zone and financing, so one
 * household would change band from one proposal to the next, and the file's resources are always
 * there whereas the project's tax figures may be missing. The floors bracket the RSA of a person
 * alone (about 650 €) and the poverty line (about 1 300 € per unit).
 */
export function incomeBand(
  fact: Pick<ProposalFact, 'members' | 'monthlyResourcesCents' | 'designatedOn'>,
): IncomeBand {
  if (fact.monthlyResourcesCents <= 0 || fact.members.length === 0) return 'none';
  const tenths = consumptionUnitTenths(
    fact.members.map((m) => ({ relationship: m.relationship, age: ageOn(m.birthDate, fact.designatedOn) })),
    'oecd_modified',
  );
  const euros = (fact.monthlyResourcesCents * 10) / tenths / 100;
  return INCOME_BAND_FLOORS.find(([, floor]) => euros >= floor)?.[0] ?? 'under_500';
}

/** DALO first (it comes before every L441-1 category), then any L441-1 category. */
export const priorityStatus = (
  fact: Pick<ProposalFact, 'daloRecognised' | 'priorityCategories'>,
): PriorityStatus =>
  fact.daloRecognised ? 'dalo' : fact.priorityCategories.length > 0 ? 'priority_category' : 'none';

const ORIGIN_OF: Partial<Record<HousingSituation, Origin>> = {
  shelter: 'shelter',
  chrs: 'shelter',
  hotel: 'hotel',
  street: 'street',
  hosted_by_third_party: 'hosted',
};
export const origin = (situation: HousingSituation): Origin => ORIGIN_OF[situation] ?? 'other';

export function profileOf(fact: ProposalFact): Record<FairnessDimension, string> {
  return {
    composition: composition(fact.members),
    income: incomeBand(fact),
    priority: priorityStatus(fact),
    origin: origin(fact.housingSituation),
  };
}

// ---------------------------------------------------------------------------------------------
// What a proposal counts for

const refusedByHousehold = (fact: ProposalFact) => fact.answer === 'refused' || fact.answer === 'silence';

/**
 * The proposals an allocation by classement gives the dwelling to (R441-3, 2°): on each vacancy, the
 * best-ranked one whose household did not refuse the offer; the households ranked behind it get
 * nothing, however many the commission ranked.
 */
export function allocatedByRank(facts: readonly ProposalFact[]): Set<ProposalFact> {
  const best = new Map<string, ProposalFact>();
  for (const fact of facts) {
    if (fact.decision !== 'allocation_by_rank' || fact.decisionRank === null || refusedByHousehold(fact))
      continue;
    const current = best.get(fact.vacancyId);
    if (!current || fact.decisionRank < current.decisionRank!) best.set(fact.vacancyId, fact);
  }
  return new Set(best.values());
}

/**
 * The measures a proposal counts in. An allocation is an allocating decision the household did not
 * refuse (silence is a refusal, R441-10): a refused offer gives no dwelling; an allocation by
 * classement counts only for the proposal it gives the dwelling to (`allocatedByRank`). Its delay runs
 * from the pool's opening to the decision.
 */
export function countsOf(
  fact: ProposalFact,
  byRank: ReadonlySet<ProposalFact>,
): { measures: FairnessMeasure[]; delayDays: number | null } {
  const householdRefused = refusedByHousehold(fact);
  const allocated =
    fact.decision !== null &&
    ALLOCATING_DECISIONS.includes(fact.decision) &&
    !householdRefused &&
    (fact.decision !== 'allocation_by_rank' || byRank.has(fact));
  const delayDays =
    allocated && fact.decidedOn ? Math.max(0, daysBetween(fact.readySince, fact.decidedOn)) : null;
  const measures: FairnessMeasure[] = ['proposals'];
  if (householdRefused) measures.push('householdRefusals');
  if (fact.decision === 'landlord_refusal') measures.push('landlordRefusals');
  if (fact.decision === 'non_allocation' || fact.decision === 'rejection')
    measures.push('commissionRefusals');
  if (allocated) measures.push('allocations');
  if (delayDays !== null) measures.push('allocationDelays');
  return { measures, delayDays };
}

/** The median of whole days, the mean of the two middle values rounded up when even. */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.ceil((sorted[mid - 1]! + sorted[mid]!) / 2);
}

// ---------------------------------------------------------------------------------------------
// Cells and their suppression

/** One count before suppression: how many, and whether the reader's pool holds every household in it. */
export interface Cell {
  count: number;
  owned: boolean;
}

/** A group of cells that add up to a total: one measure of one table, its rows and the total row. */
interface Group {
  cells: Cell[];
  masked: boolean[];
}

/** Primary suppression: 1 to 4, unless every household behind it is in the reader's own pool. */
export const isSmallCell = (cell: Cell): boolean =>
  cell.count > 0 && cell.count < SMALL_CELL_THRESHOLD && !cell.owned;

/**
 * Complementary suppression, for one measure: its total and one group per table. A group whose total
 * is shown must not have exactly one masked cell (the total minus the others would give it back): the
 * next smallest non-zero cell the reader does not wholly hold is masked too (one it holds would hide
 * nothing from it). Masking a cell rather than the total keeps the total, which every table shares;
 * only when no such cell exists is the total masked — and then every table must keep a masked cell,
 * or its shown cells would add up to the total. Repeated until nothing changes.
 */
export function suppress(total: Cell, groups: readonly Cell[][]): { total: boolean; cells: boolean[][] } {
  const gs: Group[] = groups.map((cells) => ({ cells, masked: cells.map(isSmallCell) }));
  let totalMasked = isSmallCell(total);
  const maskNextSmallest = (g: Group): boolean => {
    let pick = -1;
    g.cells.forEach((c, i) => {
      if (!g.masked[i] && c.count > 0 && !c.owned && (pick < 0 || c.count < g.cells[pick]!.count)) pick = i;
    });
    if (pick >= 0) g.masked[pick] = true;
    return pick >= 0;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const g of gs) {
      const maskedCount = g.masked.filter(Boolean).length;
      if (!totalMasked && maskedCount === 1) {
        if (!maskNextSmallest(g)) totalMasked = true;
        changed = true;
      } else if (totalMasked && maskedCount === 0 && total.count > 0) {
        changed = maskNextSmallest(g) || changed;
      }
    }
  }
  return { total: totalMasked, cells: gs.map((g) => g.masked) };
}

// ---------------------------------------------------------------------------------------------
// The view

interface Tally {
  counts: Record<FairnessMeasure, Cell>;
  delays: number[];
}

const emptyTally = (): Tally => ({
  counts: Object.fromEntries(FAIRNESS_MEASURES.map((m) => [m, { count: 0, owned: true }])) as Record<
    FairnessMeasure,
    Cell
  >,
  delays: [],
});

const DIMENSION_VALUES: Record<FairnessDimension, readonly string[]> = {
  composition: COMPOSITIONS,
  income: INCOME_BANDS,
  priority: PRIORITY_STATUSES,
  origin: ORIGINS,
};

/**
 * The four tables and the total of the proposals read, suppressed for the reader whose organisation
 * is `ownPool` (null: a reader holding no pool, for whom every small count is masked).
 */
export function fairnessTables(
  facts: readonly ProposalFact[],
  ownPool: string | null,
): { total: TFairnessRow; tables: TFairnessTable[] } {
  const total = emptyTally();
  const tallies = Object.fromEntries(
    FAIRNESS_DIMENSIONS.map((d) => [d, DIMENSION_VALUES[d].map(emptyTally)]),
  ) as Record<FairnessDimension, Tally[]>;
  const byRank = allocatedByRank(facts);
  for (const fact of facts) {
    const profile = profileOf(fact);
    const { measures, delayDays } = countsOf(fact, byRank);
    const owned = fact.poolOrganisationId === ownPool;
    const add = (t: Tally) => {
      for (const m of measures) {
        t.counts[m].count += 1;
        t.counts[m].owned &&= owned;
      }
      if (delayDays !== null) t.delays.push(delayDays);
    };
    add(total);
    for (const d of FAIRNESS_DIMENSIONS) add(tallies[d][DIMENSION_VALUES[d].indexOf(profile[d])]!);
  }

  const masks = Object.fromEntries(
    FAIRNESS_MEASURES.map((m) => [
      m,
      suppress(
        total.counts[m],
        FAIRNESS_DIMENSIONS.map((d) => tallies[d].map((t) => t.counts[m])),
      ),
    ]),
  ) as Record<FairnessMeasure, ReturnType<typeof suppress>>;

  const row = (t: Tally, masked: (m: FairnessMeasure) => boolean): TFairnessRow => ({
    counts: Object.fromEntries(
      FAIRNESS_MEASURES.map((m) => [m, masked(m) ? null : t.counts[m].count]),
    ) as TFairnessRow['counts'],
    // The median of a masked group is masked with its count.
    medianDaysToAllocation: masked('allocationDelays') ? null : medianDays(t.delays),
  });

  return {
    total: row(total, (m) => masks[m].total),
    tables: FAIRNESS_DIMENSIONS.map((d, di) => ({
      dimension: d,
      rows: tallies[d].map((t, vi) => ({
        value: DIMENSION_VALUES[d][vi]!,
        ...row(t, (m) => masks[m].cells[di]![vi]!),
      })),
    })) as TFairnessTable[],
  };
}
