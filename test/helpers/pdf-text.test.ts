import { describe, expect, it } from 'vitest';
import { PDF_STYLE, renderPdf } from '../../src/kernel/pdf.ts';
import { pdfText } from './pdf-text.ts';

describe('pdfText', () => {
  it('reads back the text of a document rendered by the server, accents and bold included', async () => {
    const pdf = await renderPdf({
      ...PDF_STYLE,
      content: [
        { text: 'Contrat d’accompagnement', style: 'title' },
        { text: ['Objectif : ', { text: 'S’approprier le logement', bold: true }] },
        { text: 'Échéance visée : 30/06/2027 — « à domicile »' },
      ],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Contrat d’accompagnement');
    expect(text).toContain('S’approprier le logement');
    expect(text).toContain('Échéance visée : 30/06/2027 — « à domicile »');
  });
});
