import {
  ZDecisionCreate,
  ZDesignation,
  ZDesignationCreate,
  ZHouseholdProposals,
  ZHouseholdProposalsParams,
  ZProposal,
  ZProposalAnswerCreate,
  ZProposalParams,
  ZVacancyProposals,
} from '../contracts/designations.ts';
import { ZVacancyParams } from '../contracts/vacancies.ts';
import { defineRoute } from './define.ts';

const tag = 'désignations';

/**
 * Designation of households on a vacancy and the commission's outcome (issue 12 points 4–5). The
 * vacancy's and the proposal's routes decide by the vacancy's landlord and the household's parties
 * in the use case (a landlord is no party: it sees candidates only through the proposals sent to
 * it); the household's history is household-scoped.
 */
export const DESIGNATION_ROUTES = {
  designate: defineRoute({
    method: 'POST',
    path: '/api/vacancies/:id/designations',
    tag,
    summary:
      'Désigner jusqu’à trois ménages, dans l’ordre, sur un logement vacant de mon département (chacun passe les filtres du rapprochement) ; le bailleur et les référents sont prévenus',
    params: ZVacancyParams,
    body: ZDesignationCreate,
    response: ZDesignation,
    status: 201,
    errors: [409, 422],
  }),
  vacancyProposals: defineRoute({
    method: 'GET',
    path: '/api/vacancies/:id/proposals',
    tag,
    summary:
      'Les ménages proposés sur un logement : tous pour son bailleur, ceux dont mon organisation est partie pour un SIAO ou une association ; lecture journalisée par ménage',
    params: ZVacancyParams,
    response: ZVacancyProposals,
  }),
  householdProposals: defineRoute({
    method: 'GET',
    path: '/api/households/:householdId/proposals',
    tag,
    summary:
      'Les logements sur lesquels le ménage a été proposé : réponse, décision de la commission, motifs ; lecture journalisée',
    params: ZHouseholdProposalsParams,
    response: ZHouseholdProposals,
    household: {
      param: 'householdId',
      level: 'party',
      refusal:
        'Les propositions de logement du ménage sont suivies par les travailleurs sociaux qui l’accompagnent.',
    },
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/proposals/:proposalId/answer',
    tag,
    summary:
      'Enregistrer la réponse du ménage à la proposition (acceptation, ou refus avec son motif), une fois, avant la décision',
    params: ZProposalParams,
    body: ZProposalAnswerCreate,
    response: ZProposal,
    errors: [409, 422],
  }),
  decision: defineRoute({
    method: 'POST',
    path: '/api/proposals/:proposalId/decision',
    tag,
    summary:
      'Enregistrer la décision de la commission d’attribution pour ce ménage (ou le refus du bailleur), une fois ; les référents sont prévenus, une attribution clôt la vacance',
    params: ZProposalParams,
    body: ZDecisionCreate,
    response: ZProposal,
    errors: [409, 422],
  }),
} as const;
