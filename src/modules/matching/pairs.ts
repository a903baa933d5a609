import type { Actor } from '../../kernel/actor.ts';
import { systemContext, type Context } from '../../kernel/context.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { JobDefinition } from '../../kernel/jobs.ts';
import { compareIds } from '../../shared/housing-pool/rules.ts';
import { pairFacts } from '../../shared/matching/ranking.ts';
import { parisDate } from '../../shared/time.ts';
import { organisationDepartement } from '../organisations/index.ts';
import { budgetsIn, dwellingFacts, forVacancy, householdFacts } from './candidate-facts.ts';
import {
  anyStaleHousehold,
  claimStaleHouseholds,
  deletePairsOfHouseholds,
  deletePairsOfVacancies,
  currentRuns,
  lockDepartementPairs,
  markRuns,
  openVacanciesByRun,
  poolOrganisationsOf,
  upsertPairs,
  type Pair,
} from './matches.repository.ts';
import {
  openDepartements,
  poolHouseholds,
  type MatchingVacancy,
  type PoolHousehold,
} from './matching.repository.ts';
import { matchingBasis, type MatchingBasis } from './rank-vacancy.ts';

/**
 * Keeping the pairs household × open vacancy current (ADR 0033). A vacancy's pairs are computed in
 * full when they were not today (a new day moves every time signal), when it or its dwelling changed
 * (a trigger drops its run) or when it opens; a household's pairs over the département's current
 * vacancies when a trigger marked it stale. The reads refresh what they need first; the
 * `matching-refresh` job does the rest in the background, so that reads find them ready.
 */

type Ctx = Context<Actor | null>;

/** Every pair of these vacancies and pool households, with its facts when some policy could make it a candidate. */
export function pairsOf(
  vacancies: readonly MatchingVacancy[],
  rows: readonly PoolHousehold[],
  basis: MatchingBasis,
): Pair[] {
  // Each vacancy's pairs in the primary key's order, so written to the table: a read of a vacancy's
  // pairs through the key finds them page after page, not one page a pair.
  const ordered = [...rows].sort((a, b) => compareIds(a.project.householdId, b.project.householdId));
  const rowOf = new Map(ordered.map((r) => [r.project.householdId, r]));
  // A household's facts are the same for every vacancy but for its proposals: read them once.
  const facts = ordered.map((r) => householdFacts(r, basis.today));
  const pairs: Pair[] = [];
  for (const v of vacancies) {
    const dwelling = dwellingFacts(v);
    const budgetOf = budgetsIn(v, rowOf, basis.convention, basis.scales, basis.today);
    facts.forEach((h, i) => {
      const facts = pairFacts(forVacancy(h, ordered[i]!, v.id), dwelling, budgetOf, basis.today);
      pairs.push({ vacancyId: v.id, householdId: h.householdId, fileNumber: ordered[i]!.fileNumber, facts });
    });
  }
  return pairs;
}

// Vacancies computed per transaction in a background run: the département's lock is released between
// batches, so that reads of it wait seconds, not the whole run.
const BATCH = 50;

/** Computes these vacancies' pairs in full over their département's pool, in batches of one transaction each. */
export async function recomputeVacancies(
  ctx: Ctx,
  departementId: string,
  vacancies: readonly MatchingVacancy[],
): Promise<void> {
  for (let i = 0; i < vacancies.length; i += BATCH) {
    await ctx.db.transaction(async (tx) => {
      await lockDepartementPairs(tx, departementId);
      const basis = await matchingBasis({ ...ctx, db: tx }, departementId);
      // Another read or the job may have computed some while this one waited for the lock.
      const done = await currentRuns(
        tx,
        vacancies.slice(i, i + BATCH).map((v) => v.id),
        basis.today,
      );
      const batch = vacancies.slice(i, i + BATCH).filter((v) => !done.has(v.id));
      if (!batch.length) return;
      const ids = batch.map((v) => v.id);
      const rows = await poolHouseholds(tx, departementId);
      await deletePairsOfVacancies(tx, ids);
      await upsertPairs(tx, pairsOf(batch, rows, basis));
      await markRuns(tx, ids, basis.today);
    });
  }
}

// Households taken from the queue per transaction.
const STALE_BATCH = 2000;

/**
 * Recomputes the pairs of every household marked stale, over the open vacancies of its département
 * whose pairs are today's (the others are recomputed in full anyway). Returns how many were taken.
 */
export async function refreshStaleHouseholds(ctx: Ctx): Promise<number> {
  if (!(await anyStaleHousehold(ctx.db))) return 0;
  let taken = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const ids = await claimStaleHouseholds(tx, STALE_BATCH);
      if (!ids.length) return 0;
      await deletePairsOfHouseholds(tx, ids);
      const byDepartement = new Map<string, string[]>();
      const departementOfOrg = new Map<string, string | null>();
      for (const { householdId, organisationId } of await poolOrganisationsOf(tx, ids)) {
        if (!departementOfOrg.has(organisationId))
          departementOfOrg.set(
            organisationId,
            (await organisationDepartement(tx, organisationId))?.id ?? null,
          );
        const departementId = departementOfOrg.get(organisationId);
        if (departementId)
          byDepartement.set(departementId, [...(byDepartement.get(departementId) ?? []), householdId]);
      }
      // In one order, so that two refreshes never wait for each other's départements crosswise.
      for (const departementId of [...byDepartement.keys()].sort()) {
        await lockDepartementPairs(tx, departementId);
        const basis = await matchingBasis({ ...ctx, db: tx }, departementId);
        const { current } = await openVacanciesByRun(tx, departementId, basis.today);
        if (!current.length) continue;
        const rows = await poolHouseholds(tx, departementId, byDepartement.get(departementId));
        await upsertPairs(tx, pairsOf(current, rows, basis));
      }
      return ids.length;
    });
    taken += n;
    if (n < STALE_BATCH) return taken;
  }
}

/** A vacancy's pairs as of now: stale households refreshed, then the vacancy's own if they are not today's. */
export async function currentPairsOf(ctx: Ctx, vacancy: MatchingVacancy & { departementId: string }) {
  await refreshStaleHouseholds(ctx);
  const today = parisDate(ctx.now);
  if (!(await currentRuns(ctx.db, [vacancy.id], today)).has(vacancy.id))
    await recomputeVacancies(ctx, vacancy.departementId, [vacancy]);
}

/** Every open vacancy's pairs of a département as of now (the policy preview ranks them all); their ids. */
export async function currentPairsIn(ctx: Ctx, departementId: string): Promise<string[]> {
  await refreshStaleHouseholds(ctx);
  const { current, outdated } = await openVacanciesByRun(ctx.db, departementId, parisDate(ctx.now));
  await recomputeVacancies(ctx, departementId, outdated);
  return [...current, ...outdated].map((v) => v.id);
}

/** Everything current, département by département: what the job does. */
export async function refreshAllPairs(ctx: Ctx): Promise<void> {
  await refreshStaleHouseholds(ctx);
  for (const departementId of await openDepartements(ctx.db)) await currentPairsIn(ctx, departementId);
}

/**
 * The `matching-refresh` job: every ten minutes, and at start. Just after midnight (Paris) it
 * recomputes every open vacancy's pairs for the new day; otherwise it takes the stale households
 * and the vacancies opened or changed since, so that the reads seldom have to.
 */
export function matchingRefreshJob(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>): JobDefinition {
  return {
    name: 'matching-refresh',
    cron: '*/10 * * * *',
    cronTimeZone: 'Europe/Paris',
    runAtStart: true,
    run: () => refreshAllPairs(systemContext(deps.db, deps.config, deps.clock())),
  };
}
