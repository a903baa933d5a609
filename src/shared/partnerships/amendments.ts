import { OCCUPANCY_KIND_LABELS } from '../contracts/housing-stock.ts';
import { FEE_MODE_LABELS, type TAmendmentChanges } from '../contracts/partnerships.ts';
import { formatCents, formatDate } from '../format.ts';
import type { ConventionFee } from './review.ts';

/** A convention's terms and its amendments (avenants) in words, for its page, its review and the audit log. */

/** The fee in words: « 300,00 € par logement et par an, au prorata des jours », « 10 % du loyer hors charges… ». */
export function feeText(fee: ConventionFee): string {
  if (fee.mode === 'per_dwelling_year')
    return `${formatCents(fee.perDwellingYearCents)} ${FEE_MODE_LABELS.per_dwelling_year.toLowerCase()}, au prorata des jours`;
  const percent = (fee.perMille / 10).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return `${percent} % du loyer hors charges des jours de mise à disposition`;
}

const dayText = (day: string | null) => (day ? `le ${formatDate(day)}` : 'sans date de fin');

/** What an amendment changed, in French, one line per term (its history). */
export function amendmentLines(changes: TAmendmentChanges): string[] {
  const lines: string[] = [];
  if (changes.fee)
    lines.push(
      `Participation aux frais de gestion : ${feeText(changes.fee.after)} (au lieu de ${feeText(changes.fee.before)})`,
    );
  if (changes.commitments) {
    const { before, after } = changes.commitments;
    const added = after.filter((c) => !before.includes(c));
    const removed = before.filter((c) => !after.includes(c));
    lines.push(
      [
        ...added.map((c) => `engagement ajouté : « ${c} »`),
        ...removed.map((c) => `engagement retiré : « ${c} »`),
      ]
        .join(' ; ')
        .replace(/^./, (c) => c.toUpperCase()) || 'Engagements d’accompagnement remis dans un autre ordre',
    );
  }
  if (changes.startOn)
    lines.push(
      `Début de la convention ${dayText(changes.startOn.after)} (au lieu du ${formatDate(changes.startOn.before)})`,
    );
  if (changes.endOn)
    lines.push(
      `Fin de la convention ${dayText(changes.endOn.after)} (au lieu de ${changes.endOn.before ? `la fin le ${formatDate(changes.endOn.before)}` : 'aucune date de fin'})`,
    );
  for (const d of changes.dwellings ?? [])
    lines.push(
      `${d.address} : ${OCCUPANCY_KIND_LABELS[d.after].toLowerCase()} (au lieu de ${OCCUPANCY_KIND_LABELS[d.before].toLowerCase()})`,
    );
  return lines;
}
