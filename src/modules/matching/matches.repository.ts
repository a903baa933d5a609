import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TMatchingPolicyParams, TieBreaker } from '../../shared/contracts/matching.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PairFacts, RankTally } from '../../shared/matching/ranking.ts';
import { householdIdVisibleTo } from '../households/index.ts';
import { housingProjects } from '../housing-pool/schema.ts';
import { households } from '../households/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { inDepartement, openVacanciesIn, type MatchingVacancy } from './matching.repository.ts';
import { matchingStaleHouseholds, vacancyMatches, vacancyMatchRuns } from './schema.ts';

/**
 * The pairs household × open vacancy kept between rankings (ADR 0033), and the rankings read from
 * them: the policy's weights, caps, thresholds, cool-off and tie-breakers applied in SQL to the facts
 * `pairFacts` computed — the same arithmetic as `signalChecks`, which a test compares on every row.
 */

const m = vacancyMatches;
const int = (n: number) => sql`${n}::int`;

/** A pair's points under a policy (see `signalChecks`). */
export function pointsSql(p: TMatchingPolicyParams): SQL<number> {
  const w = p.weights;
  const when = (condition: SQL, points: number) =>
    sql`(case when ${condition} then ${int(points)} else 0 end)`;
  return sql<number>`(${when(sql`${m.dalo}`, w.dalo)}
    + least(${m.priorityCount}, ${int(p.caps.priorityCategories)}) * ${int(w.perPriorityCategory)}
    + coalesce(least(${m.shelterMonths}, ${int(p.caps.shelterMonths)}), 0) * ${int(w.perShelterMonth)}
    + coalesce(least(${m.demandMonths}, ${int(p.caps.demandMonths)}), 0) * ${int(w.perDemandMonth)}
    + ${when(sql`${m.effortPercent} <= ${p.thresholds.effortRatePercent}::double precision`, w.effortWithinThreshold)}
    + ${when(sql`${m.resteAVivreCents} >= ${int(p.thresholds.resteAVivrePerUnitPerDayCents)}`, w.resteAVivreAboveThreshold)}
    + ${when(sql`${m.usualTypology}`, w.usualTypology)}
    + ${when(sql`${m.wishedCommune}`, w.wishedCommune)}
    + ${when(sql`${m.supportOk}`, w.supportInPlace)}
    + ${when(sql`${m.adaptedForNeed}`, w.adaptedDwelling)})::int`;
}

/**
 * A candidate under a policy: past every hard filter the policy does not set, and past its cool-off
 * after the latest refusal of a dwelling of this typology (see `coolOffFilter`).
 */
const candidateUnder = (p: TMatchingPolicyParams, today: string) =>
  sql`(${m.eligible} and (${m.refusedOn} is null or ${today}::date > ${m.refusedOn} + ${int(p.coolOffDays)}))`;

const TIE_COLUMNS: Record<TieBreaker, AnyPgColumn> = {
  time_in_shelter: m.tieShelterDays,
  demand_age: m.tieDemandDays,
  dalo_decision: m.tieDaloDays,
};

/** Decreasing points, then the policy's tie-breakers (larger first), then the household's id. */
const rankOrder = (p: TMatchingPolicyParams): SQL =>
  sql.join(
    [
      sql`${pointsSql(p)} desc`,
      ...p.tieBreakers.map((by) => sql`${TIE_COLUMNS[by]} desc`),
      sql`${m.householdId} asc`,
    ],
    sql`, `,
  );

/** A pair as stored: a household no policy can make a candidate keeps only that. */
export interface Pair {
  vacancyId: string;
  householdId: string;
  facts: PairFacts | null;
}

const pairRow = ({ vacancyId, householdId, facts: f }: Pair): typeof vacancyMatches.$inferInsert =>
  f === null
    ? { vacancyId, householdId, eligible: false }
    : {
        vacancyId,
        householdId,
        eligible: true,
        refusedOn: f.refusedOn,
        dalo: f.dalo,
        priorityCount: f.priorityCount,
        shelterMonths: f.shelterMonths,
        demandMonths: f.demandMonths,
        effortPercent: f.effortPercent,
        resteAVivreCents: f.resteAVivrePerUnitPerDayCents,
        usualTypology: f.usualTypology,
        wishedCommune: f.wishedCommune,
        supportOk: f.supportOk,
        adaptedForNeed: f.adaptedForNeed,
        tieShelterDays: f.ties.time_in_shelter,
        tieDemandDays: f.ties.demand_age,
        tieDaloDays: f.ties.dalo_decision,
      };

// Rows a statement: the columns go as one array each (`unnest`), so the statement's size and the
// query builder's work do not grow with the rows.
const CHUNK = 10_000;

const ARRAY_TYPES: Record<string, string> = {
  uuid: 'uuid[]',
  boolean: 'boolean[]',
  date: 'date[]',
  smallint: 'smallint[]',
  integer: 'integer[]',
  'double precision': 'double precision[]',
};

