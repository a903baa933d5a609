import {
  ZCandidateList,
  ZCandidatesQuery,
  ZMatchingPolicy,
  ZPolicyAdoption,
  ZPolicyImpact,
  ZPolicyPreviewInput,
} from '../contracts/matching.ts';
import { ZVacancyParams } from '../contracts/vacancies.ts';
import { defineRoute } from './define.ts';

const tag = 'rapprochement';

/**
 * Matching households ready to leave with vacancies: the candidates of a vacancy with why, and the
 * territory's versioned policy. No household scope: a ranking names the households the reader is a
 * party to (checked by the use case, each read audited) and counts the others.
 */
export const MATCHING_ROUTES = {
  candidates: defineRoute({
    method: 'GET',
    path: '/api/vacancies/:id/candidates',
    tag,
    summary:
      'Les candidats d’un logement vacant, classés sur les viviers du département selon la politique en vigueur, par pages, chacun avec ses motifs (filtres, critères, points) ; les ménages écartés avec la raison ; lectures journalisées (les ménages montrés)',
    params: ZVacancyParams,
    query: ZCandidatesQuery,
    response: ZCandidateList,
    errors: [409],
  }),
  policy: defineRoute({
    method: 'GET',
    path: '/api/matching/policy',
    tag,
    summary:
      'La politique de rapprochement de mon département : version en vigueur et historique des versions',
    response: ZMatchingPolicy,
    errors: [409],
  }),
  previewPolicy: defineRoute({
    method: 'POST',
    path: '/api/matching/policy/preview',
    tag,
    summary:
      'L’effet d’une politique sur le vivier d’aujourd’hui, avant de l’adopter : qui monte, qui descend, sur les vacances ouvertes du département',
    body: ZPolicyPreviewInput,
    response: ZPolicyImpact,
    errors: [409],
  }),
  adoptPolicy: defineRoute({
    method: 'POST',
    path: '/api/matching/policy',
    tag,
    summary:
      'Adopter une nouvelle version de la politique de rapprochement du département (coordinateurs et responsables d’équipe du SIAO)',
    body: ZPolicyAdoption,
    response: ZMatchingPolicy,
    status: 201,
    errors: [409, 422],
  }),
} as const;
