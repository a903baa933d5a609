import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { TCandidate } from '../../shared/contracts/matching.ts';
import type { Assessment } from '../../shared/matching/ranking.ts';
import type { PoolHousehold } from './matching.repository.ts';

/** A household as a pool holder sees it on a vacancy: who it is, its pool, its rank and why. */
export function presentCandidate(
  row: PoolHousehold,
  assessment: Assessment,
  rank: number | null,
): TCandidate {
  return {
    householdId: row.project.householdId,
    fileLabel: formatFileNumber(row.fileNumber),
    name: row.name ?? 'Ménage sans membre',
    persons: Math.max(1, row.members.length),
    poolName: row.poolName,
    rank,
    explanation: assessment.explain(),
  };
}
