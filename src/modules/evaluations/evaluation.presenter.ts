import type { TEvaluation, TSharedEvaluation } from '../../shared/contracts/evaluations.ts';
import { axisChanges, evaluationGaps } from '../../shared/evaluations/evaluation.ts';
import type { EvaluationRecord, ShareRecord as ShareRow } from './evaluations.repository.ts';

export function presentEvaluation(
  record: EvaluationRecord,
  measureName: string,
  shares: readonly ShareRow[],
  relayOrganisationName: string | null,
): TEvaluation {
  const e = record.evaluation;
  const sig = e.signature;
  return {
    id: e.id,
    measureId: e.measureId,
    measureName,
    kind: e.kind,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    status: e.status,
    content: e.content,
    baselineAssessedOn: e.baselineAssessedOn,
    axes: axisChanges(e.content.grid, e.baselineScores),
    relayOrganisationName,
    gaps: e.status === 'draft' ? evaluationGaps(e.kind, e.content) : {},
    signature: sig
      ? {
          method: sig.method,
          signedOn: sig.signedOn,
          signerName: sig.method === 'typed_name' ? (sig.typedName ?? '') : 'Signature manuscrite',
        }
      : null,
    shares: shares
      .filter((s) => s.evaluationId === e.id)
      .map((s) => ({
        audience: s.audience,
        organisationName: s.organisationName,
        sharedAt: s.sharedAt.toISOString(),
      })),
    appliedAt: e.appliedAt?.toISOString() ?? null,
    preparedByName: record.preparedByName,
    validatedByName: record.validatedByName,
    validatedAt: e.validatedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
    rowVersion: e.rowVersion,
  };
}

export const presentShare = (s: ShareRow): TSharedEvaluation => ({
  id: s.id,
  evaluationId: s.evaluationId,
  measureName: s.measureName,
  sharedAt: s.sharedAt.toISOString(),
  version: s.snapshot,
});
