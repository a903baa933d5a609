import type { LeaseParty } from './contract-rules.ts';

/**
 * The sliding (glissement) of a sublease, pure: the shared checklist each party fills in before the
 * joint decision (association, landlord, and the household — recorded with it by the association's
 * worker), and what the decision needs.
 */
export const SLIDING_CRITERIA = [
  'rent_paid',
  'upkeep',
  'neighbourhood',
  'paperwork_autonomy',
  'repayment_plan',
] as const;
export type SlidingCriterion = (typeof SLIDING_CRITERIA)[number];
export const SLIDING_CRITERION_LABELS: Record<SlidingCriterion, string> = {
  rent_paid: 'Loyer payé régulièrement',
  upkeep: 'Entretien du logement',
  neighbourhood: 'Relations de voisinage',
  paperwork_autonomy: 'Autonomie dans les démarches administratives',
  repayment_plan: 'Plan d’apurement respecté',
};

export const SLIDING_RATINGS = ['acquired', 'in_progress', 'not_acquired', 'not_applicable'] as const;
export type SlidingRating = (typeof SLIDING_RATINGS)[number];
export const SLIDING_RATING_LABELS: Record<SlidingRating, string> = {
  acquired: 'Acquis',
  in_progress: 'En cours d’acquisition',
  not_acquired: 'Non acquis',
  not_applicable: 'Sans objet',
};

export const SLIDING_DECISIONS = ['slide', 'renew', 'end'] as const;
export type SlidingDecision = (typeof SLIDING_DECISIONS)[number];
export const SLIDING_DECISION_LABELS: Record<SlidingDecision, string> = {
  slide: 'Glissement du bail au ménage',
  renew: 'Renouvellement avec de nouveaux objectifs',
  end: 'Fin de la sous-location et relogement',
};

export type SlidingRatings = Record<SlidingCriterion, { rating: SlidingRating; comment: string | null }>;

/** The parties who have not yet evaluated the current review round. */
export const missingEvaluations = (evaluated: readonly LeaseParty[]): LeaseParty[] =>
  (['association', 'landlord', 'household'] as const).filter((p) => !evaluated.includes(p));

/** A joint decision needs the three parties' evaluations of the round. */
export function decisionRefusal(evaluated: readonly LeaseParty[]): string | null {
  const missing = missingEvaluations(evaluated);
  if (missing.length === 0) return null;
  const names = { association: 'l’association', landlord: 'le bailleur', household: 'le ménage' };
  return `La décision attend l’évaluation de : ${missing.map((p) => names[p]).join(', ')}.`;
}

/** The party an organisation speaks for on a contract: the lessor's staff for the landlord, the association's for itself and the household. */
export function partiesSpokenFor(
  organisationId: string,
  contract: { lessorOrganisationId: string | null; intermediaryOrganisationId: string | null },
): LeaseParty[] {
  const parties: LeaseParty[] = [];
  if (contract.intermediaryOrganisationId === organisationId) parties.push('association', 'household');
  if (contract.lessorOrganisationId === organisationId) parties.push('landlord');
  return parties;
}
