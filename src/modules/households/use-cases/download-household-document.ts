import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { documentContent } from '../documents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** A document's content; a document above the reader's level answers 404 like an unknown one. */
export async function downloadHouseholdDocument({
  tx,
  actor,
  householdId,
  documentId,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  documentId: string;
  now: Date;
}): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const level = await requireHouseholdAccess({ db: tx, actor, now }, householdId);
  const doc = await documentContent(tx, {
    householdId,
    documentId,
    sensitivities: readableSensitivities(level),
  });
  if (!doc) throw notFound('Document introuvable.');
  await audit(tx, actor, {
    action: 'household.document.download',
    entityType: 'household_document',
    entityId: doc.id,
    householdId,
    details: { fileName: doc.fileName },
  });
  return doc;
}
