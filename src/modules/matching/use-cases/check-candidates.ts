import type { Context } from '../../../kernel/context.ts';
import type { TCandidateExplanation } from '../../../shared/contracts/matching.ts';
import { poolHouseholds, vacancyForMatching } from '../matching.repository.ts';
import { matchingBasis, policyInForce, rankVacancy } from '../rank-vacancy.ts';

export interface CandidateCheck {
  passes: boolean;
  explanation: TCandidateExplanation;
}

/**
 * The hard filters and signals of these households for a vacancy, under the policy in force — what a
 * designation checks and keeps. A household outside the département's pools is absent from `checks`.
 * The caller checks who may designate; this reads only.
 */
export async function checkCandidates(
  ctx: Context,
  vacancyId: string,
  householdIds: readonly string[],
): Promise<{ policyVersion: number; checks: Map<string, CandidateCheck> }> {
  const vacancy = await vacancyForMatching(ctx.db, vacancyId);
  if (!vacancy?.departementId || householdIds.length === 0) return { policyVersion: 0, checks: new Map() };
  // One query at a time: in a transaction they share one connection, where pg refuses concurrent queries.
  const policy = await policyInForce(ctx, vacancy.departementId);
  const basis = await matchingBasis(ctx, vacancy.departementId);
  const rows = await poolHouseholds(ctx.db, vacancy.departementId, householdIds);
  const ranking = rankVacancy(vacancy, rows, basis, policy);
  const checks = new Map<string, CandidateCheck>();
  for (const a of [...ranking.candidates, ...ranking.excluded])
    checks.set(a.householdId, { passes: a.eligible, explanation: a.explain() });
  return { policyVersion: policy.version, checks };
}
