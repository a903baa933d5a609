import type { Context } from '../../../kernel/context.ts';
import type { TCandidateExplanation } from '../../../shared/contracts/matching.ts';
import { vacancyForMatching } from '../matching.repository.ts';
import { rankVacancyPool } from '../rank-vacancy.ts';

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
  const { policy, ranking } = await rankVacancyPool(
    ctx,
    { ...vacancy, departementId: vacancy.departementId },
    householdIds,
  );
  const checks = new Map<string, CandidateCheck>();
  for (const a of [...ranking.candidates, ...ranking.excluded])
    checks.set(a.householdId, { passes: a.eligible, explanation: a.explain() });
  return { policyVersion: policy.version, checks };
}
