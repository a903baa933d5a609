import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';
import type { DOCUMENT_TYPES } from '../../shared/contracts/households.ts';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_MIME_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};

const ACCEPTED = new Map(
  Object.entries(DOCUMENT_MIME_TYPES).map(([type, mime]) => [mime, type as DocumentType]),
);

/** UTF-8 without control bytes other than tab, newline, vertical tab, form feed and CR. */
const isPlainText = (buf: Buffer) => isUtf8(buf) && !buf.some((b) => b <= 0x08 || (b >= 0x0e && b <= 0x1f));

/**
 * The type of a file from its content (file-type reads the magic bytes and, for office documents,
 * the ZIP's entries), never from its declared name or MIME type. Plain text has no signature: it is
 * accepted as valid UTF-8 without binary bytes. Anything else is refused (null).
 */
export async function detectDocumentType(buf: Buffer): Promise<DocumentType | null> {
  if (buf.length === 0) return null;
  const detected = await fileTypeFromBuffer(buf);
  if (detected) return ACCEPTED.get(detected.mime) ?? null;
  return isPlainText(buf) ? 'txt' : null;
}
