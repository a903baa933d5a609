import {
  SLIDING_KINDS,
  SUBLEASE_KINDS,
  type OccupancyKind,
  type OccupancyStatus,
} from '../contracts/housing-stock.ts';
import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';

/**
 * The rules of occupancy contracts (ADR 0024), pure: the parties each kind needs, the events and
 * outcomes each kind allows with their French labels, the states a contract moves through, the dates
 * (a dwelling's contracts never share a day; a sliding review after the start) — shared by the
 * server, which enforces them, and the web client, which offers only what they allow.
 */

/** Field path → French message, as the API answers a bad input. */
export type FieldProblems = Record<string, string>;

/** The parties who take part in a contract's life (an evaluation, a request, a denunciation). */
export const LEASE_PARTIES = ['association', 'landlord', 'household'] as const;
export type LeaseParty = (typeof LEASE_PARTIES)[number];
export const LEASE_PARTY_LABELS: Record<LeaseParty, string> = {
  association: 'L’association',
  landlord: 'Le bailleur',
  household: 'Le ménage',
};

/** Kinds where an association holds the main lease or the mandate, and must be named. */
export const needsIntermediary = (kind: OccupancyKind): boolean =>
  SUBLEASE_KINDS.includes(kind) || kind === 'management_mandate';
/** Kinds where no association stands between lessor and occupant (a bail accompagné may name the supporting one). */
const NO_INTERMEDIARY: readonly OccupancyKind[] = ['direct_lease'];
export const isSlidingKind = (kind: OccupancyKind): boolean => SLIDING_KINDS.includes(kind);

/** Every event a contract's history may hold. */
export const CONTRACT_EVENTS = [
  'created',
  'activated',
  'household_linked',
  'household_unlinked',
  'tripartite_convention_signed',
  'ccapex_validated',
  'eviction_suspended',
  'visit',
  'incident',
  'document_attached',
  'sliding_evaluated',
  'sliding_requested',
  'sliding_decided',
  'renewed',
  'slid',
  'ended',
] as const;
export type ContractEvent = (typeof CONTRACT_EVENTS)[number];
export const CONTRACT_EVENT_LABELS: Record<ContractEvent, string> = {
  created: 'Contrat enregistré',
  activated: 'Entrée en vigueur',
  household_linked: 'Rattaché au dossier du ménage',
  household_unlinked: 'Détaché du dossier du ménage',
  tripartite_convention_signed: 'Convention tripartite signée',
  ccapex_validated: 'Validation par la CCAPEX',
  eviction_suspended: 'Expulsion suspendue par le bailleur',
  visit: 'Visite du logement',
  incident: 'Incident',
  document_attached: 'Document joint',
  sliding_evaluated: 'Évaluation en vue du glissement',
  sliding_requested: 'Demande de glissement',
  sliding_decided: 'Décision sur le glissement',
  renewed: 'Renouvellement',
  slid: 'Glissement du bail au ménage',
  ended: 'Fin du contrat',
};

/** The events a user records by hand on a contract of this kind (the others follow from an action). */
export function recordableEvents(kind: OccupancyKind): ContractEvent[] {
  const events: ContractEvent[] = [];
  if (isSlidingKind(kind) || kind === 'bail_sauvegarde') events.push('tripartite_convention_signed');
  if (kind === 'bail_sauvegarde') events.push('ccapex_validated', 'eviction_suspended');
  events.push('visit', 'incident');
  return events;
}

