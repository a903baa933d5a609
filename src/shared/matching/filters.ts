import { CEILING_ZONE_LABELS } from '../calculators/social-housing-ceilings.ts';
import type { CeilingZone, HousingFinancing } from '../calculators/social-housing-ceilings.ts';
import {
  INCOME_SOURCE_LABELS as CALCULATOR_INCOME_LABELS,
  socialHousingEligibility,
} from '../calculators/social-housing-eligibility.ts';
import type { TGivenDwelling } from '../contracts/designations.ts';
import { COMMISSION_DECISION_LABELS } from '../contracts/designations.ts';
import type { Typology } from '../contracts/household-enums.ts';
import { TYPOLOGY_LABELS } from '../contracts/household-enums.ts';
import type { DwellingAccessibility, DwellingFinancing } from '../contracts/housing-stock.ts';
import type { AccessibilityNeed, DemandState, TIncomeFigure } from '../contracts/housing-pool.ts';
import { FILTER_LABELS, type FilterCode, type TFilterResult } from '../contracts/matching.ts';
import { formatCents, formatDate } from '../format.ts';
import { addDays } from '../time.ts';
import { minimumSurface, overOccupation } from './adequacy.ts';

/**
 * The matching's hard filters (allocation-rules.md §7.2): law, not policy — a household failing one
 * is not a candidate, and the list says which and with what figures. Pure; the facts are read by the
 * matching module, once per household and once per dwelling.
 */

/** A household as the filters and signals read it. */
export interface HouseholdFacts {
  householdId: string;
  /** Everyone who will live in the dwelling, and the personnes à charge among them. */
  persons: number;
  dependants: number;
  couple: boolean;
  coupleAgeSum: number | null;
  disabledMember: boolean;
  incomes: readonly TIncomeFigure[];
  /** Consent to be proposed given and not withdrawn. */
  consent: boolean;
  demandState: DemandState;
  demandFiledOn: string | null;
  housingSince: string | null;
  daloRecognised: boolean;
  daloDecisionDate: string | null;
  priorityCategories: readonly string[];
  accessibilityNeed: AccessibilityNeed;
  typologies: readonly Typology[];
  communeIds: readonly string[];
  /** Support wished after entry (none, light, reinforced) and whether a measure is in force. */
  supportWished: boolean;
  supportInPlace: boolean;
  /** Refusals (by anyone) of proposals, with the dwelling's typology and the day. */
  refusals: readonly { typology: Typology | null; on: string }[];
  /** Already put forward on the dwelling considered. */
  alreadyProposed: boolean;
  /** The dwelling a commission gave the household, which it did not refuse (`givesDwelling`). */
  allocation: TGivenDwelling | null;
}

/** A dwelling on offer as the filters and signals read it. */
export interface DwellingFacts {
  financing: DwellingFinancing | null;
  zone: CeilingZone | null;
  surfaceM2: number | null;
  typology: Typology | null;
  accessibility: DwellingAccessibility | null;
  floor: number | null;
  lift: boolean | null;
  communeId: string | null;
  communeName: string | null;
  monthlyRentCents: number;
  monthlyChargesCents: number;
}

const CEILING_FINANCING: Partial<Record<DwellingFinancing, HousingFinancing>> = {
  plai: 'PLAI',
  plus: 'PLUS',
  pls: 'PLS',
};

const euros = (cents: number) => formatCents(cents);
/**
 * A filter's verdict, its words written only when shown: a ranking decides thousands of pairs and
 * explains the few its reader sees.
 */
export interface FilterCheck {
  code: FilterCode;
  passed: boolean;
  detail: string | (() => string);
  reference: string;
}
const result = (
  code: FilterCode,
  passed: boolean,
  detail: string | (() => string),
  reference: string,
): FilterCheck => ({ code, passed, detail, reference });

/** A verdict in words. */
export const explainFilter = (c: FilterCheck): TFilterResult => ({
  code: c.code,
  label: FILTER_LABELS[c.code],
  passed: c.passed,
  detail: typeof c.detail === 'string' ? c.detail : c.detail(),
  reference: c.reference,
});

