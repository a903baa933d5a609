import { formatCents } from '../format.ts';
import type { SchemeRules } from './scheme-rules.ts';

/**
 * A scheme's rules and costs in French sentences, for the people who prescribe, fund and administer
 * it. Pure; the sequencing rule names schemes by short name, which `schemeName` turns into words.
 */

const months = (n: number) => `${n} mois`;
const times = (n: number) => (n === 1 ? 'une fois' : `${n} fois`);

/** « a, b ou c » (or « et »), as a French list reads. */
export function frenchList(items: readonly string[], last: 'ou' | 'et'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** « 3 mois, renouvelable 2 fois au plus » (the renewal's length when it differs from the first). */
export function durationText(rules: Pick<SchemeRules, 'initialMonths' | 'renewalMonths' | 'maxRenewals'>) {
  const each = rules.renewalMonths === rules.initialMonths ? '' : ` de ${months(rules.renewalMonths)}`;
  if (rules.maxRenewals === 0) return `${months(rules.initialMonths)}, non renouvelable`;
  if (rules.maxRenewals === null)
    return `${months(rules.initialMonths)}, renouvelable${each} sans limite de nombre`;
  return `${months(rules.initialMonths)}, renouvelable${each} ${times(rules.maxRenewals)} au plus`;
}

/** Every rule of a scheme version, one sentence each, in the order a prescriber meets them. */
export function schemeRulesText(rules: SchemeRules, schemeName: (code: string) => string): string[] {
  const lines = [durationText(rules)];
  if (rules.maxTotalMonths !== null) lines.push(`${months(rules.maxTotalMonths)} au total au plus`);
  if (rules.criteria)
    lines.push(`Au moins ${rules.criteria.min} critères parmi : ${rules.criteria.among.join(' ; ')}`);
  if (rules.validationAfter) {
    const { schemes, withinMonths } = rules.validationAfter;
    const names = frenchList(schemes.map(schemeName), 'ou');
    lines.push(
      `Validation de l’État si une mesure ${names} est en cours ou terminée depuis moins de ${months(withinMonths)}`,
    );
  }
  return lines;
}

/** « 160,00 € par mois », and the other unit costs set; « Aucun coût renseigné » otherwise. */
export function costsText(costs: {
  perMonthCents: number | null;
  perMeasureCents: number | null;
  perDwellingYearCents: number | null;
}): string {
  const parts = [
    costs.perMonthCents !== null && `${formatCents(costs.perMonthCents)} par mois`,
    costs.perMeasureCents !== null && `${formatCents(costs.perMeasureCents)} par mesure`,
    costs.perDwellingYearCents !== null &&
      `${formatCents(costs.perDwellingYearCents)} par logement et par an`,
  ].filter((p): p is string => p !== false);
  return parts.length > 0 ? parts.join(' ; ') : 'Aucun coût renseigné';
}
