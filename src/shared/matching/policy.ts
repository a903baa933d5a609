import { formatCents } from '../format.ts';
import { TIE_BREAKER_LABELS, type TMatchingPolicyParams } from '../contracts/matching.ts';

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
  const w = (label: string, a: number, b: number) => {
    if (a !== b) lines.push(`${label} : ${pts(a)} → ${pts(b)}`);
  };
  w('DALO', before.weights.dalo, after.weights.dalo);
  w('Par catégorie prioritaire', before.weights.perPriorityCategory, after.weights.perPriorityCategory);
  w('Par mois en hébergement', before.weights.perShelterMonth, after.weights.perShelterMonth);
  w('Par mois d’ancienneté de la demande', before.weights.perDemandMonth, after.weights.perDemandMonth);
  w('Taux d’effort sous le seuil', before.weights.effortWithinThreshold, after.weights.effortWithinThreshold);
  w(
    'Reste à vivre au-dessus du seuil',
    before.weights.resteAVivreAboveThreshold,
    after.weights.resteAVivreAboveThreshold,
  );
  w('Typologie habituelle', before.weights.usualTypology, after.weights.usualTypology);
  w('Commune souhaitée', before.weights.wishedCommune, after.weights.wishedCommune);
  w('Accompagnement en place', before.weights.supportInPlace, after.weights.supportInPlace);
  w('Logement adapté au besoin', before.weights.adaptedDwelling, after.weights.adaptedDwelling);
  const n = (label: string, a: number | string, b: number | string) => {
    if (a !== b) lines.push(`${label} : ${a} → ${b}`);
  };
  n(
    'Catégories prioritaires comptées au plus',
    before.caps.priorityCategories,
    after.caps.priorityCategories,
  );
  n('Mois en hébergement comptés au plus', before.caps.shelterMonths, after.caps.shelterMonths);
  n('Mois d’ancienneté comptés au plus', before.caps.demandMonths, after.caps.demandMonths);
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
