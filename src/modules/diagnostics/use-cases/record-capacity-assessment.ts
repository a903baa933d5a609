import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TCapacityAssessmentCreate } from '../../../shared/contracts/diagnostics.ts';
import { deriveReadiness } from '../../../shared/diagnostics/capacity.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { assertCanWrite, requireDiagnostic } from '../diagnostic-access.ts';
import { insertCapacityAssessment } from '../diagnostics.repository.ts';

/**
 * Records one dated capacité à habiter grid. The grid suggests a "prêt à sortir" opinion; the
 * caseworker confirms it, or gives another one with the reason (kept beside the derived one).
 */
export async function recordCapacityAssessment(
  ctx: Context,
  input: TCapacityAssessmentCreate & { householdId: string },
) {
  const { db: tx, actor, now } = ctx;
  const { householdId } = input;
  assertCanWrite(await requireHouseholdAccess(ctx, householdId));
  if (input.diagnosticId) await requireDiagnostic(ctx, { diagnosticId: input.diagnosticId, householdId });
  const derivedOpinion = deriveReadiness(input.scores);
  const reason = input.overrideReason?.trim() ?? '';
  if (input.opinion !== derivedOpinion && reason.length < 10) {
    throw invalid({
      overrideReason: 'Expliquez pourquoi votre avis diffère de celui de la grille (10 caractères au moins).',
    });
  }
  const row = await insertCapacityAssessment(tx, {
    householdId,
    diagnosticId: input.diagnosticId ?? null,
    assessedOn: input.assessedOn,
    scores: input.scores,
    derivedOpinion,
    opinion: input.opinion,
    overrideReason: input.opinion === derivedOpinion ? null : reason,
    assessedByUserId: actor.userId,
    organisationId: actor.organisationId,
    createdAt: now,
  });
  await audit(tx, actor, {
    action: 'capacity_assessment.create',
    entityType: 'capacity_assessment',
    entityId: row.id,
    householdId,
    details: { assessedOn: input.assessedOn, derivedOpinion, opinion: input.opinion },
  });
  return { id: row.id, derivedOpinion, opinion: input.opinion };
}
