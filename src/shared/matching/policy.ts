import { formatCents } from '../format.ts';
import {
  POLICY_CAP_LABELS,
  POLICY_WEIGHT_LABELS,
  TIE_BREAKER_LABELS,
  type PolicyWeight,
  type TMatchingPolicyParams,
} from '../contracts/matching.ts';

/**
 * The policy a territory starts from (version 0) until its coordinator adopts one. The weights follow
 * the published cotation grids' order (allocation-rules.md §3.5: DALO and the L441-1 categories
 * highest, the time criteria capped); the affordability thresholds are common landlord practice
 * (§4.8: 30 % of effort, 12 € per consumption unit per day); a refused typology is not proposed again
 * for three months (§4.7, a PPGD's choice).
 */
export const DEFAULT_POLICY: TMatchingPolicyParams = {
  weights: {
    dalo: 100,
    perPriorityCategory: 20,
    perShelterMonth: 2,
    perDemandMonth: 1,
    effortWithinThreshold: 15,
    resteAVivreAboveThreshold: 15,
    usualTypology: 10,
    wishedCommune: 10,
    supportInPlace: 10,
    adaptedDwelling: 30,
  },
  caps: { priorityCategories: 3, shelterMonths: 36, demandMonths: 60 },
  thresholds: { effortRatePercent: 30, resteAVivrePerUnitPerDayCents: 1200 },
  coolOffDays: 90,
  tieBreakers: ['time_in_shelter', 'demand_age', 'dalo_decision'],
};

const pts = (n: number) => `${n} point${n > 1 ? 's' : ''}`;

/** What changes from one policy to another, line by line in French (for the adoption and its history). */
export function policyChanges(before: TMatchingPolicyParams, after: TMatchingPolicyParams): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(POLICY_WEIGHT_LABELS) as PolicyWeight[]) {
    const [x, y] = [before.weights[key], after.weights[key]];
    if (x !== y) lines.push(`${POLICY_WEIGHT_LABELS[key]} : ${pts(x)} → ${pts(y)}`);
  }
  const n = (label: string, a: number | string, b: number | string) => {
    if (a !== b) lines.push(`${label} : ${a} → ${b}`);
  };
  for (const key of Object.keys(POLICY_CAP_LABELS) as (keyof typeof POLICY_CAP_LABELS)[])
    n(POLICY_CAP_LABELS[key], before.caps[key], after.caps[key]);
  n('Seuil du taux d’effort (%)', before.thresholds.effortRatePercent, after.thresholds.effortRatePercent);
  n(
    'Seuil du reste à vivre par unité de consommation et par jour',
    formatCents(before.thresholds.resteAVivrePerUnitPerDayCents),
    formatCents(after.thresholds.resteAVivrePerUnitPerDayCents),
  );
  n('Jours avant une nouvelle proposition après un refus', before.coolOffDays, after.coolOffDays);
  const order = (p: TMatchingPolicyParams) => p.tieBreakers.map((t) => TIE_BREAKER_LABELS[t]).join(', puis ');
  n('Départage', order(before), order(after));
  return lines;
}
