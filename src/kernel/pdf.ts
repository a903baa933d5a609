import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * The one pdfmake set-up of the server: the Roboto fonts shipped with pdfmake, and no resource
 * fetched from a URL or read from disk beyond those fonts (images come as data URLs only).
 */
const robotoDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts/Roboto',
);
pdfmake.addFonts({
  Roboto: {
    normal: join(robotoDir, 'Roboto-Regular.ttf'),
    bold: join(robotoDir, 'Roboto-Medium.ttf'),
    italics: join(robotoDir, 'Roboto-Italic.ttf'),
    bolditalics: join(robotoDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => p.startsWith(robotoDir));

export const renderPdf = (definition: TDocumentDefinitions): Promise<Buffer> =>
  pdfmake.createPdf(definition).getBuffer();

/** The house style of Relais's documents: Roboto 9 pt, a title, grey meta lines, section headings. */
export const PDF_STYLE = {
  defaultStyle: { font: 'Roboto', fontSize: 9 },
  styles: {
    title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    meta: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 4] },
    section: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
  },
} satisfies Pick<TDocumentDefinitions, 'defaultStyle' | 'styles'>;
