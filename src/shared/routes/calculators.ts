import {
  ZCreateScale,
  ZEvictionTimelineBatchInput,
  ZEvictionTimelineBatchResult,
  ZEvictionTimelineInput,
  ZEvictionTimelineResult,
  ZHousingBenefitBatchInput,
  ZHousingBenefitBatchResult,
  ZHousingBenefitInput,
  ZHousingBenefitResult,
  ZScaleList,
  ZScaleListQuery,
  ZScaleSummary,
  ZSocialHousingEligibilityBatchInput,
  ZSocialHousingEligibilityBatchResult,
  ZSocialHousingEligibilityInput,
  ZSocialHousingEligibilityResult,
} from '../contracts/calculators.ts';
import { defineRoute } from './define.ts';

const tag = 'calculateurs';

/**
 * The public housing-benefit estimator, its published scales and their administration; the public
 * eviction-timeline calculator; the public social-housing eligibility calculator.
 */
export const CALCULATOR_ROUTES = {
  estimate: defineRoute({
    method: 'POST',
    path: '/api/calculators/housing-benefit',
    tag,
    summary: 'Estimer l’aide au logement (APL, ALF, ALS) d’un ménage locataire, sans rien enregistrer',
    access: 'public',
    body: ZHousingBenefitInput,
    response: ZHousingBenefitResult,
    errors: [422],
  }),
  estimateBatch: defineRoute({
    method: 'POST',
    path: '/api/calculators/housing-benefit/batch',
    tag,
    summary:
      'Estimer l’aide au logement pour une liste de ménages (10 000 au plus) ; un cas hors champ donne { error } à sa place',
    access: 'public',
    body: ZHousingBenefitBatchInput,
    response: ZHousingBenefitBatchResult,
  }),
  scales: defineRoute({
    method: 'GET',
    path: '/api/housing-benefit-scales',
    tag,
    summary:
      'Barèmes de l’aide au logement connus (fichiers versionnés et ajouts), avec leurs valeurs si full=true',
    access: 'public',
    query: ZScaleListQuery,
    response: ZScaleList,
  }),
  addScale: defineRoute({
    method: 'POST',
    path: '/api/admin/housing-benefit-scales',
    tag,
    summary: 'Ajouter un barème publié (administrateur) ; refusé si ses dates chevauchent un barème connu',
    body: ZCreateScale,
    response: ZScaleSummary,
    status: 201,
    errors: [409],
  }),
  evictionTimeline: defineRoute({
    method: 'POST',
    path: '/api/calculators/eviction-timeline',
    tag,
    summary:
      'Calculer les délais légaux d’une procédure d’impayé et d’expulsion (impayé, signalement, commandement, assignation, préfet, expulsion, concours de la force publique), sans rien enregistrer',
    access: 'public',
    body: ZEvictionTimelineInput,
    response: ZEvictionTimelineResult,
    errors: [422],
  }),
  evictionTimelineBatch: defineRoute({
    method: 'POST',
    path: '/api/calculators/eviction-timeline/batch',
    tag,
    summary:
      'Calculer les délais de procédure pour une liste de demandes (10 000 au plus) ; une demande mal formée ou incohérente donne { error } à sa place',
    access: 'public',
    body: ZEvictionTimelineBatchInput,
    response: ZEvictionTimelineBatchResult,
  }),
  socialHousingEligibility: defineRoute({
    method: 'POST',
    path: '/api/calculators/social-housing-eligibility',
    tag,
    summary:
      'Vérifier l’éligibilité d’un ménage au logement social selon ses ressources : catégorie de ménage, plafond du financement (PLAI, PLUS, PLS) et de la zone pour l’année de la commission, revenu retenu ; sans rien enregistrer',
    access: 'public',
    body: ZSocialHousingEligibilityInput,
    response: ZSocialHousingEligibilityResult,
    errors: [422, 429],
  }),
  socialHousingEligibilityBatch: defineRoute({
    method: 'POST',
    path: '/api/calculators/social-housing-eligibility/batch',
    tag,
    summary:
      'Vérifier l’éligibilité au logement social pour une liste de ménages (10 000 au plus) ; une demande mal formée ou sans réponse donne { error } à sa place',
    access: 'public',
    body: ZSocialHousingEligibilityBatchInput,
    response: ZSocialHousingEligibilityBatchResult,
    errors: [429],
  }),
};