/** How a contract ends. A bail de sauvegarde has its own ends; a sliding one may also slide. */
export const END_OUTCOMES = [
  'term',
  'tenant_left',
  'termination',
  'rehoused',
  'slid',
  'new_lease',
  'standard_protocol',
  'transfer',
  'denounced',
] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];
export const END_OUTCOME_LABELS: Record<EndOutcome, string> = {
  term: 'Arrivée à son terme',
  tenant_left: 'Départ de l’occupant',
  termination: 'Résiliation',
  rehoused: 'Relogement du ménage',
  slid: 'Glissement du bail au ménage',
  new_lease: 'Nouveau bail signé avec le bailleur',
  standard_protocol: 'Protocole de cohésion sociale',
  transfer: 'Mutation dans le parc du bailleur',
  denounced: 'Dénonciation',
};
const SAUVEGARDE_ENDS: readonly EndOutcome[] = ['new_lease', 'standard_protocol', 'transfer', 'denounced'];
const ORDINARY_ENDS: readonly EndOutcome[] = ['term', 'tenant_left', 'termination', 'rehoused'];

/** The ends a user chooses for a contract of this kind (a slide ends a sublease through its own action). */
export const endOutcomesFor = (kind: OccupancyKind): readonly EndOutcome[] =>
  kind === 'bail_sauvegarde' ? SAUVEGARDE_ENDS : ORDINARY_ENDS;

/** What a contract may do in its state. */
export type ContractAction = 'activate' | 'record_event' | 'renew' | 'end' | 'slide' | 'evaluate';
export function actionRefusal(
  contract: { kind: OccupancyKind; status: OccupancyStatus },
  action: ContractAction,
): string | null {
  const { kind, status } = contract;
  if (status === 'ended') return 'Ce contrat est terminé.';
  switch (action) {
    case 'activate':
      return status === 'draft' ? null : 'Ce contrat est déjà en cours.';
    case 'record_event':
      return null;
    case 'renew':
    case 'end':
      return status === 'active' ? null : 'Le contrat doit d’abord entrer en vigueur.';
    case 'slide':
    case 'evaluate':
      if (!isSlidingKind(kind)) return 'Seuls les baux glissants et les transit-glissants peuvent glisser.';
      return status === 'active' ? null : 'Le contrat doit d’abord entrer en vigueur.';
  }
}

/** A contract's draft as its writer gives it (create). */
export interface ContractDraft {
  kind: OccupancyKind;
  householdId: string | null;
  tenantName: string | null;
  lessorOrganisationId: string | null;
  lessorName: string | null;
  intermediaryOrganisationId: string | null;
  signedOn: string | null;
  startOn: string;
  endOn: string | null;
  slidingReviewOn: string | null;
}

/** The default sliding review: 12 months after the start (the last day of a shorter month when needed). */
export const defaultSlidingReview = (startOn: string): string => addMonths(startOn, 12);

/** The sliding review must fall after the sublease's start, and within it when it has an end. */
export function slidingReviewProblem(review: string, startOn: string, endOn: string | null): string | null {
  if (review <= startOn) return 'La date d’examen du glissement doit suivre le début de la sous-location.';
  if (endOn && review > endOn) return 'La date d’examen du glissement doit précéder la fin du contrat.';
  return null;
}

/** Field-by-field problems of a draft, in French; empty when it is acceptable. */
export function draftProblems(d: ContractDraft): FieldProblems {
  const p: FieldProblems = {};
  if (!d.householdId && !d.tenantName)
    p.householdId = 'Indiquez le ménage (son dossier) ou le nom de l’occupant.';
  if (!d.lessorOrganisationId && !d.lessorName)
    p.lessorName = 'Indiquez le bailleur : une organisation de Relais ou un nom de propriétaire.';
  if (d.lessorOrganisationId && d.lessorName)
    p.lessorName = 'Le bailleur est une organisation de Relais ou un nom, pas les deux.';
  if (needsIntermediary(d.kind) && !d.intermediaryOrganisationId)
    p.intermediaryOrganisationId =
      d.kind === 'management_mandate'
        ? 'Un mandat de gestion nomme l’association qui gère le logement pour le propriétaire.'
        : 'Une sous-location nomme l’association qui porte le bail principal.';
  if (NO_INTERMEDIARY.includes(d.kind) && d.intermediaryOrganisationId)
    p.intermediaryOrganisationId =
      'Un bail direct lie le bailleur et le ménage sans association intermédiaire.';
  if (
    d.intermediaryOrganisationId &&
    d.lessorOrganisationId &&
    d.intermediaryOrganisationId === d.lessorOrganisationId
  )
    p.intermediaryOrganisationId = 'L’association intermédiaire ne peut pas être le bailleur.';
  if (d.signedOn && d.signedOn > d.startOn)
    p.signedOn = 'La signature ne peut pas suivre le début du contrat.';
  if (d.endOn && d.endOn < d.startOn) p.endOn = 'Le dernier jour ne peut pas précéder le premier.';
  if (d.slidingReviewOn && !isSlidingKind(d.kind))
    p.slidingReviewOn =
      'Seuls les baux glissants et les transit-glissants ont une date d’examen du glissement.';
  else if (d.slidingReviewOn) {
    const problem = slidingReviewProblem(d.slidingReviewOn, d.startOn, d.endOn);
    if (problem) p.slidingReviewOn = problem;
  }
  return p;
}

