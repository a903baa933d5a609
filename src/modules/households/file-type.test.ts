import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './file-type.ts';

const zipWith = (firstEntry: string, rest = '') => {
  const header = Buffer.alloc(30);
  header.write('PK\u0003\u0004', 0, 'latin1');
  return Buffer.concat([header, Buffer.from(firstEntry + rest, 'latin1')]);
};

describe('detectDocumentType', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n...')],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')])],
    ['odt', zipWith('mimetypeapplication/vnd.oasis.opendocument.text')],
    ['docx', zipWith('[Content_Types].xml', '....word/document.xml')],
    ['txt', Buffer.from('Attestation de la CAF — montant versé : 312 €\n')],
  ])('recognises %s by its content', (type, content) => {
    expect(detectDocumentType(content)).toBe(type);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ['a zip that is no office document', zipWith('photo.jpg')],
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28])],
  ])('refuses %s', (_label, content) => {
    expect(detectDocumentType(content)).toBeNull();
  });
});
