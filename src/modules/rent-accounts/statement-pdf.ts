import type { Content } from 'pdfmake/interfaces.js';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import { formatCents, formatDate, formatDateTime } from '../../shared/format.ts';
import type { Statement } from '../../shared/rent-accounts/ledger.ts';
import {
  PAYMENT_METHOD_LABELS,
  POSTING_KIND_LABELS,
  type PostingKind,
} from '../../shared/rent-accounts/postings.ts';
import type { RentPostingRow } from './schema.ts';

/** The tenant's statement (relevé de compte locatif): French, euros, Paris dates, nothing technical. */
export function renderStatementPdf(input: {
  occupant: string;
  dwelling: string;
  collector: string;
  statement: Statement<RentPostingRow>;
  /** Every line's kind, for the wording of a counter-entry whose line is before the period. */
  kinds: ReadonlyMap<string, PostingKind>;
  generatedAt: Date;
}): Promise<Buffer> {
  const s = input.statement;
  const kinds = input.kinds;
  const wording = (p: RentPostingRow) => {
    const reversed = p.reversesPostingId ? kinds.get(p.reversesPostingId) : undefined;
    const kind =
      p.kind === 'counter_entry'
        ? `Annulation${reversed ? ` : ${POSTING_KIND_LABELS[reversed].toLowerCase()}` : ' d’une écriture'}`
        : POSTING_KIND_LABELS[p.kind];
    return [kind, p.method ? PAYMENT_METHOD_LABELS[p.method] : null, p.label].filter(Boolean).join(' — ');
  };
  const bold = (text: string) => ({ text, bold: true });
  const money = (cents: number) => ({ text: formatCents(cents), alignment: 'right' as const });
  const body: Content[][] = [
    [bold('Date'), bold('Libellé'), bold('Débit'), bold('Crédit'), bold('Solde')],
    [formatDate(s.from), 'Solde au début de la période', '', '', money(s.openingBalanceCents)],
    ...s.lines.map((l): Content[] => [
      formatDate(l.posting.postedOn),
      wording(l.posting),
      l.posting.amountCents > 0 ? money(l.posting.amountCents) : '',
      l.posting.amountCents < 0 ? money(-l.posting.amountCents) : '',
      money(l.balanceAfterCents),
    ]),
    [
      formatDate(s.to),
      bold('Solde à la fin de la période'),
      '',
      '',
      { ...money(s.closingBalanceCents), bold: true },
    ],
  ];
  const closing = s.closingBalanceCents;
  return renderPdf({
    ...PDF_STYLE,
    info: { title: 'Relevé de compte locatif' },
    content: [
      { text: 'Relevé de compte locatif', style: 'title' },
      { text: `Du ${formatDate(s.from)} au ${formatDate(s.to)}`, style: 'meta' },
      { text: `Occupant : ${input.occupant}`, style: 'meta' },
      { text: `Logement : ${input.dwelling}`, style: 'meta' },
      { text: `Loyer encaissé par : ${input.collector}`, style: 'meta' },
      {
        table: { headerRows: 1, widths: [55, '*', 60, 60, 65], body },
        layout: 'lightHorizontalLines',
        margin: [0, 8, 0, 8],
      },
      {
        text:
          closing > 0
            ? `Reste dû au ${formatDate(s.to)} : ${formatCents(closing)}.`
            : closing < 0
              ? `Avance en votre faveur au ${formatDate(s.to)} : ${formatCents(-closing)}.`
              : `Compte à jour au ${formatDate(s.to)}.`,
        bold: true,
      },
      { text: `Édité le ${formatDateTime(input.generatedAt)}.`, style: 'meta', margin: [0, 12, 0, 0] },
    ],
  });
}