/** Writes these pairs, replacing any kept for the same vacancy and household. */
export async function upsertPairs(q: Queryable, pairs: readonly Pair[]): Promise<void> {
  const columns = Object.entries(getTableColumns(vacancyMatches));
  const updated = columns.filter(([k]) => k !== 'vacancyId' && k !== 'householdId');
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const rows = pairs.slice(i, i + CHUNK).map(pairRow);
    const arrays = columns.map(([key, column]) => {
      const values = rows.map((r) => r[key as keyof typeof r] ?? column.default ?? null);
      return sql`${sql.param(values)}::${sql.raw(ARRAY_TYPES[column.getSQLType()]!)}`;
    });
    await q.execute(sql`insert into ${vacancyMatches} (${sql.join(
      columns.map(([, column]) => sql.identifier(column.name)),
      sql`, `,
    )})
      select * from unnest(${sql.join(arrays, sql`, `)})
      on conflict (vacancy_id, household_id) do update set ${sql.join(
        updated.map(
          ([, column]) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`,
        ),
        sql`, `,
      )}`);
  }
}

export async function deletePairsOfVacancies(q: Queryable, vacancyIds: readonly string[]): Promise<void> {
  if (vacancyIds.length) await q.delete(vacancyMatches).where(inArray(m.vacancyId, [...vacancyIds]));
}

export async function deletePairsOfHouseholds(q: Queryable, householdIds: readonly string[]): Promise<void> {
  if (householdIds.length) await q.delete(vacancyMatches).where(inArray(m.householdId, [...householdIds]));
}

/** Records that these vacancies' pairs were computed in full on this day. */
export async function markRuns(
  q: Queryable,
  vacancyIds: readonly string[],
  computedOn: string,
): Promise<void> {
  if (!vacancyIds.length) return;
  await q
    .insert(vacancyMatchRuns)
    .values(vacancyIds.map((vacancyId) => ({ vacancyId, computedOn })))
    .onConflictDoUpdate({ target: vacancyMatchRuns.vacancyId, set: { computedOn } });
}

/** The open vacancies of a département whose pairs were (or were not) computed in full on this day. */
export async function openVacanciesByRun(q: Queryable, departementId: string, today: string) {
  const all = await openVacanciesIn(q, departementId);
  const current = await q
    .select({ id: vacancyMatchRuns.vacancyId })
    .from(vacancyMatchRuns)
    .innerJoin(vacancies, eq(vacancies.id, vacancyMatchRuns.vacancyId))
    .where(
      and(
        eq(vacancies.departementId, departementId),
        eq(vacancies.status, 'open'),
        eq(vacancyMatchRuns.computedOn, today),
      ),
    );
  const ids = new Set(current.map((r) => r.id));
  return {
    current: all.filter((v) => ids.has(v.id)),
    outdated: all.filter((v) => !ids.has(v.id)),
  };
}

/** Which of these vacancies' pairs were computed in full on this day. */
export async function currentRuns(
  q: Queryable,
  vacancyIds: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (!vacancyIds.length) return new Set();
  const rows = await q
    .select({ id: vacancyMatchRuns.vacancyId })
    .from(vacancyMatchRuns)
    .where(and(inArray(vacancyMatchRuns.vacancyId, [...vacancyIds]), eq(vacancyMatchRuns.computedOn, today)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Takes up to `limit` households marked stale, oldest first, skipping those another refresh holds
 * (it removes them from the queue when it commits).
 */
export async function claimStaleHouseholds(q: Queryable, limit: number): Promise<string[]> {
  const rows = await q
    .delete(matchingStaleHouseholds)
    .where(
      inArray(
        matchingStaleHouseholds.householdId,
        sql`(select household_id from ${matchingStaleHouseholds} order by marked_at limit ${int(limit)} for update skip locked)`,
      ),
    )
    .returning({ id: matchingStaleHouseholds.householdId });
  return rows.map((r) => r.id);
}

/** The pool organisation of each of these households still active in a pool. */
export async function poolOrganisationsOf(q: Queryable, householdIds: readonly string[]) {
  if (!householdIds.length) return [];
  return q
    .select({ householdId: housingProjects.householdId, organisationId: housingProjects.poolOrganisationId })
    .from(housingProjects)
    .innerJoin(households, eq(households.id, housingProjects.householdId))
    .where(and(inArray(housingProjects.householdId, [...householdIds]), eq(households.status, 'active')));
}

/** Serialises the writes of a département's pairs until the transaction ends (a no-op on PGlite: one connection). */
export async function lockDepartementPairs(q: Queryable, departementId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`vacancy_matches:${departementId}`}))`);
}

/** The households of the département's pools, counted (every one is considered for every vacancy). */
export async function poolSize(q: Queryable, departementId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(housingProjects)
    .innerJoin(households, eq(households.id, housingProjects.householdId))
    .where(and(inDepartement(departementId), eq(households.status, 'active')));
  return row?.n ?? 0;
}

type Reader = { organisationId: string; at: Date };

