import { ZIdParams } from '../contracts/common.ts';
import {
  ZHousingProjectSave,
  ZHousingProjectView,
  ZPool,
  ZPoolQuery,
  ZProposalConsent,
  ZProposalConsentWithdrawal,
} from '../contracts/housing-pool.ts';
import { defineRoute } from './define.ts';

const tag = 'vivier';
/** Only the social workers of the household's parties (a landlord sees nothing of the project). */
const project = {
  param: 'id',
  level: 'party',
  refusal: 'Le projet logement du ménage est tenu par les travailleurs sociaux qui le suivent.',
} as const;

/** The pool of households ready to leave: each household's housing project, and the pool a SIAO or association holds. */
export const HOUSING_POOL_ROUTES = {
  project: defineRoute({
    method: 'GET',
    path: '/api/households/:id/housing-project',
    tag,
    summary:
      'Projet logement du ménage (souhaits, priorités, demande, revenus et leur source, accord pour être proposé) ; lecture journalisée',
    params: ZIdParams,
    response: ZHousingProjectView,
    household: project,
  }),
  saveProject: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/housing-project',
    tag,
    summary:
      'Ouvrir le projet logement (le ménage entre dans le vivier de mon organisation, sur un avis « prêt à sortir » confirmé) ou le modifier à la version lue',
    params: ZIdParams,
    body: ZHousingProjectSave,
    response: ZHousingProjectView,
    household: project,
    errors: [409, 422],
  }),
  giveConsent: defineRoute({
    method: 'POST',
    path: '/api/households/:id/housing-project/consent',
    tag,
    summary: 'Enregistrer l’accord du ménage pour être proposé sur des logements',
    params: ZIdParams,
    body: ZProposalConsent,
    response: ZHousingProjectView,
    household: project,
    errors: [409],
  }),
  withdrawConsent: defineRoute({
    method: 'POST',
    path: '/api/households/:id/housing-project/consent/withdraw',
    tag,
    summary: 'Retirer l’accord du ménage : il reste dans le vivier « sans accord » et ne sera plus proposé',
    params: ZIdParams,
    body: ZProposalConsentWithdrawal,
    response: ZHousingProjectView,
    household: project,
    errors: [409],
  }),
  pool: defineRoute({
    method: 'GET',
    path: '/api/housing-pool',
    tag,
    summary:
      'Le vivier des ménages prêts à sortir de mon organisation (SIAO ou association), filtré, du plus ancien en hébergement au plus récent ; lecture journalisée par ménage',
    query: ZPoolQuery,
    response: ZPool,
  }),
} as const;