function consentFilter(h: HouseholdFacts): FilterCheck {
  return h.consent
    ? result('consent', true, 'Le ménage a donné son accord pour être proposé.', 'RGPD ; projet logement')
    : result(
        'consent',
        false,
        'Le ménage n’a pas donné (ou a retiré) son accord pour être proposé.',
        'RGPD ; projet logement',
      );
}

function demandFilter(h: HouseholdFacts): FilterCheck {
  const ref = 'CCH R441-2-1 et suivants';
  switch (h.demandState) {
    case 'valid':
      return result('demand', true, 'Demande de logement social enregistrée et en cours de validité.', ref);
    case 'expiring':
      return result('demand', true, 'Demande en cours de validité, à renouveler dans le mois.', ref);
    case 'expired':
      return result('demand', false, 'Demande non renouvelée à sa date anniversaire : elle est radiée.', ref);
    case 'missing':
      return result('demand', false, 'Pas de numéro unique ou de date de renouvellement au dossier.', ref);
  }
}

/** The verified figure of a source, in euros; a declared figure is never used (§1.2). */
const verified = (h: HouseholdFacts, source: TIncomeFigure['source']) => {
  const figure = h.incomes.find((f) => f.source === source);
  return figure ? figure.annualCents / 100 : null;
};

function resourcesFilter(h: HouseholdFacts, d: DwellingFacts, year: number): FilterCheck {
  const ref = 'CCH L441-1, R441-1 ; arrêté du 29 juillet 1987';
  if (d.financing === 'private')
    return result('resources', true, 'Logement du parc privé : pas de plafond de ressources.', ref);
  const financing = d.financing ? CEILING_FINANCING[d.financing] : undefined;
  if (!financing)
    return result(
      'resources',
      false,
      d.financing
        ? 'Logement conventionné avec l’Anah : son plafond de ressources n’est pas encore vérifié ici, le bailleur l’examine.'
        : 'Le financement du logement n’est pas renseigné : le plafond ne peut pas être vérifié.',
      ref,
    );
  const zone = d.zone;
  if (!zone)
    return result('resources', false, 'Logement hors des zones de métropole : plafonds non couverts.', ref);
  const incomeN2 = verified(h, 'rfr_n2');
  if (incomeN2 === null)
    return result(
      'resources',
      false,
      'Pas de revenu fiscal de référence N-2 au projet : le plafond ne peut pas être vérifié (un montant déclaré ne l’est pas).',
      ref,
    );
  const outcome = socialHousingEligibility({
    year,
    financing,
    zone,
    persons: h.persons,
    dependants: Math.min(h.dependants, h.persons - 1),
    couple: h.couple,
    coupleAgeSum: h.coupleAgeSum,
    disabledMember: h.disabledMember,
    incomeN2,
    incomeN1: verified(h, 'rfr_n1'),
    incomeLast12Months: verified(h, 'last_12_months'),
  });
  if (!outcome.ok) return result('resources', false, outcome.error.message, ref);
  const r = outcome.result;
  const words = () => {
    const used =
      r.incomeUsed === 'n2'
        ? incomeN2
        : r.incomeUsed === 'n1'
          ? verified(h, 'rfr_n1')!
          : verified(h, 'last_12_months')!;
    const ceiling = `plafond ${financing} ${year}, ${CEILING_ZONE_LABELS[zone]}, catégorie ${r.category} : ${euros(r.ceiling * 100)}`;
    const income = `${CALCULATOR_INCOME_LABELS[r.incomeUsed]} : ${euros(Math.round(used * 100))}`;
    return `${income} ${r.eligible ? '≤' : '>'} ${ceiling}.`;
  };
  return result('resources', r.eligible, words, ref);
}

function surfaceFilter(h: HouseholdFacts, d: DwellingFacts): FilterCheck {
  const ref = 'CCH L822-10, R822-25';
  if (d.surfaceM2 === null)
    return result('surface', false, 'La surface du logement n’est pas renseignée.', ref);
  const surface = d.surfaceM2;
  return result(
    'surface',
    surface >= minimumSurface(h.persons),
    () => overOccupation(surface, h.persons).reason,
    ref,
  );
}

