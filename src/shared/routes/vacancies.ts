import {
  ZVacancy,
  ZVacancyCreate,
  ZVacancyEnd,
  ZVacancyList,
  ZVacancyParams,
} from '../contracts/vacancies.ts';
import { defineRoute } from './define.ts';

const tag = 'vacances';

/**
 * Vacancies of dwellings: published by the landlord's staff from its stock, read by the associations
 * and the SIAO of the dwelling's département. No household scope: a vacancy names no household.
 */
export const VACANCY_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/vacancies',
    tag,
    summary:
      'Les vacances : celles de mon parc pour un bailleur, les vacances ouvertes de mon département pour un SIAO ou une association',
    response: ZVacancyList,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/vacancies/:id',
    tag,
    summary:
      'Une vacance : pour le bailleur qui l’a publiée, ou pour un SIAO ou une association de son département',
    params: ZVacancyParams,
    response: ZVacancy,
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/vacancies',
    tag,
    summary:
      'Publier la vacance d’un logement de mon parc (contingent, date limite de réponse, visites) ; les SIAO et associations du département qui tiennent un vivier sont prévenus',
    body: ZVacancyCreate,
    response: ZVacancy,
    status: 201,
    errors: [409, 422],
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/api/vacancies/:id/withdraw',
    tag,
    summary: 'Retirer une vacance ouverte (le logement n’est plus proposé)',
    params: ZVacancyParams,
    body: ZVacancyEnd,
    response: ZVacancy,
    errors: [409],
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/vacancies/:id/close',
    tag,
    summary: 'Clôturer une vacance ouverte (le logement a trouvé preneur)',
    params: ZVacancyParams,
    body: ZVacancyEnd,
    response: ZVacancy,
    errors: [409],
  }),
} as const;
