import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { detectDocumentType } from './file-type.ts';

/** A real office document's container: an ODF stores its "mimetype" entry first, uncompressed. */
const odt = () =>
  Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
      'META-INF/manifest.xml': strToU8('<manifest:manifest/>'),
    }),
  );
const docx = () =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8('<Relationships/>'),
      'word/document.xml': strToU8('<w:document/>'),
    }),
  );

describe('detectDocumentType', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])],
    [
      'png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    ],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')])],
    ['odt', odt()],
    ['docx', docx()],
    ['txt', Buffer.from('Attestation de la CAF — montant versé : 312 €\n')],
  ])('recognises %s by its content', async (type, content) => {
    expect(await detectDocumentType(content)).toBe(type);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])],
    ['a zip that is no office document', Buffer.from(zipSync({ 'photo.jpg': new Uint8Array([1, 2, 3]) }))],
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28])],
    ['text with binary bytes', Buffer.from('abc\u0001def')],
  ])('refuses %s', async (_label, content) => {
    expect(await detectDocumentType(content)).toBeNull();
  });
});
