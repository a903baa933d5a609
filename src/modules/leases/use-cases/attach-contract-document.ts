import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import { canSeeSensitivity } from '../../../shared/access/household-fields.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireContractAction } from '../lease-access.ts';
import { householdDocument, insertContractDocument, insertEvent } from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

/**
 * Attaches to the contract a document of the household's file (uploaded there, with its type checks
 * and confidentiality), one the actor may read.
 */
export async function attachContractDocument(
  ctx: Context,
  input: { id: string; householdDocumentId: string; label: string },
): Promise<TContract> {
  const { row, householdLevel } = await requireContractAction(
    ctx,
    input.id,
    'manage_contract',
    'record_event',
  );
  const c = row.contract;
  const doc = c.householdId
    ? await householdDocument(ctx.db, c.householdId, input.householdDocumentId)
    : null;
  if (!doc || !canSeeSensitivity(householdLevel, doc.sensitivity))
    throw invalid({ householdDocumentId: 'Choisissez un document du dossier du ménage.' });
  const attached = await insertContractDocument(ctx.db, {
    contractId: c.id,
    householdDocumentId: doc.id,
    label: input.label,
    attachedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
  });
  if (!attached) throw new AppError('CONFLICT', 'Ce document est déjà joint au contrat.');
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'document_attached',
    occurredOn: parisDate(ctx.now),
    note: input.label,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.document.attach',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { label: input.label },
  });
  return contractAnswer(ctx, c.id);
}
