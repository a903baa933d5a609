import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { proposeOn } from '../helpers/proposal-fixtures.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { systemContext } from '../../src/kernel/context.ts';
import { housingProjects } from '../../src/modules/housing-pool/schema.ts';
import { vacancyRanking, tallyChanges } from '../../src/modules/matching/matches.repository.ts';
import {
  openVacanciesIn,
  poolHouseholds,
  visibleAmong,
  type MatchingVacancy,
} from '../../src/modules/matching/matching.repository.ts';
import { currentPairsIn, currentPairsOf, refreshAllPairs } from '../../src/modules/matching/pairs.ts';
import { matchingBasis, rankVacancy } from '../../src/modules/matching/rank-vacancy.ts';
import {
  matchingStaleHouseholds,
  vacancyMatches,
  vacancyMatchRuns,
  vacancyProposals,
} from '../../src/modules/matching/schema.ts';
import { vacancies } from '../../src/modules/vacancies/schema.ts';
import { conventionAt } from '../../src/modules/budget/index.ts';
import { budgetConventions } from '../../src/modules/budget/schema.ts';
import { housingBenefitScales } from '../../src/modules/calculators/schema.ts';
import { TIE_BREAKERS, type TMatchingPolicyParams } from '../../src/shared/contracts/matching.ts';
import { DEFAULT_POLICY } from '../../src/shared/matching/policy.ts';
import { policyMoves, type Ranking } from '../../src/shared/matching/ranking.ts';
import { addDays } from '../../src/shared/time.ts';
import { parisDate } from '../../src/shared/time.ts';

/**
 * The kept pairs (ADR 0033) against the pure ranking they stand for: on the demo territory, every open
 * vacancy ranked in SQL under random policies gives the ranks and points `rankHouseholds` gives, and
 * the preview's tallies are the ones the pure rankings give; then what keeps the pairs current.
 */

const points = fc.integer({ min: 0, max: 200 });
const arbitraryPolicy: fc.Arbitrary<TMatchingPolicyParams> = fc.record({
  weights: fc.record({
    dalo: points,
    perPriorityCategory: points,
    perShelterMonth: fc.integer({ min: 0, max: 10 }),
    perDemandMonth: fc.integer({ min: 0, max: 10 }),
    effortWithinThreshold: points,
    resteAVivreAboveThreshold: points,
    usualTypology: points,
    wishedCommune: points,
    supportInPlace: points,
    adaptedDwelling: points,
  }),
  caps: fc.record({
    priorityCategories: fc.integer({ min: 1, max: 10 }),
    shelterMonths: fc.integer({ min: 0, max: 120 }),
    demandMonths: fc.integer({ min: 0, max: 120 }),
  }),
  thresholds: fc.record({
    effortRatePercent: fc.double({ min: 5, max: 80, noNaN: true }),
    resteAVivrePerUnitPerDayCents: fc.integer({ min: 0, max: 3000 }),
  }),
  coolOffDays: fc.integer({ min: 0, max: 60 }),
  tieBreakers: fc.shuffledSubarray([...TIE_BREAKERS]),
});

/** No points at all: the tie-breakers alone order the candidates, in each of their orders. */
const tieBreakersOnly: TMatchingPolicyParams[] = TIE_BREAKERS.flatMap((first) =>
  TIE_BREAKERS.filter((by) => by !== first).map((second) => ({
    ...DEFAULT_POLICY,
    weights: Object.fromEntries(
      Object.keys(DEFAULT_POLICY.weights).map((k) => [k, 0]),
    ) as TMatchingPolicyParams['weights'],
    tieBreakers: [first, second, ...TIE_BREAKERS.filter((by) => by !== first && by !== second)],
  })),
);

