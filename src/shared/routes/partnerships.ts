import {
  ZAmendmentCreate,
  ZAvailabilityEnd,
  ZConvention,
  ZConventionCreate,
  ZConventionDwellingCreate,
  ZConventionDwellingParams,
  ZConventionList,
  ZConventionParams,
  ZConventionReview,
  ZGlaPlan,
  ZGlaPlanInput,
  ZReviewQuery,
} from '../contracts/partnerships.ts';
import { FILE_RESPONSE, defineRoute } from './define.ts';

const tag = 'partenariats';

/**
 * Partnership conventions between a landlord and an association: the two organisations' business
 * (no household scope: a convention names dwellings, not households).
 */
export const PARTNERSHIP_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/partnerships',
    tag,
    summary: 'Conventions de partenariat de mon organisation (bailleur ou association)',
    response: ZConventionList,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/partnerships',
    tag,
    summary:
      'Conclure une convention avec un partenaire : dates, participation aux frais de gestion, engagements d’accompagnement',
    body: ZConventionCreate,
    response: ZConvention,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/partnerships/:conventionId',
    tag,
    summary: 'Une convention, ses logements mis à disposition et leur type d’occupation',
    params: ZConventionParams,
    response: ZConvention,
  }),
  addDwelling: defineRoute({
    method: 'POST',
    path: '/api/partnerships/:conventionId/dwellings',
    tag,
    summary:
      'Mettre un logement du bailleur à disposition de l’association (type d’occupation, date, gestion locative adaptée)',
    params: ZConventionParams,
    body: ZConventionDwellingCreate,
    response: ZConvention,
  }),
  amend: defineRoute({
    method: 'POST',
    path: '/api/partnerships/:conventionId/amendments',
    tag,
    summary:
      'Conclure un avenant : à partir d’une date, la participation, les engagements, les dates de la convention, le type d’occupation de logements',
    params: ZConventionParams,
    body: ZAmendmentCreate,
    response: ZConvention,
    status: 201,
  }),
  endAvailability: defineRoute({
    method: 'POST',
    path: '/api/partnerships/:conventionId/dwellings/:entryId/end',
    tag,
    summary:
      'Mettre fin à la mise à disposition d’un logement (dernier jour, motif) ; refusé tant qu’un contrat d’occupation y est en cours',
    params: ZConventionDwellingParams,
    body: ZAvailabilityEnd,
    response: ZConvention,
    errors: [409],
  }),
  review: defineRoute({
    method: 'GET',
    path: '/api/partnerships/:conventionId/review',
    tag,
    summary:
      'Bilan annuel de la convention : jours de mise à disposition, d’occupation et de vacance, participation due, coût et plan de la GLA',
    params: ZConventionParams,
    query: ZReviewQuery,
    response: ZConventionReview,
  }),
  reviewPdf: defineRoute({
    method: 'GET',
    path: '/api/partnerships/:conventionId/review/pdf',
    tag,
    summary: 'Bilan annuel de la convention (PDF)',
    params: ZConventionParams,
    query: ZReviewQuery,
    response: FILE_RESPONSE,
  }),
  planGla: defineRoute({
    method: 'POST',
    path: '/api/partnerships/:conventionId/gla-plan',
    tag,
    summary:
      'Écrire en tâches le plan annuel de gestion locative adaptée des logements gérés (contacts mensuels, visite, contrôle technique, consommations)',
    params: ZConventionParams,
    body: ZGlaPlanInput,
    response: ZGlaPlan,
  }),
} as const;
