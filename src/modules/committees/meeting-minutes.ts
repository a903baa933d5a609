import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import {
  COMMITTEE_KIND_LABELS,
  DECISION_OUTCOME_LABELS,
  HOUSEHOLD_PRESENCE_LABELS,
  ITEM_KIND_LABELS,
  type TMeeting,
} from '../../shared/contracts/committees.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { personLine } from './committee-people.ts';

/**
 * The minutes of a meeting as one member may read them: built from the meeting as presented to
 * that member, so a file it is no party to shows its number, the kind of item and the decision,
 * never the title or the reasons.
 */
export function minutesPdfDefinition(
  m: TMeeting,
  readerName: string,
  generatedAt: Date,
): TDocumentDefinitions {
  const decided = m.items.filter((i) => i.decision).length;
  const body: Content[] = [
    { text: `Relevé de décisions — ${m.committeeName}`, style: 'title' },
    {
      text: `${COMMITTEE_KIND_LABELS[m.committeeKind]} · réunion du ${formatDateTime(m.startsAt)}${m.location ? ` · ${m.location}` : ''}`,
      style: 'meta',
    },
    {
      text: `Exemplaire de ${readerName}, édité le ${formatDateTime(generatedAt)} : chaque membre ne lit que ce que son accès aux dossiers permet.`,
      style: 'meta',
    },
    ...(m.people.length > 0
      ? [
          { text: 'Membres', style: 'section' },
          {
            ul: m.people.map((p) => personLine(p)),
            margin: [0, 0, 0, 4] as [number, number, number, number],
          },
        ]
      : []),
    {
      text: `Ordre du jour : ${m.items.length} point${m.items.length > 1 ? 's' : ''}, ${decided} décidé${decided > 1 ? 's' : ''}`,
      style: 'section',
    },
  ];
  if (m.items.length === 0) body.push({ text: 'Aucun point inscrit.', italics: true });
  m.items.forEach((item, n) => {
    const d = item.decision;
    body.push({
      stack: [
        { text: `${n + 1}. Dossier ${item.fileLabel} — ${item.title}`, bold: true, margin: [0, 6, 0, 2] },
        {
          text: [
            ITEM_KIND_LABELS[item.kind],
            item.measure ? ` · ${item.measure.schemeName} (${item.measure.status.toLowerCase()})` : '',
            ` · présenté par ${item.addedByOrganisationName}`,
            ` · ${HOUSEHOLD_PRESENCE_LABELS[item.householdPresence]}`,
          ].join(''),
          style: 'meta',
        },
        d
          ? {
              stack: [
                {
                  text: `${DECISION_OUTCOME_LABELS[d.outcome]} le ${formatDate(d.decidedOn)} : ${d.summary}`,
                },
                ...(d.reason ? [{ text: `Motif : ${d.reason}`, italics: true }] : []),
              ],
            }
          : { text: 'Pas de décision enregistrée.', italics: true },
      ],
      unbreakable: true,
    });
  });
  return {
    info: { title: `Relevé de décisions — ${m.committeeName}` },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    ...PDF_STYLE,
    footer: (page, pages) => ({
      text: `${m.committeeName} — ${formatDate(m.startsAt)} — page ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
    content: body,
  };
}

export const renderMinutesPdf = (m: TMeeting, readerName: string, generatedAt: Date): Promise<Buffer> =>
  renderPdf(minutesPdfDefinition(m, readerName, generatedAt));
