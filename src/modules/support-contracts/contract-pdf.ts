import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import {
  CONTRACT_PARTY_LABELS,
  CONTRACT_STATUS_LABELS,
  type ContractParty,
  type TContractVersion,
} from '../../shared/contracts/support-contracts.ts';
import { formatDate } from '../../shared/format.ts';
import { modalitiesText, signatureText, termRows } from '../../shared/support-contracts/display.ts';

const bullets = (items: readonly string[]): Content =>
  items.length > 0 ? { ul: [...items], margin: [0, 2, 0, 6] } : { text: 'Aucun.', italics: true };

function signerOf(v: TContractVersion, party: ContractParty): string {
  if (party === 'household') return v.terms.householdName ?? 'Le ménage';
  if (party === 'association') return v.terms.operatorName;
  return v.terms.landlordName ?? 'Le bailleur';
}

/** One block per required signatory: how it signed (with the drawn image), or room to sign. */
function signatureBlock(v: TContractVersion, party: ContractParty): Content {
  const signature = v.signatures.find((s) => s.party === party);
  const head: Content[] = [
    { text: CONTRACT_PARTY_LABELS[party], bold: true },
    { text: signerOf(v, party), margin: [0, 0, 0, 4] },
  ];
  if (!signature)
    return {
      stack: [...head, { text: 'Signature :', color: '#555555' }, { text: ' ', margin: [0, 40, 0, 0] }],
    };
  return {
    stack: [
      ...head,
      ...(signature.signaturePng ? [{ image: signature.signaturePng, fit: [150, 60] } as Content] : []),
      { text: signatureText(signature), fontSize: 8 },
    ],
  };
}

/** The document definition, kept apart from rendering so its text can be checked in tests. */
export function contractPdfDefinition(v: TContractVersion, generatedAt: Date): TDocumentDefinitions {
  const title = 'Contrat d’accompagnement';
  const body: Content[] = [
    { text: title, style: 'title' },
    {
      text: `Dossier ${v.terms.fileLabel} · version ${v.number} · ${CONTRACT_STATUS_LABELS[v.status]}${v.inForceAt ? ` depuis le ${formatDate(v.inForceAt)}` : ''} · édité le ${formatDate(generatedAt)}`,
      style: 'meta',
    },
    { text: 'Entre les parties', style: 'section' },
    bullets(v.requiredSignatories.map((p) => `${CONTRACT_PARTY_LABELS[p]} : ${signerOf(v, p)}`)),
    { text: 'La mesure et le logement', style: 'section' },
    {
      table: {
        widths: [170, '*'],
        body: termRows(v.terms).map((r): Content[] => [{ text: r.label, bold: true }, r.value]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 2, 0, 8],
    },
    { text: 'Objectifs', style: 'section' },
  ];
  if (v.objectives) {
    body.push({
      table: {
        headerRows: 1,
        widths: ['*', '*', 60, 150],
        body: [
          ['Objectif', 'Indicateur', 'Date visée', 'Briques'].map((h) => ({ text: h, bold: true })),
          ...v.objectives.map((o): Content[] => [
            o.title,
            o.indicator || '—',
            formatDate(o.targetDate),
            o.briques.map((b) => b.label).join('\n'),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 2, 0, 8],
    });
  } else {
    body.push(
      {
        text: 'Les objectifs personnels du ménage figurent dans l’exemplaire du ménage et de l’association.',
        italics: true,
      },
      { text: 'Briques du référentiel mobilisées :', margin: [0, 4, 0, 0] },
      bullets(v.briques.map((b) => b.label)),
    );
  }
  body.push({ text: 'Engagements', style: 'section' });
  if (v.commitments.household) body.push({ text: 'Le ménage', bold: true }, bullets(v.commitments.household));
  if (v.requiredSignatories.includes('landlord') || v.commitments.landlord.length > 0)
    body.push({ text: 'Le bailleur', bold: true }, bullets(v.commitments.landlord));
  body.push({ text: 'L’association', bold: true }, bullets(v.commitments.association));
  body.push(
    { text: 'Modalités de l’accompagnement', style: 'section' },
    bullets(modalitiesText(v.modalities)),
  );
  if (v.clauses.length > 0)
    body.push({ text: 'Clauses particulières', style: 'section' }, bullets(v.clauses));
  body.push(
    { text: 'Signatures', style: 'section' },
    {
      text: 'Le contrat est en vigueur lorsque toutes les parties l’ont signé ; une version signée n’est jamais modifiée, elle est remplacée par un avenant.',
      style: 'meta',
    },
    {
      table: {
        widths: v.requiredSignatories.map(() => '*'),
        body: [v.requiredSignatories.map((p) => signatureBlock(v, p))],
      },
      layout: { hLineColor: () => '#999999', vLineColor: () => '#999999' },
      unbreakable: true,
    },
  );
  return {
    info: { title, creator: 'Relais' },
    content: body,
    ...PDF_STYLE,
  };
}

export const renderContractPdf = (v: TContractVersion, generatedAt: Date): Promise<Buffer> =>
  renderPdf(contractPdfDefinition(v, generatedAt));