/** A pair's rank among the candidates of its vacancy under a policy; null when it is not one. */
const rankUnder = (p: TMatchingPolicyParams, today: string) =>
  sql`case when ${candidateUnder(p, today)} then row_number() over (
    partition by ${m.vacancyId}, ${candidateUnder(p, today)} order by ${rankOrder(p)}) end`;

/**
 * A vacancy under a policy, in one pass over its pairs: how many households of the département's
 * pools were considered and how many are candidates, the reader's candidates in rank order with their
 * points (ranks numbered over every candidate), and the reader's other households by file number.
 */
export async function vacancyRanking(
  q: Queryable,
  vacancy: MatchingVacancy,
  p: TMatchingPolicyParams,
  today: string,
  reader: Reader,
) {
  const candidate = candidateUnder(p, today);
  const numbered = q.$with('numbered').as(
    q
      .select({
        householdId: m.householdId,
        points: sql<number>`${pointsSql(p)}`.as('points'),
        rank: sql<number | null>`(${rankUnder(p, today)})::int`.as('rank'),
        considered: sql<number>`(count(*) over ())::int`.as('considered'),
        eligible: sql<number>`(count(*) filter (where ${candidate}) over ())::int`.as('eligible'),
      })
      .from(m)
      .where(eq(m.vacancyId, vacancy.id)),
  );
  // The file number by key for the reader's rows only: a join would let the planner scan every household.
  const fileNumber = sql`(select ${households.fileNumber} from ${households} where ${households.id} = ${numbered.householdId})`;
  const rows = await q
    .with(numbered)
    .select({
      householdId: numbered.householdId,
      points: numbered.points,
      rank: numbered.rank,
      considered: numbered.considered,
      eligible: numbered.eligible,
    })
    .from(numbered)
    .where(householdIdVisibleTo(numbered.householdId, reader.organisationId, reader.at))
    .orderBy(asc(numbered.rank), asc(fileNumber));
  // A reader with no household in the pools still sees the counts.
  const [counts] = rows.length
    ? rows
    : await q
        .select({
          considered: sql<number>`count(*)::int`,
          eligible: sql<number>`(count(*) filter (where ${candidate}))::int`,
        })
        .from(m)
        .where(eq(m.vacancyId, vacancy.id));
  return {
    considered: counts?.considered ?? 0,
    eligible: counts?.eligible ?? 0,
    candidates: rows.flatMap((r) =>
      r.rank === null ? [] : [{ householdId: r.householdId, points: r.points, rank: r.rank }],
    ),
    excluded: rows.flatMap((r) => (r.rank === null ? [r.householdId] : [])),
  };
}

/**
 * Every household's tally over the département's open vacancies under two policies, for those whose
 * tallies differ (allocation-rules.md §7.4: who moves up or down). One statement: each vacancy's
 * candidates numbered under each policy.
 */
export async function tallyChanges(
  q: Queryable,
  departementId: string,
  before: TMatchingPolicyParams,
  after: TMatchingPolicyParams,
  today: string,
): Promise<{ householdId: string; before: RankTally; after: RankTally }[]> {
  const numbered = q.$with('numbered').as(
    q
      .select({
        householdId: m.householdId,
        before: sql<number | null>`${rankUnder(before, today)}`.as('rank_before'),
        after: sql<number | null>`${rankUnder(after, today)}`.as('rank_after'),
      })
      .from(m)
      // Only the pairs some policy can make candidates: the others rank under none.
      .where(
        and(
          eq(m.eligible, true),
          inArray(
            m.vacancyId,
            q
              .select({ id: vacancies.id })
              .from(vacancies)
              .where(and(eq(vacancies.departementId, departementId), eq(vacancies.status, 'open'))),
          ),
        ),
      ),
  );
  const tally = (rank: typeof numbered.before) => ({
    candidacies: sql<number>`count(${rank})::int`,
    rankSum: sql<number>`coalesce(sum(${rank}), 0)::int`,
    topThree: sql<number>`(count(*) filter (where ${rank} <= 3))::int`,
  });
  const b = tally(numbered.before);
  const a = tally(numbered.after);
  // Each vacancy's candidates sorted twice: a large territory's millions of pairs are sorted in memory
  // (the default 4 MB would spill them to disk), for this statement only.
  const rows = await q.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    return tx
      .with(numbered)
      .select({
        householdId: numbered.householdId,
        bc: b.candidacies,
        bs: b.rankSum,
        bt: b.topThree,
        ac: a.candidacies,
        as: a.rankSum,
        at: a.topThree,
      })
      .from(numbered)
      .groupBy(numbered.householdId)
      .having(
        sql`(${b.candidacies}, ${b.rankSum}, ${b.topThree}) is distinct from (${a.candidacies}, ${a.rankSum}, ${a.topThree})`,
      );
  });
  return rows.map((r) => ({
    householdId: r.householdId,
    before: { candidacies: r.bc, rankSum: r.bs, topThree: r.bt },
    after: { candidacies: r.ac, rankSum: r.as, topThree: r.at },
  }));
}
