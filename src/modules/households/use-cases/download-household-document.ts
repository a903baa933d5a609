import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { documentContent } from '../documents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** A document's content; a document above the reader's level answers 404 like an unknown one. */
export async function downloadHouseholdDocument(
  ctx: Context,
  input: { householdId: string; documentId: string },
): Promise<FileAnswer> {
  const level = await requireHouseholdAccess(ctx, input.householdId);
  const doc = await documentContent(ctx.db, { ...input, sensitivities: readableSensitivities(level) });
  if (!doc) throw notFound('Document introuvable.');
  await audit(ctx.db, ctx.actor, {
    action: 'household.document.download',
    entityType: 'household_document',
    entityId: doc.id,
    householdId: input.householdId,
    details: { fileName: doc.fileName },
  });
  return { fileName: doc.fileName, mimeType: doc.mimeType, content: doc.content };
}
