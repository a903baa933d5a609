import type { Actor } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import type { TBudgetConventionValues } from '../../shared/contracts/budget.ts';
import type { TMatchingPolicyParams } from '../../shared/contracts/matching.ts';
import { DEFAULT_POLICY } from '../../shared/matching/policy.ts';
import { rankHouseholds, type Ranking } from '../../shared/matching/ranking.ts';
import { parisDate } from '../../shared/time.ts';
import { conventionAt, loadScales, type Scales } from '../budget/index.ts';
import { departementOf } from '../organisations/index.ts';
import { budgetsIn, dwellingFacts, forVacancy, householdFacts } from './candidate-facts.ts';
import {
  latestPolicy,
  poolHouseholds,
  type MatchingVacancy,
  type PoolHousehold,
} from './matching.repository.ts';

/** The policy in force in a département: its latest adopted version, or the default one (version 0). */
export interface PolicyInForce {
  version: number;
  params: TMatchingPolicyParams;
}

export async function policyInForce(ctx: Context, departementId: string): Promise<PolicyInForce> {
  return (await latestPolicy(ctx.db, departementId)) ?? { version: 0, params: DEFAULT_POLICY };
}

/** What every ranking of a département reads once: the day, its budget convention, the benefit scales. */
export interface MatchingBasis {
  today: string;
  convention: TBudgetConventionValues;
  scales: Scales;
}

export async function matchingBasis(
  ctx: Context<Actor | null>,
  departementId: string,
): Promise<MatchingBasis> {
  const today = parisDate(ctx.now);
  const departement = await departementOf(ctx.db, departementId);
  const { convention } = await conventionAt(ctx.db, departement, today);
  return { today, convention: convention.values, scales: await loadScales(ctx) };
}

/**
 * A vacancy's ranking over these pool households under a policy. The budget closure is kept by the
 * caller when it ranks the same vacancy twice (a preview), so each budget is computed once.
 */
export function rankVacancy(
  vacancy: MatchingVacancy,
  rows: readonly PoolHousehold[],
  basis: MatchingBasis,
  policy: PolicyInForce,
  budgetOf = budgetsIn(
    vacancy,
    new Map(rows.map((r) => [r.project.householdId, r])),
    basis.convention,
    basis.scales,
    basis.today,
  ),
): Ranking {
  return rankHouseholds(
    rows.map((r) => forVacancy(householdFacts(r, basis.today), r, vacancy.id)),
    dwellingFacts(vacancy),
    budgetOf,
    policy.params,
    policy.version,
    basis.today,
  );
}

/**
 * A vacancy ranked under its territory's policy in force, over its département's pools (or these
 * households of them). One query at a time: in a transaction they share one connection, where pg
 * refuses concurrent queries.
 */
export async function rankVacancyPool(
  ctx: Context,
  vacancy: MatchingVacancy & { departementId: string },
  householdIds?: readonly string[],
) {
  const policy = await policyInForce(ctx, vacancy.departementId);
  const basis = await matchingBasis(ctx, vacancy.departementId);
  const rows = await poolHouseholds(ctx.db, vacancy.departementId, householdIds);
  return { policy, rows, ranking: rankVacancy(vacancy, rows, basis, policy) };
}
