import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { canReadFullDiagnostic } from '../diagnostic-access.ts';
import { listCapacityAssessments } from '../diagnostics.repository.ts';
import { presentCapacity } from '../diagnostic.presenter.ts';

/** Every grid of the household, oldest first, with comments: for its caseworker (audited read). */
export async function listHouseholdCapacityAssessments(ctx: Context, householdId: string) {
  if (!canReadFullDiagnostic(await requireHouseholdAccess(ctx, householdId))) {
    throw notFound('Dossier introuvable.');
  }
  await audit(ctx.db, ctx.actor, {
    action: 'capacity_assessment.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return { items: (await listCapacityAssessments(ctx.db, householdId)).map(presentCapacity) };
}
