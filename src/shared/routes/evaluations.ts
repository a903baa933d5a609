import { ZIdParams } from '../contracts/common.ts';
import {
  ZMonthlyPoint,
  ZMonthlyPointAct,
  ZMonthlyPointCreate,
  ZMonthlyPointParams,
  ZMonthlyPoints,
  ZMonthlyPointUpdate,
} from '../contracts/evaluations.ts';
import { ZMeasureParams } from '../contracts/measures.ts';
import { defineRoute } from './define.ts';

const tag = 'evaluations';
/** The social workers who follow the household prepare, read and validate its monthly points. */
const caseworker = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Seuls les travailleurs sociaux qui accompagnent le ménage font ses points mensuels.',
} as const;

/** Monthly points of the running measures (and, later, their evaluations). */
export const EVALUATION_ROUTES = {
  monthlyPoints: defineRoute({
    method: 'GET',
    path: '/api/households/:id/monthly-points',
    tag,
    summary: 'Points mensuels des mesures du ménage, mois par mois, avec les chiffres du journal',
    params: ZIdParams,
    response: ZMonthlyPoints,
    household: caseworker,
  }),
  prepareMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/measures/:measureId/monthly-points',
    tag,
    summary: 'Préparer le point mensuel d’un mois (brouillon tiré du journal du mois ; un point par mois)',
    params: ZMeasureParams,
    body: ZMonthlyPointCreate,
    response: ZMonthlyPoint,
    status: 201,
    household: caseworker,
    errors: [409],
  }),
  updateMonthlyPoint: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/monthly-points/:pointId',
    tag,
    summary: 'Compléter le brouillon du point mensuel (à la version lue ; chiffres du journal remis à jour)',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointUpdate,
    response: ZMonthlyPoint,
    household: caseworker,
    errors: [409],
  }),
  validateMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/monthly-points/:pointId/validate',
    tag,
    summary: 'Valider le point mensuel : ses chiffres sont figés, il ne se modifie plus',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointAct,
    response: ZMonthlyPoint,
    household: caseworker,
    errors: [409],
  }),
  correctMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/monthly-points/:pointId/correct',
    tag,
    summary: 'Corriger un point validé : une nouvelle version en brouillon, l’ancienne reste',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointAct,
    response: ZMonthlyPoint,
    status: 201,
    household: caseworker,
    errors: [409],
  }),
};
