import { PRIORITY_CATEGORY_SHORT, type PriorityCategory } from '../contracts/housing-pool.ts';
import {
  SIGNAL_LABELS,
  type SignalCode,
  type TCandidateExplanation,
  type TMatchingPolicyParams,
  type TSignalResult,
  type TieBreaker,
} from '../contracts/matching.ts';
import { formatCents, formatDate } from '../format.ts';
import { daysInShelter, shelterTimeWords } from '../housing-pool/rules.ts';
import { isUsualTypology, typologyFit } from './adequacy.ts';
import { explainFilter, hardFilterChecks, type DwellingFacts, type HouseholdFacts } from './filters.ts';

/**
 * The ranking (allocation-rules.md §7.3–7.4): explicit signals, each with its value, its points under
 * the territory's policy and its reference; candidates in decreasing points, ties broken by the
 * policy's order then by the household's id (stable). The ranking proposes and explains; the
 * commission decides (§7.1).
 */

/** The budget of a household in this dwelling, with the housing benefit estimated for it. */
export interface BudgetFacts {
  effortPercent: number | null;
  resteAVivrePerUnitPerDayCents: number | null;
  housingBenefitCents: number;
}

const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pts = (n: number) => `${n} point${n > 1 ? 's' : ''}`;
type Words = string | (() => string);
const words = (w: Words) => (typeof w === 'string' ? w : w());

/** A signal's points, its words written only when shown (see FilterCheck). */
export interface SignalCheck {
  code: SignalCode;
  points: number;
  value: Words;
  weight: Words;
  reference: string;
}
const signal = (
  code: SignalCode,
  value: Words,
  points: number,
  weight: Words,
  reference: string,
): SignalCheck => ({
  code,
  value,
  points,
  weight,
  reference,
});

/** A signal in words. */
export const explainSignal = (c: SignalCheck): TSignalResult => ({
  code: c.code,
  label: SIGNAL_LABELS[c.code],
  value: words(c.value),
  points: c.points,
  weight: words(c.weight),
  reference: c.reference,
});

/** Whole months (of 30.4375 days) from `from` to `today`. */
export function monthsSince(from: string | null, today: string): number | null {
  const days = daysInShelter(from, today);
  return days === null ? null : Math.floor(days / 30.4375);
}

function timeSignal(
  code: 'time_in_shelter' | 'demand_age',
  since: string | null,
  today: string,
  perMonth: number,
  cap: number,
  what: string,
  reference: string,
): SignalCheck {
  const months = monthsSince(since, today);
  const weight = () => `${pts(perMonth)} par mois, ${cap} mois au plus`;
  if (months === null || since === null) return signal(code, `${what} inconnue`, 0, weight, reference);
  const value = () =>
    `${shelterTimeWords(daysInShelter(since, today))} depuis le ${formatDate(since)}${months > cap ? ` (${cap} mois comptés)` : ''}`;
  return signal(code, value, Math.min(months, cap) * perMonth, weight, reference);
}

function affordabilitySignals(b: BudgetFacts | null, p: TMatchingPolicyParams): SignalCheck[] {
  const aid = () => (b ? ` avec ${formatCents(b.housingBenefitCents)} d’aide au logement estimée` : '');
  const effortWeight = () =>
    `${pts(p.weights.effortWithinThreshold)} si ${p.thresholds.effortRatePercent} % ou moins`;
  const ravWeight = () =>
    `${pts(p.weights.resteAVivreAboveThreshold)} si ${formatCents(p.thresholds.resteAVivrePerUnitPerDayCents)} ou plus par unité de consommation et par jour`;
  const ref = 'CCH R441-3-1 ; arrêté du 10 mars 2011';
  const effort = b?.effortPercent ?? null;
  const rav = b?.resteAVivrePerUnitPerDayCents ?? null;
  return [
    effort === null
      ? signal('effort_rate', 'Non calculable : ressources du ménage non renseignées', 0, effortWeight, ref)
      : signal(
          'effort_rate',
          () => `${percentFormat.format(effort)} %${aid()}`,
          effort <= p.thresholds.effortRatePercent ? p.weights.effortWithinThreshold : 0,
          effortWeight,
          ref,
        ),
    rav === null
      ? signal(
          'reste_a_vivre',
          'Non calculable : ressources du ménage non renseignées',
          0,
          ravWeight,
          'Pratique des bailleurs et du FSL',
        )
      : signal(
          'reste_a_vivre',
          () => `${formatCents(rav)} par unité de consommation et par jour${aid()}`,
          rav >= p.thresholds.resteAVivrePerUnitPerDayCents ? p.weights.resteAVivreAboveThreshold : 0,
          ravWeight,
          'Pratique des bailleurs et du FSL',
        ),
  ];
}