function accessibilityFilter(h: HouseholdFacts, d: DwellingFacts): FilterCheck {
  const ref = 'CCH R441-4 ; projet logement';
  if (h.accessibilityNeed === 'none')
    return result('accessibility', true, 'Pas de besoin d’accessibilité particulier.', ref);
  if (h.accessibilityNeed === 'wheelchair')
    return d.accessibility === 'wheelchair_accessible'
      ? result('accessibility', true, 'Besoin d’un logement accessible en fauteuil : le logement l’est.', ref)
      : result(
          'accessibility',
          false,
          'Besoin d’un logement accessible en fauteuil : le logement ne l’est pas (ou ce n’est pas renseigné).',
          ref,
        );
  const reachable =
    d.floor === 0 ||
    d.lift === true ||
    d.accessibility === 'adaptable' ||
    d.accessibility === 'wheelchair_accessible';
  return reachable
    ? result(
        'accessibility',
        true,
        'Mobilité réduite : logement de plain-pied, desservi par un ascenseur ou adaptable.',
        ref,
      )
    : result(
        'accessibility',
        false,
        'Mobilité réduite : logement en étage sans ascenseur (ou étage et ascenseur non renseignés).',
        ref,
      );
}

/** The last day of the cool-off after a refusal on `on`. */
export const coolOffEnd = (on: string, coolOffDays: number): string => addDays(on, coolOffDays);

/** The day of the household's latest refusal of a dwelling of this one's typology: the cool-off runs from it. */
export function latestRefusalOf(h: HouseholdFacts, d: DwellingFacts): string | null {
  let latest: string | null = null;
  if (d.typology === null) return null;
  for (const r of h.refusals)
    if (r.typology === d.typology && (latest === null || r.on > latest)) latest = r.on;
  return latest;
}

function coolOffFilter(h: HouseholdFacts, d: DwellingFacts, today: string, coolOffDays: number): FilterCheck {
  const ref = 'CCH R441-2-10 (PPGD) ; politique du territoire';
  const refused = latestRefusalOf(h, d);
  if (refused === null || today > coolOffEnd(refused, coolOffDays) || !d.typology)
    return result('cool_off', true, 'Pas de refus récent pour ce type de logement.', ref);
  const typology = d.typology;
  return result(
    'cool_off',
    false,
    () =>
      `Proposition d’un ${TYPOLOGY_LABELS[typology]} refusée le ${formatDate(refused)} : pas de nouvelle proposition de ce type avant le ${formatDate(coolOffEnd(refused, coolOffDays + 1))}.`,
    ref,
  );
}

function alreadyProposedFilter(h: HouseholdFacts): FilterCheck {
  return h.alreadyProposed
    ? result('pending_proposal', false, 'Déjà proposé sur ce logement.', 'CCH R441-3')
    : result('pending_proposal', true, 'Pas encore proposé sur ce logement.', 'CCH R441-3');
}

function allocationFilter(h: HouseholdFacts): FilterCheck {
  const ref = 'CCH R441-3, R441-10';
  const given = h.allocation;
  if (!given) return result('allocated', true, 'Aucun logement ne lui est attribué à ce jour.', ref);
  return result(
    'allocated',
    false,
    () =>
      `${COMMISSION_DECISION_LABELS[given.decision]} d’un ${given.typology ? TYPOLOGY_LABELS[given.typology] : 'logement'}${given.on ? ` le ${formatDate(given.on)}` : ''}, non refusée par le ménage : il n’est plus proposé ailleurs.`,
    ref,
  );
}

/** Every hard filter's verdict, in the order they are shown. */
export function hardFilterChecks(
  h: HouseholdFacts,
  d: DwellingFacts,
  today: string,
  coolOffDays: number,
): FilterCheck[] {
  return [
    consentFilter(h),
    demandFilter(h),
    resourcesFilter(h, d, Number(today.slice(0, 4))),
    surfaceFilter(h, d),
    accessibilityFilter(h, d),
    coolOffFilter(h, d, today, coolOffDays),
    alreadyProposedFilter(h),
    allocationFilter(h),
  ];
}

/** Every hard filter in words, in the order they are shown. */
export const hardFilters = (h: HouseholdFacts, d: DwellingFacts, today: string, coolOffDays: number) =>
  hardFilterChecks(h, d, today, coolOffDays).map(explainFilter);
