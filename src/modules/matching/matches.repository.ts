import { and, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, sideBySide, type Queryable } from '../../kernel/db.ts';
import type { TMatchingPolicyParams, TieBreaker } from '../../shared/contracts/matching.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PairFacts, RankTally } from '../../shared/matching/ranking.ts';
import { householdIdVisibleTo } from '../households/index.ts';
import { housingProjects } from '../housing-pool/schema.ts';
import { households } from '../households/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { inDepartement, openVacanciesIn, type MatchingVacancy } from './matching.repository.ts';
import { matchingStaleHouseholds, vacancyMatches, vacancyMatchRuns } from './schema.ts';
import { packedFileNumbers, tallyPackedPairs, type PackedVacancy } from './rank-tally.ts';

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

const byName = (column: AnyPgColumn) => sql.identifier(column.name);
const tieColumns = sql.join(Object.values(TIE_COLUMNS).map(byName), sql`, `);

// Each tie-breaker's value (days, or -1 for none) plus one, in 21 bits: exact for any date since
// 3700 BC, and three of them fit a bigint.
const TIE_BITS = 21;

/**
 * The policy's tie-breakers as one number, the first in the highest bits: comparing it compares them
 * in the policy's order, and a sort with one key for them instead of three runs markedly faster.
 */
const packedTies = (p: TMatchingPolicyParams): SQL =>
  sql.join(
    [
      sql`0::bigint`,
      ...p.tieBreakers.map(
        (by, i) =>
          sql`(least(${byName(TIE_COLUMNS[by])} + 1, ${int(2 ** TIE_BITS - 1)})::bigint << ${int((p.tieBreakers.length - 1 - i) * TIE_BITS)})`,
      ),
    ],
    sql` | `,
  );

/**
 * Decreasing points (null, for a household that is no candidate, last), then the packed tie-breakers
 * (larger first), then the household's id: columns the statement computed, by name.
 */
const rankOrder = (points: SQL, ties: SQL): SQL =>
  sql`${points} desc nulls last, ${ties} desc, ${byName(m.householdId)} asc`;

/** A pair as stored: a household no policy can make a candidate keeps only that. */
export interface Pair {
  vacancyId: string;
  householdId: string;
  fileNumber: number;
  facts: PairFacts | null;
}

