import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden } from '../../../kernel/errors.ts';
import type { Sensitivity } from '../../../shared/contracts/household-enums.ts';
import { canSeeSensitivity } from '../../../shared/access/household-fields.ts';
import { insertDocument } from '../documents.repository.ts';
import { DOCUMENT_MIME_TYPES, detectDocumentType } from '../file-type.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

const unsupported = () =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Type de fichier non accepté : PDF, JPEG, PNG, WebP, DOCX, ODT ou texte uniquement.',
  );

/**
 * Stores a document whose content is one of the accepted types. The declared MIME type must agree
 * with the content; the stored type is the detected one.
 */
export async function uploadHouseholdDocument(
  ctx: Context,
  input: {
    householdId: string;
    fileName: string;
    declaredMimeType: string;
    content: Buffer;
    sensitivity: Sensitivity;
  },
): Promise<{ id: string }> {
  const { actor, db } = ctx;
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canSeeSensitivity(level, input.sensitivity)) {
    throw forbidden('Vous ne pouvez pas déposer un document à ce niveau de confidentialité.');
  }
  const type = await detectDocumentType(input.content);
  if (!type) throw unsupported();
  const mimeType = DOCUMENT_MIME_TYPES[type];
  const declared = input.declaredMimeType.split(';')[0]!.trim().toLowerCase();
  if (declared !== mimeType && declared !== 'application/octet-stream') throw unsupported();

  const id = await insertDocument(db, {
    householdId: input.householdId,
    fileName: input.fileName,
    mimeType,
    sensitivity: input.sensitivity,
    content: input.content,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: ctx.now,
  });
  await audit(db, actor, {
    action: 'household.document.upload',
    entityType: 'household_document',
    entityId: id,
    householdId: input.householdId,
    details: { fileName: input.fileName, sizeBytes: input.content.length, sensitivity: input.sensitivity },
  });
  return { id };
}