/** A contract's days: from startOn to endOn included (null: open-ended). */
export interface ContractSpan {
  id: string;
  startOn: string;
  endOn: string | null;
}

/** Two contracts overlap when they share a day (endOn is the last day in force). */
export const spansOverlap = (a: Omit<ContractSpan, 'id'>, b: Omit<ContractSpan, 'id'>): boolean =>
  (a.endOn === null || b.startOn <= a.endOn) && (b.endOn === null || a.startOn <= b.endOn);

/** The first of the dwelling's other contracts sharing a day with the candidate, if any. */
export const overlappingContract = <S extends ContractSpan>(
  candidate: ContractSpan,
  others: readonly S[],
): S | null => others.find((o) => o.id !== candidate.id && spansOverlap(candidate, o)) ?? null;

/** The day the direct lease starts when a sublease slides on its last day `lastDay`: the next one. */
export const slidLeaseStart = (lastDay: string): string => addDays(lastDay, 1);

/** A slide on `lastDay` must fall within the sublease. */
export function slideDayProblem(
  lastDay: string,
  contract: { startOn: string; endOn: string | null },
): string | null {
  if (lastDay < contract.startOn) return 'Le glissement ne peut pas précéder le début de la sous-location.';
  if (contract.endOn && lastDay > contract.endOn)
    return 'Le glissement ne peut pas suivre la fin prévue de la sous-location.';
  return null;
}

/** An end on `endOn`: not before the start; a denunciation names the party and its reason. */
export function endProblems(
  contract: { kind: OccupancyKind; startOn: string },
  end: { endOn: string; outcome: EndOutcome; reason: string | null; party: LeaseParty | null },
): FieldProblems {
  const p: FieldProblems = {};
  if (end.endOn < contract.startOn) p.endOn = 'Le dernier jour ne peut pas précéder le début du contrat.';
  if (!endOutcomesFor(contract.kind).includes(end.outcome))
    p.outcome =
      contract.kind === 'bail_sauvegarde'
        ? 'Un bail de sauvegarde se termine par un nouveau bail, un protocole, une mutation ou une dénonciation.'
        : 'Cette issue ne convient pas à ce contrat.';
  if (end.outcome === 'denounced') {
    if (!end.party) p.party = 'Indiquez quelle partie dénonce le bail.';
    if (!end.reason) p.reason = 'Indiquez le motif de la dénonciation.';
  }
  return p;
}

/** A renewal's new review date: by default 12 months after the current one; after it and after the day of the renewal. */
export function renewalReview(
  contract: { startOn: string; slidingReviewOn: string | null },
  on: string,
  requested: string | null,
): { reviewOn: string; problem: string | null } {
  const base = contract.slidingReviewOn ?? contract.startOn;
  const reviewOn = requested ?? addMonths(base, 12);
  if (reviewOn <= on || reviewOn <= base)
    return {
      reviewOn,
      problem: 'La nouvelle date d’examen doit suivre la précédente et le jour du renouvellement.',
    };
  return { reviewOn, problem: null };
}