describe('the kept pairs of the demo territory', () => {
  let t: TestApp;
  const ctx = () => systemContext(t.deps.db, t.deps.config, t.deps.clock());
  let open: (MatchingVacancy & { departementId: string })[];
  let departementId: string;
  let holders: string[];

  /** Every open vacancy ranked by the pure function over the whole pool, under a policy. */
  async function pureRankings(p: TMatchingPolicyParams): Promise<Map<string, Ranking>> {
    const basis = await matchingBasis(ctx(), departementId);
    const rows = await poolHouseholds(t.deps.db, departementId);
    return new Map(open.map((v) => [v.id, rankVacancy(v, rows, basis, { version: 1, params: p })]));
  }

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.deps.db, { now: t.deps.clock() });
    const [any] = await t.deps.db.select().from(vacancies).where(eq(vacancies.status, 'open'));
    departementId = any!.departementId!;
    open = (await openVacanciesIn(t.deps.db, departementId)).map((v) => ({ ...v, departementId }));
    holders = [
      ...new Set(
        (await t.deps.db.select({ id: housingProjects.poolOrganisationId }).from(housingProjects)).map(
          (r) => r.id,
        ),
      ),
    ];
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(holders.length).toBe(3);

    // A household refused a dwelling of the first vacancy's typology ten days ago: the cool-off of
    // some policies covers it, of others not.
    const [candidate] = await t.deps.db
      .select({ householdId: vacancyMatches.householdId })
      .from(vacancyMatches)
      .where(eq(vacancyMatches.vacancyId, open[0]!.id))
      .limit(1);
    await currentPairsOf(ctx(), open[0]!);
    const [pair] = await t.deps.db
      .select({ householdId: vacancyMatches.householdId })
      .from(vacancyMatches)
      .where(and(eq(vacancyMatches.vacancyId, open[0]!.id), eq(vacancyMatches.eligible, true)))
      .limit(1);
    expect(candidate).toBeUndefined();
    const [source] = await t.deps.db.select().from(vacancies).where(eq(vacancies.id, open[0]!.id));
    const [past] = await t.deps.db
      .insert(vacancies)
      .values({ ...source!, id: undefined, status: 'withdrawn', endedAt: new Date() })
      .returning({ id: vacancies.id });
    const today = parisDate(t.deps.clock());
    const proposalId = await proposeOn(t.deps.db, {
      vacancyId: past!.id,
      householdId: pair!.householdId,
      designatedByOrganisationId: holders[0]!,
      designatedOn: addDays(today, -20),
      answerDue: addDays(today, -8),
    });
    await t.deps.db
      .update(vacancyProposals)
      .set({ answer: 'refused', answerReason: 'location', answeredOn: addDays(today, -10) })
      .where(eq(vacancyProposals.id, proposalId));
  });
  afterAll(() => t?.close());

  it('ranks every open vacancy in SQL as the pure ranking does, under any policy', async () => {
    await currentPairsIn(ctx(), departementId);
    const today = parisDate(t.deps.clock());
    const policies = [
      DEFAULT_POLICY,
      ...tieBreakersOnly,
      ...fc.sample(arbitraryPolicy, { numRuns: 12, seed: 33 }),
    ];
    let compared = 0;
    for (const p of policies) {
      const pure = await pureRankings(p);
      for (const v of open) {
        const expected = pure.get(v.id)!;
        for (const organisationId of holders) {
          const reader = { organisationId, at: t.deps.clock() };
          const every = { page: 1, excludedPage: 1, pageSize: 100_000 };
          const {
            eligible,
            candidateCount,
            excludedCount,
            candidates: mine,
            excluded,
          } = await vacancyRanking(t.deps.db, v, p, today, reader, every);
          expect([candidateCount, excludedCount]).toEqual([mine.length, excluded.length]);
          // A page is the slice of the whole list, for the candidates and the excluded alike.
          const second = await vacancyRanking(t.deps.db, v, p, today, reader, {
            page: 2,
            excludedPage: 2,
            pageSize: 2,
          });
          expect(second.candidates).toEqual(mine.slice(2, 4));
          expect(second.excluded).toEqual(excluded.slice(2, 4));
          expect(eligible).toBe(expected.candidates.length);
          const visible = await visibleAmong(
            t.deps.db,
            organisationId,
            expected.candidates.map((c) => c.householdId),
            t.deps.clock(),
          );
          expect(mine).toEqual(
            expected.candidates
              .filter((c) => visible.has(c.householdId))
              .map((c) => ({ householdId: c.householdId, points: c.points, rank: c.rank })),
          );
          const assessed = [...expected.candidates, ...expected.excluded].map((c) => c.householdId);
          const seen = await visibleAmong(t.deps.db, organisationId, assessed, t.deps.clock());
          expect(new Set(excluded)).toEqual(
            new Set(expected.excluded.filter((c) => seen.has(c.householdId)).map((c) => c.householdId)),
          );
          compared += mine.length + excluded.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('gives the preview the tallies the pure rankings give', async () => {
    const today = parisDate(t.deps.clock());
    const [a, b] = fc.sample(arbitraryPolicy, { numRuns: 2, seed: 7 });
    for (const [before, after] of [
      [DEFAULT_POLICY, a!],
      [a!, b!],
      [tieBreakersOnly[0]!, tieBreakersOnly[5]!],
    ] as const) {
      const tally = async (p: TMatchingPolicyParams) => {
        const ranks = new Map<string, number[]>();
        for (const ranking of (await pureRankings(p)).values())
          for (const c of ranking.candidates)
            ranks.set(c.householdId, [...(ranks.get(c.householdId) ?? []), c.rank]);
        return ranks;
      };
      const [rb, ra] = [await tally(before), await tally(after)];
      const summary = (r: number[] | undefined) => ({
        candidacies: r?.length ?? 0,
        rankSum: r?.reduce((s, n) => s + n, 0) ?? 0,
        topThree: r?.filter((n) => n <= 3).length ?? 0,
      });
      const expected = [...new Set([...rb.keys(), ...ra.keys()])].map((householdId) => ({
        householdId,
        before: summary(rb.get(householdId)),
        after: summary(ra.get(householdId)),
      }));
      const pureMoves = policyMoves(expected);
      const byId = (m: { householdId: string }[]) =>
        [...m].sort((x, y) => (x.householdId < y.householdId ? -1 : 1));
      // In one statement, or split over statements whose tallies add up.
      for (const parts of [1, 3]) {
        const ids = open.map((v) => v.id);
        const sqlMoves = policyMoves(await tallyChanges(t.deps.db, ids, before, after, today, parts));
        expect(byId(sqlMoves)).toEqual(byId(pureMoves));
      }
      expect(pureMoves.length).toBeGreaterThan(0);
    }
  });

  it('names the visible households among more than a statement has parameters for', async () => {
    const households = await poolHouseholds(t.deps.db, departementId);
    const [holder] = holders;
    const visible = await visibleAmong(
      t.deps.db,
      holder!,
      households.map((h) => h.project.householdId),
      t.deps.clock(),
    );
    expect(visible.size).toBeGreaterThan(0);
    // 70 000 households unknown beside them: past the 65 535 parameters of one statement.
    const unknown = Array.from(
      { length: 70_000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const among = await visibleAmong(
      t.deps.db,
      holder!,
      [...unknown, ...households.map((h) => h.project.householdId)],
      t.deps.clock(),
    );
    expect(among).toEqual(visible);
  });

  it('refreshes a household the moment its file changes, and a vacancy when it changes', async () => {
    const v = open[0]!;
    await currentPairsOf(ctx(), v);
    const [pair] = await t.deps.db
      .select()
      .from(vacancyMatches)
      .where(and(eq(vacancyMatches.vacancyId, v.id), eq(vacancyMatches.eligible, true)))
      .limit(1);
    const householdId = pair!.householdId;
    const eligibleOn = async () =>
      (
        await t.deps.db
          .select({ vacancyId: vacancyMatches.vacancyId, eligible: vacancyMatches.eligible })
          .from(vacancyMatches)
          .where(eq(vacancyMatches.householdId, householdId))
      ).filter((r) => r.eligible);
    expect((await eligibleOn()).length).toBeGreaterThan(0);
    // Consent withdrawn: the trigger marks the household, the next read finds it a candidate nowhere.
    await t.deps.db
      .update(housingProjects)
      .set({ consentWithdrawnOn: parisDate(t.deps.clock()) })
      .where(eq(housingProjects.householdId, householdId));
    const [marked] = await t.deps.db
      .select({ n: count() })
      .from(matchingStaleHouseholds)
      .where(eq(matchingStaleHouseholds.householdId, householdId));
    expect(marked!.n).toBe(1);
    await currentPairsOf(ctx(), v);
    expect(await eligibleOn()).toEqual([]);
    // Given again: it is a candidate again, over every current vacancy of the département.
    await t.deps.db
      .update(housingProjects)
      .set({ consentWithdrawnOn: null })
      .where(eq(housingProjects.householdId, householdId));
    await currentPairsIn(ctx(), departementId);
    expect((await eligibleOn()).map((r) => r.vacancyId)).toContain(v.id);
    // Out of the pool: no pair at all.
    const [project] = await t.deps.db
      .select()
      .from(housingProjects)
      .where(eq(housingProjects.householdId, householdId));
    await t.deps.db.delete(housingProjects).where(eq(housingProjects.householdId, householdId));
    await currentPairsOf(ctx(), v);
    const [left] = await t.deps.db
      .select({ n: count() })
      .from(vacancyMatches)
      .where(eq(vacancyMatches.householdId, householdId));
    expect(left!.n).toBe(0);
    await t.deps.db.insert(housingProjects).values(project!);
    await currentPairsOf(ctx(), v);

    // A new rent: the vacancy's run is dropped, and its pairs recomputed with the new effort rate.
    const keptPair = async () =>
      (
        await t.deps.db
          .select()
          .from(vacancyMatches)
          .where(and(eq(vacancyMatches.vacancyId, v.id), eq(vacancyMatches.householdId, householdId)))
      )[0]!;
    const before = (await keptPair()).effortPercent;
    await t.deps.db
      .update(vacancies)
      .set({ monthlyRentCents: sql`${vacancies.monthlyRentCents} + 20000` })
      .where(eq(vacancies.id, v.id));
    const runs = await t.deps.db.select().from(vacancyMatchRuns).where(eq(vacancyMatchRuns.vacancyId, v.id));
    expect(runs).toEqual([]);
    const dearer = { ...v, monthlyRentCents: v.monthlyRentCents + 20000 };
    await currentPairsOf(ctx(), dearer);
    expect((await keptPair()).effortPercent).toBeGreaterThan(before!);

    // A new budget convention of the département: every run of its vacancies is dropped, and the
    // pairs are recomputed with it (a reste à vivre counted over another number of days a month).
    const runsOfDepartement = async () =>
      t.deps.db
        .select({ id: vacancyMatchRuns.vacancyId })
        .from(vacancyMatchRuns)
        .innerJoin(vacancies, eq(vacancies.id, vacancyMatchRuns.vacancyId))
        .where(eq(vacancies.departementId, departementId));
    await currentPairsIn(ctx(), departementId);
    expect((await runsOfDepartement()).length).toBe(open.length);
    const underTheFormer = (await keptPair()).resteAVivreCents;
    const today = parisDate(t.deps.clock());
    const { convention } = await conventionAt(t.deps.db, { id: departementId, name: '', code: '' }, today);
    const daysPerMonth = convention.values.daysPerMonth === '30' ? '30.42' : '30';
    await t.deps.db.insert(budgetConventions).values({
      territoryId: departementId,
      effectiveFrom: today,
      values: { ...convention.values, daysPerMonth },
    });
    expect(await runsOfDepartement()).toEqual([]);
    await currentPairsOf(ctx(), dearer);
    expect((await keptPair()).resteAVivreCents).not.toBe(underTheFormer);

    // A housing-benefit scale added or removed (its values are not read here): every run of every
    // département is dropped.
    await currentPairsIn(ctx(), departementId);
    const [scale] = await t.deps.db
      .insert(housingBenefitScales)
      .values({ family: 'test', effectiveFrom: today, source: 'Test', values: {} })
      .returning({ id: housingBenefitScales.id });
    expect(await t.deps.db.select().from(vacancyMatchRuns)).toEqual([]);
    await t.deps.db.insert(vacancyMatchRuns).values({ vacancyId: v.id, computedOn: today });
    await t.deps.db.delete(housingBenefitScales).where(eq(housingBenefitScales.id, scale!.id));
    expect(await t.deps.db.select().from(vacancyMatchRuns)).toEqual([]);
  });

  it('recomputes every vacancy on a new day, and drops a vacancy’s pairs once it is withdrawn', async () => {
    t.setNow(new Date(t.deps.clock().getTime() + 86_400_000));
    await t.deps.db
      .insert(matchingStaleHouseholds)
      .values({ householdId: open[0]!.id })
      .onConflictDoNothing();
    await refreshAllPairs(ctx());
    const today = parisDate(t.deps.clock());
    const runs = await t.deps.db.select().from(vacancyMatchRuns);
    expect(runs.filter((r) => open.some((v) => v.id === r.vacancyId)).map((r) => r.computedOn)).toEqual(
      open.map(() => today),
    );
    const [queued] = await t.deps.db.select({ n: count() }).from(matchingStaleHouseholds);
    expect(queued!.n).toBe(0);

    const withdrawn = open[1]!;
    await t.deps.db.update(vacancies).set({ status: 'withdrawn' }).where(eq(vacancies.id, withdrawn.id));
    const [kept] = await t.deps.db
      .select({ n: count() })
      .from(vacancyMatches)
      .where(eq(vacancyMatches.vacancyId, withdrawn.id));
    expect(kept!.n).toBe(0);
  });
});
