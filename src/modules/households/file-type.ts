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

const startsWith = (buf: Buffer, bytes: readonly number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = ascii('mimetypeapplication/vnd.oasis.opendocument.text');

function isPlainText(buf: Buffer): boolean {
  // Control bytes other than tab, newline, vertical tab, form feed and CR mean binary content.
  if (buf.some((b) => b <= 0x08 || (b >= 0x0e && b <= 0x1f))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of a file from its content (magic bytes), never from its declared name or MIME type.
 * An ODF file stores an uncompressed "mimetype" entry first (offset 30); a DOCX is a ZIP holding
 * a "word/" part. Anything else is refused (null).
 */
export function detectDocumentType(buf: Buffer): DocumentType | null {
  if (buf.length === 0) return null;
  if (startsWith(buf, ascii('%PDF-'))) return 'pdf';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(buf, ZIP)) {
    if (startsWith(buf, ODT_MIMETYPE, 30)) return 'odt';
    if (buf.includes('word/')) return 'docx';
    return null;
  }
  return isPlainText(buf) ? 'txt' : null;
}
