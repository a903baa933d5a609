import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { canReadFullDiagnostic } from '../diagnostic-access.ts';
import { listCapacityAssessments } from '../diagnostics.repository.ts';
import { presentCapacity } from '../diagnostic.presenter.ts';

/** Every grid of the household, oldest first, with comments: for its caseworker (audited read). */
export async function listHouseholdCapacityAssessments({
  tx,
  actor,
  householdId,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  now: Date;
}) {
  if (!canReadFullDiagnostic(await requireHouseholdAccess({ db: tx, actor, now }, householdId))) {
    throw notFound('Dossier introuvable.');
  }
  await audit(tx, actor, {
    action: 'capacity_assessment.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return { items: (await listCapacityAssessments(tx, householdId)).map(presentCapacity) };
}
