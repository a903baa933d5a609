import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.ts';
import type {
  ExpenseCategory,
  Relationship,
  ResourceType,
  Typology,
} from '../../shared/contracts/household-enums.ts';
import { dwellings } from '../dwellings/schema.ts';
import { householdVisibleTo } from '../households/index.ts';
import { housingProjects } from '../housing-pool/schema.ts';
import { householdExpenses, householdMembers, householdResources, households } from '../households/schema.ts';
import { measures } from '../measures/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { ALLOCATING_DECISIONS } from '../../shared/contracts/designations.ts';
import type { HeldProposal } from '../../shared/designations/rules.ts';
import { matchingPolicies, vacancyProposals } from './schema.ts';

/**
 * A proposal of a pool household, as the filters read it: where, of what typology, what came of it
 * and, for an allocation by classement, whether those ranked before it refused.
 */
export type PoolProposal = HeldProposal & {
  vacancyId: string;
  typology: Typology | null;
};

/**
 * For an allocation by classement, the answers of those the commission ranked before it
 * (`givesDwelling`). The outer proposal's columns are written qualified: drizzle renders columns
 * unqualified inside select fields, where they would name the inner one's.
 */
const ranksAhead = sql<HeldProposal['ranksAhead']>`coalesce((
  select json_agg(json_build_object('answer', s.answer, 'answerDue', s.answer_due))
  from ${vacancyProposals} s
  where "vacancy_proposals"."decision" = 'allocation_by_rank' and s.vacancy_id = "vacancy_proposals"."vacancy_id"
    and s.decision = 'allocation_by_rank' and s.decision_rank < "vacancy_proposals"."decision_rank"), '[]'::json)`;

/** These households' proposals with an allocating decision, as `givesDwelling` reads them. */
export async function allocatingProposals(q: Queryable, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  return q
    .select({
      householdId: vacancyProposals.householdId,
      vacancyId: vacancyProposals.vacancyId,
      typology: dwellings.typology,
      answer: vacancyProposals.answer,
      answerReason: vacancyProposals.answerReason,
      answeredOn: vacancyProposals.answeredOn,
      answerDue: vacancyProposals.answerDue,
      decision: vacancyProposals.decision,
      decisionReason: vacancyProposals.decisionReason,
      decidedOn: vacancyProposals.decidedOn,
      ranksAhead,
    })
    .from(vacancyProposals)
    .innerJoin(vacancies, eq(vacancies.id, vacancyProposals.vacancyId))
    .innerJoin(dwellings, eq(dwellings.id, vacancies.dwellingId))
    .where(
      and(
        inArray(vacancyProposals.householdId, [...householdIds]),
        inArray(vacancyProposals.decision, [...ALLOCATING_DECISIONS]),
      ),
    );
}

/** Vacancies with what the filters and signals read of their dwelling and commune. */
const matchingVacancies = (q: Queryable, where: SQL | undefined) =>
  q
    .select({
      id: vacancies.id,
      status: vacancies.status,
      departementId: vacancies.departementId,
      landlordOrganisationId: vacancies.landlordOrganisationId,
      monthlyRentCents: vacancies.monthlyRentCents,
      monthlyChargesCents: vacancies.monthlyChargesCents,
      financing: dwellings.financing,
      surfaceM2: dwellings.surfaceM2,
      typology: dwellings.typology,
      accessibility: dwellings.accessibility,
      floor: dwellings.floor,
      lift: dwellings.lift,
      communeId: dwellings.communeId,
      communeCode: territories.code,
      communeName: territories.name,
      benefitZone: territories.housingBenefitZone,
    })
    .from(vacancies)
    .innerJoin(dwellings, eq(dwellings.id, vacancies.dwellingId))
    .leftJoin(territories, eq(territories.id, dwellings.communeId))
    .where(where);
export type MatchingVacancy = Awaited<ReturnType<typeof matchingVacancies>>[number];