/** Every ranking signal's points for a household and a dwelling, in the order they are shown. */
export function signalChecks(
  h: HouseholdFacts,
  d: DwellingFacts,
  budget: BudgetFacts | null,
  p: TMatchingPolicyParams,
  today: string,
): SignalCheck[] {
  const w = p.weights;
  const categories = h.priorityCategories as readonly PriorityCategory[];
  const counted = Math.min(categories.length, p.caps.priorityCategories);
  const typology = d.typology;
  const usual = typology !== null && isUsualTypology(h, typology);
  const adapted = d.accessibility === 'adaptable' || d.accessibility === 'wheelchair_accessible';
  return [
    signal(
      'dalo',
      h.daloRecognised
        ? () => `Reconnu prioritaire${h.daloDecisionDate ? ` le ${formatDate(h.daloDecisionDate)}` : ''}`
        : 'Non reconnu',
      h.daloRecognised ? w.dalo : 0,
      () => pts(w.dalo),
      'CCH L441-2-3',
    ),
    signal(
      'priority_categories',
      () => (categories.length ? categories.map((c) => PRIORITY_CATEGORY_SHORT[c]).join(', ') : 'Aucune'),
      counted * w.perPriorityCategory,
      () => `${pts(w.perPriorityCategory)} par catégorie, ${p.caps.priorityCategories} au plus`,
      'CCH L441-1',
    ),
    timeSignal(
      'time_in_shelter',
      h.housingSince,
      today,
      w.perShelterMonth,
      p.caps.shelterMonths,
      'Date d’entrée',
      'Fiche-action 4 ; CCH R441-14-1',
    ),
    timeSignal(
      'demand_age',
      h.demandFiledOn,
      today,
      w.perDemandMonth,
      p.caps.demandMonths,
      'Date de première demande',
      'CCH L441-2-8 (cotation)',
    ),
    ...affordabilitySignals(budget, p),
    signal(
      'typology_fit',
      typology ? () => typologyFit(h, typology).reason : 'Typologie du logement non renseignée',
      usual ? w.usualTypology : 0,
      () => pts(w.usualTypology),
      'Pratique des bailleurs ; CCH L621-2',
    ),
    signal(
      'location_wish',
      () =>
        h.communeIds.length === 0
          ? 'Toutes communes acceptées'
          : d.communeId && h.communeIds.includes(d.communeId)
            ? `${d.communeName ?? 'Commune'} fait partie des communes souhaitées`
            : `${d.communeName ?? 'La commune du logement'} ne fait pas partie des communes souhaitées`,
      h.communeIds.length === 0 || (d.communeId !== null && h.communeIds.includes(d.communeId))
        ? w.wishedCommune
        : 0,
      () => pts(w.wishedCommune),
      'CCH L441-1 (éloignement des lieux de travail et des équipements)',
    ),
    signal(
      'support',
      !h.supportWished
        ? 'Pas d’accompagnement nécessaire après l’entrée'
        : h.supportInPlace
          ? 'Accompagnement souhaité et mesure en cours'
          : 'Accompagnement souhaité, pas encore de mesure en cours',
      !h.supportWished || h.supportInPlace ? w.supportInPlace : 0,
      () => pts(w.supportInPlace),
      'Fiche-action 4 ; pratique des bailleurs',
    ),
    signal(
      'accessibility',
      h.accessibilityNeed !== 'none' && adapted
        ? 'Logement adapté à un besoin d’accessibilité du ménage'
        : adapted
          ? 'Logement adapté, le ménage n’en a pas besoin'
          : 'Logement non adapté',
      h.accessibilityNeed !== 'none' && adapted ? w.adaptedDwelling : 0,
      () => pts(w.adaptedDwelling),
      'CCH R441-4',
    ),
  ];
}

/** Every ranking signal in words. */
export const rankingSignals = (
  h: HouseholdFacts,
  d: DwellingFacts,
  budget: BudgetFacts | null,
  p: TMatchingPolicyParams,
  today: string,
): TSignalResult[] => signalChecks(h, d, budget, p, today).map(explainSignal);

/** A household considered for a dwelling: whether it is a candidate, its points, and why in words. */
export interface Assessment {
  householdId: string;
  eligible: boolean;
  points: number;
  /** The filters and signals in words (written on demand: only for the households shown). */
  explain: () => TCandidateExplanation;
}

