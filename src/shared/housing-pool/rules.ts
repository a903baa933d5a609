import type { Typology } from '../contracts/household-enums.ts';
import type { ReadinessOpinion } from '../contracts/diagnostics.ts';
import type {
  DemandState,
  PriorityCategory,
  TIncomeFigure,
  THousingProjectInput,
  TPoolQuery,
} from '../contracts/housing-pool.ts';
import { addDays } from '../time.ts';

/**
 * The pool's pure rules (allocation-rules.md §3.6, §4.1, §1.2; fiche-action 4): where a demand
 * stands, the time spent in shelter, which households a filter keeps and their order — the longest in
 * shelter first, as the designation meetings rank them.
 */

/**
 * The SNE sends its reminder at least one month before the anniversary (§4.1); the pool warns as
 * early, so that the association renews before the demand and its age are lost.
 */
export const DEMAND_WARNING_DAYS = 30;

/**
 * The demand on `today`: without a number (or a renewal date), none to speak of; valid through its
 * renewal day; expiring in the last DEMAND_WARNING_DAYS days; expired the day after.
 */
export function demandState(
  applicationNumber: string | null,
  renewalDue: string | null,
  today: string,
): DemandState {
  if (!applicationNumber || !renewalDue) return 'missing';
  if (today > renewalDue) return 'expired';
  return today >= addDays(renewalDue, -DEMAND_WARNING_DAYS) ? 'expiring' : 'valid';
}

/** Calendar days from the entry into the current situation to `today` (null without an entry date). */
export function daysInShelter(enteredOn: string | null, today: string): number | null {
  if (!enteredOn) return null;
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${enteredOn}T00:00:00Z`)) / 86_400_000,
  );
  return Math.max(0, days);
}

/** A time in shelter in words: « 2 ans et 3 mois », « 5 mois », « 12 jours ». */
export function shelterTimeWords(days: number | null): string {
  if (days === null) return 'Date d’entrée inconnue';
  if (days < 31) return `${days} jour${days > 1 ? 's' : ''}`;
  const months = Math.floor(days / 30.4375);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years > 0 ? `${years} an${years > 1 ? 's' : ''}` : '';
  const m = rest > 0 ? `${rest} mois` : '';
  return [y, m].filter(Boolean).join(' et ');
}

/** Only a capacity grid confirmed ready (with or without support) lets a household into the pool. */
export const isReady = (opinion: ReadinessOpinion | null): boolean =>
  opinion === 'ready' || opinion === 'ready_with_support';

/** Why the household may not enter the pool with this opinion, in French (null when it may). */
export function entryRefusal(opinion: ReadinessOpinion | null): string | null {
  if (opinion === null)
    return 'Le ménage n’a pas encore de grille « capacité à habiter » : son entrée dans le vivier suit un avis « prêt à sortir » confirmé.';
  if (!isReady(opinion))
    return 'L’avis confirmé de la dernière grille est « pas encore prêt » : le ménage n’entre pas dans le vivier.';
  return null;
}

/** The project's checks beyond its schema, field by field in French (empty when it holds). */
export function projectErrors(
  input: Pick<THousingProjectInput, 'incomes' | 'typologies' | 'communeIds'> & {
    demandFiledOn?: string | null;
  },
  applicationNumber: string | null,
  demandRenewalDue: string | null,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (new Set(input.typologies).size !== input.typologies.length)
    errors.typologies = 'Une typologie est citée deux fois.';
  if (new Set(input.communeIds).size !== input.communeIds.length)
    errors.communeIds = 'Une commune est citée deux fois.';
  if (input.demandFiledOn && input.demandFiledOn > today)
    errors.demandFiledOn = 'La date de première demande ne peut pas être dans le futur.';
  else if (input.demandFiledOn && demandRenewalDue && input.demandFiledOn >= demandRenewalDue)
    errors.demandFiledOn = 'La première demande précède sa date de renouvellement.';
  if (demandRenewalDue && !applicationNumber)
    errors.demandRenewalDue =
      'Le dossier n’a pas de numéro unique : renseignez-le d’abord dans l’onglet « Situation ».';
  const seen = new Set<string>();
  input.incomes.forEach((figure, i) => {
    if (seen.has(figure.source)) errors[`incomes.${i}.source`] = 'Un seul montant par source.';
    seen.add(figure.source);
    const yearError = incomeYearError(figure, today);
    if (yearError) errors[`incomes.${i}.year`] = yearError;
  });
  return errors;
}

/** An RFR names its tax year: N-2 or N-1 of the current year; the other sources have none. */
function incomeYearError(figure: TIncomeFigure, today: string): string | null {
  const year = Number(today.slice(0, 4));
  const expected = figure.source === 'rfr_n2' ? year - 2 : figure.source === 'rfr_n1' ? year - 1 : null;
  if (expected === null) return figure.year === null ? null : 'Pas d’année pour cette source.';
  return figure.year === expected ? null : `Année ${expected} attendue pour cette source.`;
}

/** A declared figure is never verified (§1.2): only tax notices and income proofs are. */
export const isVerifiedIncome = (figure: Pick<TIncomeFigure, 'source'>): boolean =>
  figure.source !== 'declared';

/** What a pool filter reads of an entry. */
export interface PoolFacts {
  householdId: string;
  typologies: readonly Typology[];
  communeIds: readonly string[];
  daloRecognised: boolean;
  priorityCategories: readonly PriorityCategory[];
  demandState: DemandState;
  daysInShelter: number | null;
}

/**
 * Whether an entry passes the filters: a typology wished, a commune wished (a project without a
 * commune wishes them all), a priority (DALO, any L441-1 category, one category), a demand to renew
 * (expiring or already expired).
 */
export function passesPoolFilters(entry: PoolFacts, filters: TPoolQuery): boolean {
  if (filters.typology && !entry.typologies.includes(filters.typology)) return false;
  if (filters.communeId && entry.communeIds.length > 0 && !entry.communeIds.includes(filters.communeId))
    return false;
  if (filters.priority === 'dalo' && !entry.daloRecognised) return false;
  if (filters.priority === 'any' && !entry.daloRecognised && entry.priorityCategories.length === 0)
    return false;
  if (
    filters.priority &&
    filters.priority !== 'dalo' &&
    filters.priority !== 'any' &&
    !entry.priorityCategories.includes(filters.priority)
  )
    return false;
  if (filters.demand === 'expiring' && entry.demandState !== 'expiring' && entry.demandState !== 'expired')
    return false;
  return true;
}

/** Two ids in the order PostgreSQL sorts uuids (their lower-case text's). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The longest in shelter first; an unknown entry date last; then by id, so that the order is stable. */
export function byTimeInShelter(a: PoolFacts, b: PoolFacts): number {
  const da = a.daysInShelter ?? -1;
  const db = b.daysInShelter ?? -1;
  return db - da || compareIds(a.householdId, b.householdId);
}

/** The pool as shown: the filters, then the order by time in shelter. */
export const filterPool = <T extends PoolFacts>(entries: readonly T[], filters: TPoolQuery): T[] =>
  entries.filter((e) => passesPoolFilters(e, filters)).sort(byTimeInShelter);