export async function vacancyForMatching(q: Queryable, vacancyId: string): Promise<MatchingVacancy | null> {
  const [row] = await matchingVacancies(q, eq(vacancies.id, vacancyId));
  return row ?? null;
}

/** The open vacancies of a département (the policy preview ranks today's pool against them). */
export const openVacanciesIn = (q: Queryable, departementId: string) =>
  matchingVacancies(q, and(eq(vacancies.departementId, departementId), eq(vacancies.status, 'open')));

/** Organisations whose territory lies in the département (their own, an EPCI or a commune of it). */
const organisationsIn = (departementId: string): SQL => sql`select o.id from ${organisations} o
  join ${territories} t on t.id = o.territory_id
  left join ${territories} p on p.id = t.parent_id
  left join ${territories} g on g.id = p.parent_id
  where ${departementId} in (t.id, p.id, g.id)`;

/** Projects held by a pool of the département. */
export const inDepartement = (departementId: string): SQL =>
  sql`${housingProjects.poolOrganisationId} in (${organisationsIn(departementId)})`;

/** The reference person's name, or the first member's. */
const referenceName = sql<string | null>`(select m.first_name || ' ' || m.last_name from ${householdMembers} m
  where m.household_id = ${households.id} order by m.is_reference_person desc, m.position limit 1)`;

/**
 * These households, if active in a pool of the département. The département's pools are read first and
 * given as a list: as a subquery, the planner would go through each pool's every project to find them.
 */
async function amongPoolHouseholds(q: Queryable, departementId: string, householdIds: readonly string[]) {
  const pools = await queryRows<{ id: string }>(q, organisationsIn(departementId));
  return and(
    inArray(
      housingProjects.poolOrganisationId,
      pools.map((o) => o.id),
    ),
    sql`${housingProjects.householdId} = any(${sql.param([...householdIds])}::uuid[])`,
    eq(households.status, 'active'),
  );
}

/** The file numbers and names of these households still in the département's pools. */
export async function poolHouseholdLabels(
  q: Queryable,
  departementId: string,
  householdIds: readonly string[],
) {
  if (!householdIds.length) return [];
  return q
    .select({ householdId: households.id, fileNumber: households.fileNumber, name: referenceName })
    .from(housingProjects)
    .innerJoin(households, eq(households.id, housingProjects.householdId))
    .where(await amongPoolHouseholds(q, departementId, householdIds));
}

/**
 * Every household of the département's pools, with what the filters, signals and budget read: the
 * project, the file's facts, members, resources and expenses, a measure in force, and its proposals
 * (the vacancy, the dwelling's typology, the answer and the decision: its refusals are read from them
 * by the designation rules). One statement.
 */