const pairRow = ({
  vacancyId,
  householdId,
  fileNumber,
  facts: f,
}: Pair): typeof vacancyMatches.$inferInsert =>
  f === null
    ? { vacancyId, householdId, fileNumber, eligible: false }
    : {
        vacancyId,
        householdId,
        fileNumber,
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

/** Whether any household is marked stale: most reads find none, and need no transaction to know it. */
export async function anyStaleHousehold(q: Queryable): Promise<boolean> {
  const [row] = await q
    .select({ id: matchingStaleHouseholds.householdId })
    .from(matchingStaleHouseholds)
    .limit(1);
  return row !== undefined;
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

/** Which page of the reader's candidates (in rank order) and of its excluded households (by file number). */
export interface RankingPages {
  page: number;
  excludedPage: number;
  pageSize: number;
}

/**
 * A row of `vacancyRanking`'s statement: the counts (a considered, b candidates, c the reader's
 * candidates, d the reader's excluded households), a candidate shown (a points, b rank) or an excluded
 * household shown (a file number).
 */
type RankingRow = {
  part: 'counts' | 'candidate' | 'excluded';
  household_id: string | null;
  a: number | null;
  b: number | null;
  c: number | null;
  d: number | null;
};

/**
 * A vacancy under a policy, in one statement over its pairs: how many households of the département's
 * pools were considered and how many are candidates, how many of each are the reader's, and the pages
 * asked for — the reader's candidates with their rank (numbered over every candidate) and points, the
 * reader's excluded households by file number. Only the pages leave the database.
 */
export async function vacancyRanking(
  q: Queryable,
  vacancy: Pick<MatchingVacancy, 'id'>,
  p: TMatchingPolicyParams,
  today: string,
  reader: Reader,
  pages: RankingPages,
) {
  const candidate = candidateUnder(p, today);
  // Only the candidates are sorted: their row number is their rank.
  const rows = await queryRows<RankingRow>(
    q,
    sql`
    with pairs as materialized (
      select ${m.householdId}, ${m.fileNumber}, ${candidate} as candidate, ${pointsSql(p)} as points, ${tieColumns}
      from ${m} where ${m.vacancyId} = ${vacancy.id}
    ),
    ranked as materialized (
      select household_id, file_number, candidate, points, row_number() over (order by ${rankOrder(sql`points`, packedTies(p))})::int as rank
      from pairs where candidate
      union all select household_id, file_number, candidate, points, null from pairs where not candidate
    ),
    mine as materialized (
      select * from ranked
      where ${householdIdVisibleTo(sql`ranked.household_id`, reader.organisationId, reader.at)}
    ),
    candidates_page as (
      select household_id, points, rank from mine where candidate
      order by rank limit ${int(pages.pageSize)} offset ${int((pages.page - 1) * pages.pageSize)}
    ),
    excluded_page as (
      select household_id, file_number from mine where not candidate
      order by file_number limit ${int(pages.pageSize)} offset ${int((pages.excludedPage - 1) * pages.pageSize)}
    )
    select 'counts' as part, null::uuid as household_id,
      (select count(*) from ranked)::int as a,
      (select count(*) filter (where candidate) from ranked)::int as b,
      (select count(*) filter (where candidate) from mine)::int as c,
      (select count(*) filter (where not candidate) from mine)::int as d
    union all select 'candidate', household_id, points, rank, null, null from candidates_page
    union all select 'excluded', household_id, file_number, null, null, null from excluded_page`,
  );
  const counts = rows.find((r) => r.part === 'counts');
  return {
    considered: counts?.a ?? 0,
    eligible: counts?.b ?? 0,
    candidateCount: counts?.c ?? 0,
    excludedCount: counts?.d ?? 0,
    candidates: rows
      .flatMap((r) =>
        r.part === 'candidate' ? [{ householdId: r.household_id!, points: r.a!, rank: r.b! }] : [],
      )
      .sort((x, y) => x.rank - y.rank),
    excluded: rows
      .filter((r) => r.part === 'excluded')
      .sort((x, y) => x.a! - y.a!)
      .map((r) => r.household_id!),
  };
}

/**
 * Every household's tally over these open vacancies of a département under two policies, for those
 * whose tallies differ (allocation-rules.md §7.4: who moves up or down). The database computes each
 * eligible pair's points under both policies and packs a vacancy's pairs in one value; the app
 * numbers the candidates (`tallyPackedPairs`). The vacancies are split into `parts` statements (by
 * default as many as `q` can run side by side), each on a connection of its own (a CPU each on
 * PostgreSQL; on PGlite, one after the other).
 */
export async function tallyChanges(
  q: Queryable,
  vacancyIds: readonly string[],
  before: TMatchingPolicyParams,
  after: TMatchingPolicyParams,
  today: string,
  parts = sideBySide(q),
): Promise<{ householdId: string; before: RankTally; after: RankTally }[]> {
  // Points, or -1 for a household that is no candidate under the policy.
  const points = (p: TMatchingPolicyParams) =>
    sql`case when ${candidateUnder(p, today)} then ${pointsSql(p)} else -1 end`;
  // Each field of a vacancy's pairs in one value, in the same (any) order: columns, not rows, so that
  // millions of pairs leave the database as a few hundred values.
  const column = (value: SQL | AnyPgColumn, name: string) =>
    sql`string_agg(int4send(${value}), ''::bytea) as ${sql.identifier(name)}`;
  const packedIn = (ids: readonly string[]) => sql`
    select ${column(m.fileNumber, 'fileNumbers')}, ${column(points(before), 'before')},
      ${column(points(after), 'after')}, ${column(m.tieShelterDays, 'time_in_shelter')},
      ${column(m.tieDemandDays, 'demand_age')}, ${column(m.tieDaloDays, 'dalo_decision')}
    from ${m}
    -- Only the pairs some policy can make candidates: the others rank under none.
    where ${m.eligible} and ${m.vacancyId} = any(${sql.param([...ids])}::uuid[])
    group by ${m.vacancyId}`;
  const split = Array.from({ length: Math.max(1, parts) }, (_, i) =>
    vacancyIds.filter((_, j) => j % parts === i),
  );
  const packed = await Promise.all(
    split
      .filter((ids) => ids.length)
      .map((ids) =>
        q.transaction(async (tx) => {
          // For this statement only: read in vacancy order through the index of the pairs a policy
          // can rank, so that the pairs are grouped without a sort (a territory holds a fifth of the
          // country's pairs at most, which the planner deems enough to scan the whole table, once per
          // part), and the expressions compiled (off for the server's short reads), which pays over
          // millions of rows.
          await tx.execute(sql`select set_config('enable_seqscan', 'off', true),
            set_config('enable_bitmapscan', 'off', true), set_config('jit', 'on', true)`);
          return queryRows<PackedVacancy>(tx, packedIn(ids));
        }),
      ),
  );
  const vacancies = packed.flat();
  // The households in id order: the last tie-breaker.
  const fileNumbers = [...packedFileNumbers(vacancies)];
  const ids = fileNumbers.length
    ? await q
        .select({ id: households.id, fileNumber: households.fileNumber })
        .from(households)
        .where(sql`${households.fileNumber} = any(${sql.param(fileNumbers)}::int[])`)
    : [];
  ids.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const placeOf = new Map(ids.map((h, place) => [h.fileNumber, place]));
  const tallies = tallyPackedPairs(vacancies, placeOf, {
    before: before.tieBreakers,
    after: after.tieBreakers,
  });
  const same = (a: RankTally, b: RankTally) =>
    a.candidacies === b.candidacies && a.rankSum === b.rankSum && a.topThree === b.topThree;
  return ids.flatMap(({ id }, place) => {
    const t = { before: tallies.before[place]!, after: tallies.after[place]! };
    return same(t.before, t.after) ? [] : [{ householdId: id, ...t }];
  });
}
