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
import { compareIds, daysInShelter, shelterTimeWords } from '../housing-pool/rules.ts';
import { isUsualTypology, typologyFit } from './adequacy.ts';
import {
  explainFilter,
  hardFilterChecks,
  latestRefusalOf,
  type DwellingFacts,
  type HouseholdFacts,
} from './filters.ts';

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
  months: number | null,
  today: string,
  perMonth: number,
  cap: number,
  what: string,
  reference: string,
): SignalCheck {
  const weight = () => `${pts(perMonth)} par mois, ${cap} mois au plus`;
  if (months === null || since === null) return signal(code, `${what} inconnue`, 0, weight, reference);
  const value = () =>
    `${shelterTimeWords(daysInShelter(since, today))} depuis le ${formatDate(since)}${months > cap ? ` (${cap} mois comptés)` : ''}`;
  return signal(code, value, Math.min(months, cap) * perMonth, weight, reference);
}

function affordabilitySignals(
  f: SignalFacts,
  b: BudgetFacts | null,
  p: TMatchingPolicyParams,
): SignalCheck[] {
  const aid = () => (b ? ` avec ${formatCents(b.housingBenefitCents)} d’aide au logement estimée` : '');
  const effortWeight = () =>
    `${pts(p.weights.effortWithinThreshold)} si ${p.thresholds.effortRatePercent} % ou moins`;
  const ravWeight = () =>
    `${pts(p.weights.resteAVivreAboveThreshold)} si ${formatCents(p.thresholds.resteAVivrePerUnitPerDayCents)} ou plus par unité de consommation et par jour`;
  const ref = 'CCH R441-3-1 ; arrêté du 10 mars 2011';
  const effort = f.effortPercent;
  const rav = f.resteAVivrePerUnitPerDayCents;
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

/**
 * What the signals' points are made of for a household and a dwelling, before any policy: the policy
 * only weighs and caps these. The matching module keeps them per pair, so that ranking under any
 * version of the policy is arithmetic in one query (see `pointsSql`), and these same facts make the
 * points shown here.
 */
export interface SignalFacts {
  dalo: boolean;
  priorityCount: number;
  shelterMonths: number | null;
  demandMonths: number | null;
  effortPercent: number | null;
  resteAVivrePerUnitPerDayCents: number | null;
  usualTypology: boolean;
  wishedCommune: boolean;
  /** No support needed after entry, or a measure already in force. */
  supportOk: boolean;
  /** An adapted dwelling for a household that needs one. */
  adaptedForNeed: boolean;
}

const adaptedDwelling = (d: DwellingFacts) =>
  d.accessibility === 'adaptable' || d.accessibility === 'wheelchair_accessible';

export function signalFacts(
  h: HouseholdFacts,
  d: DwellingFacts,
  budget: BudgetFacts | null,
  today: string,
): SignalFacts {
  return {
    dalo: h.daloRecognised,
    priorityCount: h.priorityCategories.length,
    shelterMonths: monthsSince(h.housingSince, today),
    demandMonths: monthsSince(h.demandFiledOn, today),
    effortPercent: budget?.effortPercent ?? null,
    resteAVivrePerUnitPerDayCents: budget?.resteAVivrePerUnitPerDayCents ?? null,
    usualTypology: d.typology !== null && isUsualTypology(h, d.typology),
    wishedCommune: h.communeIds.length === 0 || (d.communeId !== null && h.communeIds.includes(d.communeId)),
    supportOk: !h.supportWished || h.supportInPlace,
    adaptedForNeed: h.accessibilityNeed !== 'none' && adaptedDwelling(d),
  };
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
  const f = signalFacts(h, d, budget, today);
  const categories = h.priorityCategories as readonly PriorityCategory[];
  const typology = d.typology;
  const adapted = adaptedDwelling(d);
  return [
    signal(
      'dalo',
      f.dalo
        ? () => `Reconnu prioritaire${h.daloDecisionDate ? ` le ${formatDate(h.daloDecisionDate)}` : ''}`
        : 'Non reconnu',
      f.dalo ? w.dalo : 0,
      () => pts(w.dalo),
      'CCH L441-2-3',
    ),
    signal(
      'priority_categories',
      () => (categories.length ? categories.map((c) => PRIORITY_CATEGORY_SHORT[c]).join(', ') : 'Aucune'),
      Math.min(f.priorityCount, p.caps.priorityCategories) * w.perPriorityCategory,
      () => `${pts(w.perPriorityCategory)} par catégorie, ${p.caps.priorityCategories} au plus`,
      'CCH L441-1',
    ),
    timeSignal(
      'time_in_shelter',
      h.housingSince,
      f.shelterMonths,
      today,
      w.perShelterMonth,
      p.caps.shelterMonths,
      'Date d’entrée',
      'Fiche-action 4 ; CCH R441-14-1',
    ),
    timeSignal(
      'demand_age',
      h.demandFiledOn,
      f.demandMonths,
      today,
      w.perDemandMonth,
      p.caps.demandMonths,
      'Date de première demande',
      'CCH L441-2-8 (cotation)',
    ),
    ...affordabilitySignals(f, budget, p),
    signal(
      'typology_fit',
      typology ? () => typologyFit(h, typology).reason : 'Typologie du logement non renseignée',
      f.usualTypology ? w.usualTypology : 0,
      () => pts(w.usualTypology),
      'Pratique des bailleurs ; CCH L621-2',
    ),
    signal(
      'location_wish',
      () =>
        h.communeIds.length === 0
          ? 'Toutes communes acceptées'
          : f.wishedCommune
            ? `${d.communeName ?? 'Commune'} fait partie des communes souhaitées`
            : `${d.communeName ?? 'La commune du logement'} ne fait pas partie des communes souhaitées`,
      f.wishedCommune ? w.wishedCommune : 0,
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
      f.supportOk ? w.supportInPlace : 0,
      () => pts(w.supportInPlace),
      'Fiche-action 4 ; pratique des bailleurs',
    ),
    signal(
      'accessibility',
      f.adaptedForNeed
        ? 'Logement adapté à un besoin d’accessibilité du ménage'
        : adapted
          ? 'Logement adapté, le ménage n’en a pas besoin'
          : 'Logement non adapté',
      f.adaptedForNeed ? w.adaptedDwelling : 0,
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

/**
 * A household and a dwelling as the matching module keeps them between rankings: what the signals
 * weigh, the latest refusal the policy's cool-off runs from, and the tie-breakers' values (-1 for
 * none, as `rankHouseholds` compares them). Null when a hard filter other than the cool-off excludes
 * the household: no policy can make it a candidate.
 */
export interface PairFacts extends SignalFacts {
  householdId: string;
  refusedOn: string | null;
  ties: Record<TieBreaker, number>;
}

export function pairFacts(
  h: HouseholdFacts,
  d: DwellingFacts,
  budgetOf: (h: HouseholdFacts) => BudgetFacts | null,
  today: string,
): PairFacts | null {
  if (!hardFilterChecks(h, d, today, 0).every((f) => f.passed || f.code === 'cool_off')) return null;
  return {
    householdId: h.householdId,
    ...signalFacts(h, d, budgetOf(h), today),
    refusedOn: latestRefusalOf(h, d),
    ties: {
      time_in_shelter: tieValue(h, 'time_in_shelter', today) ?? -1,
      demand_age: tieValue(h, 'demand_age', today) ?? -1,
      dalo_decision: tieValue(h, 'dalo_decision', today) ?? -1,
    },
  };
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
    return compareIds(a.householdId, b.householdId);
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

/** Where a household stands over today's vacancies under one policy: candidacies, the sum of its ranks, first three places. */
export interface RankTally {
  candidacies: number;
  rankSum: number;
  topThree: number;
}

const place = (t: RankTally) => ({
  candidacies: t.candidacies,
  meanRank: t.candidacies ? Math.round((t.rankSum / t.candidacies) * 10) / 10 : null,
  topThree: t.topThree,
});

/**
 * The effect of a policy change on today's pool (§7.4), from each household's tallies before and
 * after: its candidacies, mean rank (to a tenth) and places in the first three; only those that move.
 */
export function policyMoves(
  tallies: readonly { householdId: string; before: RankTally; after: RankTally }[],
): Move[] {
  const moves: Move[] = [];
  for (const t of tallies) {
    const move = { householdId: t.householdId, before: place(t.before), after: place(t.after) };
    if (JSON.stringify(move.before) !== JSON.stringify(move.after)) moves.push(move);
  }
  return moves;
}
