import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_STYLE } from '../../kernel/pdf.ts';
import {
  AVAILABILITY_END_REASON_LABELS,
  type TConventionReview,
} from '../../shared/contracts/partnerships.ts';
import { formatCents, formatDate, formatDateTime } from '../../shared/format.ts';
import { reviewTotalsText } from './convention-review.ts';

/** The yearly review as a PDF: the same figures as the page, in the house style. */
export function reviewPdfDefinition(r: TConventionReview, generatedAt: Date): TDocumentDefinitions {
  const cell = (text: string, bold = false) => ({ text, bold });
  const body: Content[] = [
    { text: `Bilan annuel ${r.year} — ${r.title}`, style: 'title' },
    { text: `Convention entre ${r.landlordName} et ${r.associationName}`, style: 'meta' },
    { text: `Édité le ${formatDateTime(generatedAt)}, à partir des données de Relais.`, style: 'meta' },
    { text: 'Logements mis à disposition', style: 'section' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
        body: [
          ['Logement', 'Occupation', 'Jours', 'Occupés', 'Vacants', 'Participation'].map((h) =>
            cell(h, true),
          ),
          ...r.dwellings.map((d) => [
            d.endedOn
              ? `${d.address} (jusqu’au ${formatDate(d.endedOn)} : ${AVAILABILITY_END_REASON_LABELS[d.endReason!].toLowerCase()})`
              : d.address,
            d.occupancyText,
            String(d.availableDays),
            String(d.occupiedDays),
            String(d.vacantDays),
            formatCents(d.feeCents),
          ]),
        ],
      },
    },
    { text: reviewTotalsText(r), margin: [0, 4, 0, 0] },
    { text: `Participation aux frais de gestion : ${r.feeText}.`, style: 'meta' },
  ];
  if (r.amendments.length > 0) {
    body.push({ text: 'Avenants de l’année', style: 'section' });
    body.push({ ul: r.amendments });
  }
  const gla = r.dwellings.filter((d) => d.gla);
  if (gla.length > 0) {
    body.push({ text: 'Gestion locative adaptée', style: 'section' });
    for (const d of gla)
      body.push({
        stack: [
          {
            text: `${d.address} — coût ${formatCents(d.gla!.costCents)} (${formatCents(d.gla!.perDwellingYearCents)} par logement et par an)`,
            bold: true,
          },
          { text: d.gla!.schemeSource, style: 'meta' },
          {
            text: `${d.gla!.contactsDone} contact(s) mensuel(s) faits sur ${d.gla!.contactsPlanned} prévus ; ${d.gla!.tasksDone} tâche(s) du plan faites sur ${d.gla!.tasks.length}`,
          },
          {
            ul: d.gla!.tasks.map(
              (t) =>
                `${t.label} : au plus tard le ${formatDate(t.dueOn)}${t.doneOn ? ` — faite le ${formatDate(t.doneOn)}` : ''}`,
            ),
          },
        ],
        margin: [0, 2, 0, 4],
      });
  }
  body.push({ text: 'Engagements d’accompagnement', style: 'section' });
  const commitments = [...r.commitments, ...r.briques.map((b) => `Brique ${b.label}`)];
  body.push(
    commitments.length > 0 ? { ul: commitments } : { text: 'Aucun engagement inscrit.', italics: true },
  );
  return { ...PDF_STYLE, info: { title: `Bilan ${r.year} — ${r.title}` }, content: body };
}