/**
 * One household for one dwelling: the hard filters, then — only for a household that passes them all —
 * the budget (the costly part, asked for lazily) and the signals.
 */
export function assess(
  h: HouseholdFacts,
  d: DwellingFacts,
  budgetOf: (h: HouseholdFacts) => BudgetFacts | null,
  p: TMatchingPolicyParams,
  policyVersion: number,
  today: string,
): Assessment {
  const filters = hardFilterChecks(h, d, today, p.coolOffDays);
  const eligible = filters.every((f) => f.passed);
  const signals = eligible ? signalChecks(h, d, budgetOf(h), p, today) : [];
  const points = signals.reduce((sum, s) => sum + s.points, 0);
  return {
    householdId: h.householdId,
    eligible,
    points,
    explain: () => ({
      policyVersion,
      filters: filters.map(explainFilter),
      signals: signals.map(explainSignal),
      points,
    }),
  };
}

/** The value a tie-breaker compares (larger first); null last. */
function tieValue(h: HouseholdFacts, by: TieBreaker, today: string): number | null {
  switch (by) {
    case 'time_in_shelter':
      return daysInShelter(h.housingSince, today);
    case 'demand_age':
      return daysInShelter(h.demandFiledOn, today);
    case 'dalo_decision':
      return h.daloRecognised && h.daloDecisionDate ? daysInShelter(h.daloDecisionDate, today) : null;
  }
}

export interface RankedCandidate extends Assessment {
  rank: number;
}

export interface Ranking {
  candidates: RankedCandidate[];
  excluded: Assessment[];
}

/**
 * Candidates for a dwelling: those passing every hard filter, by decreasing points, ties broken by the
 * policy's order then by id; the others excluded, each with its filters.
 */
export function rankHouseholds(
  households: readonly HouseholdFacts[],
  d: DwellingFacts,
  budgetOf: (h: HouseholdFacts) => BudgetFacts | null,
  p: TMatchingPolicyParams,
  policyVersion: number,
  today: string,
): Ranking {
  const assessed = households.map((h) => assess(h, d, budgetOf, p, policyVersion, today));
  // Each tie value once per household, not once per comparison.
  const ties = new Map(
    households.map((h) => [h.householdId, p.tieBreakers.map((by) => tieValue(h, by, today) ?? -1)]),
  );
  const eligible = assessed.filter((a) => a.eligible);
  const compare = (a: Assessment, b: Assessment): number => {
    const diff = b.points - a.points;
    if (diff !== 0) return diff;
    const ta = ties.get(a.householdId)!;
    const tb = ties.get(b.householdId)!;
    for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) return tb[i]! - ta[i]!;
    return a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0;
  };
  return {
    candidates: eligible.sort(compare).map((a, i) => ({ ...a, rank: i + 1 })),
    excluded: assessed.filter((a) => !a.eligible),
  };
}

/** How one household's place changes from one policy to another, over today's vacancies. */
export interface Move {
  householdId: string;
  /** Vacancies where it is a candidate, and its mean rank there, before and after. */
  before: { candidacies: number; meanRank: number | null; topThree: number };
  after: { candidacies: number; meanRank: number | null; topThree: number };
}

/**
 * The effect of a policy change on today's pool (§7.4): for each household, its candidacies, mean rank
 * and places in the first three over the same vacancies, before and after; only those that move.
 */
export function policyMoves(before: readonly Ranking[], after: readonly Ranking[]): Move[] {
  const ids = new Set(
    [...before, ...after].flatMap((r) => [...r.candidates, ...r.excluded].map((c) => c.householdId)),
  );
  const index = (rankings: readonly Ranking[]) => {
    const m = new Map<string, number[]>();
    for (const r of rankings)
      for (const c of r.candidates) m.set(c.householdId, [...(m.get(c.householdId) ?? []), c.rank]);
    return m;
  };
  const b = index(before);
  const a = index(after);
  const place = (ranks: number[] | undefined) => ({
    candidacies: ranks?.length ?? 0,
    meanRank: ranks?.length ? Math.round((ranks.reduce((s, r) => s + r, 0) / ranks.length) * 10) / 10 : null,
    topThree: ranks?.filter((r) => r <= 3).length ?? 0,
  });
  const moves: Move[] = [];
  for (const id of ids) {
    const move = { householdId: id, before: place(b.get(id)), after: place(a.get(id)) };
    if (JSON.stringify(move.before) !== JSON.stringify(move.after)) moves.push(move);
  }
  return moves;
}