export async function poolHouseholds(q: Queryable, departementId: string, householdIds?: readonly string[]) {
  const members = sql<{ relationship: Relationship; birthDate: string | null }[]>`coalesce((
    select json_agg(json_build_object('relationship', m.relationship, 'birthDate', m.birth_date) order by m.position)
    from ${householdMembers} m where m.household_id = ${households.id}), '[]'::json)`;
  const resources = sql<{ type: ResourceType; monthlyAmountCents: number }[]>`coalesce((
    select json_agg(json_build_object('type', r.type, 'monthlyAmountCents', r.monthly_amount_cents))
    from ${householdResources} r where r.household_id = ${households.id}), '[]'::json)`;
  const expenses = sql<{ category: ExpenseCategory; monthlyAmountCents: number }[]>`coalesce((
    select json_agg(json_build_object('category', e.category, 'monthlyAmountCents', e.monthly_amount_cents))
    from ${householdExpenses} e where e.household_id = ${households.id}), '[]'::json)`;
  const supportInPlace = sql<boolean>`exists (select 1 from ${measures} ms
    where ms.household_id = ${households.id} and ms.status in ('validated', 'active'))`;
  const proposals = sql<PoolProposal[]>`coalesce((
    select json_agg(json_build_object('vacancyId', ${vacancyProposals.vacancyId}, 'typology', d.typology,
      'answer', ${vacancyProposals.answer}, 'answerReason', ${vacancyProposals.answerReason},
      'answeredOn', ${vacancyProposals.answeredOn}, 'answerDue', ${vacancyProposals.answerDue},
      'decision', ${vacancyProposals.decision}, 'decisionReason', ${vacancyProposals.decisionReason},
      'decidedOn', ${vacancyProposals.decidedOn}, 'ranksAhead', ${ranksAhead}))
    from ${vacancyProposals}
    join ${vacancies} v on v.id = ${vacancyProposals.vacancyId}
    join ${dwellings} d on d.id = v.dwelling_id
    where ${vacancyProposals.householdId} = ${households.id}), '[]'::json)`;
  const among = householdIds
    ? await amongPoolHouseholds(q, departementId, householdIds)
    : and(inDepartement(departementId), eq(households.status, 'active'));
  return q
    .select({
      project: housingProjects,
      poolName: organisations.name,
      fileNumber: households.fileNumber,
      applicationNumber: households.applicationNumber,
      housingSince: households.housingSince,
      daloRecognised: households.daloRecognised,
      daloDecisionDate: households.daloDecisionDate,
      name: referenceName,
      members,
      resources,
      expenses,
      supportInPlace,
      proposals,
    })
    .from(housingProjects)
    .innerJoin(households, eq(households.id, housingProjects.householdId))
    .innerJoin(organisations, eq(organisations.id, housingProjects.poolOrganisationId))
    .where(among);
}
export type PoolHousehold = Awaited<ReturnType<typeof poolHouseholds>>[number];

/** The households among these that the organisation is a current party to. */
export async function visibleAmong(
  q: Queryable,
  organisationId: string,
  householdIds: readonly string[],
  at: Date,
): Promise<Set<string>> {
  if (householdIds.length === 0) return new Set();
  const rows = await q
    .select({ id: households.id })
    .from(households)
    // One array parameter: a territory's moves can outnumber the 65 535 parameters a statement takes.
    .where(
      and(
        sql`${households.id} = any(${sql.param([...householdIds])}::uuid[])`,
        householdVisibleTo(organisationId, at),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** A territory's adopted versions, the latest first, with who adopted each. */
export async function policyVersions(q: Queryable, territoryId: string) {
  return q
    .select({
      version: matchingPolicies.version,
      params: matchingPolicies.params,
      note: matchingPolicies.note,
      adoptedAt: matchingPolicies.adoptedAt,
      adoptedBy: organisations.name,
    })
    .from(matchingPolicies)
    .innerJoin(organisations, eq(organisations.id, matchingPolicies.adoptedByOrganisationId))
    .where(eq(matchingPolicies.territoryId, territoryId))
    .orderBy(desc(matchingPolicies.version));
}

/** The latest adopted version of a territory, or null (the default policy applies). */
export async function latestPolicy(q: Queryable, territoryId: string) {
  const [row] = await q
    .select({ version: matchingPolicies.version, params: matchingPolicies.params })
    .from(matchingPolicies)
    .where(eq(matchingPolicies.territoryId, territoryId))
    .orderBy(desc(matchingPolicies.version))
    .limit(1);
  return row ?? null;
}

export async function insertPolicy(
  q: Queryable,
  values: typeof matchingPolicies.$inferInsert,
): Promise<void> {
  await q.insert(matchingPolicies).values(values);
}

/** Locks the territory's row: two adoptions of its policy wait for each other (one then conflicts). */
export async function lockTerritory(q: Queryable, territoryId: string): Promise<void> {
  await q
    .select({ id: territories.id })
    .from(territories)
    .where(eq(territories.id, territoryId))
    .for('update');
}

/** The départements with at least one open vacancy. */
export async function openDepartements(q: Queryable): Promise<string[]> {
  const rows = await q
    .selectDistinct({ id: vacancies.departementId })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'open'), isNotNull(vacancies.departementId)));
  return rows.map((r) => r.id!);
}
