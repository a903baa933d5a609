import { ZFairnessQuery, ZFairnessView } from '../contracts/fairness.ts';
import { defineRoute } from './define.ts';

const tag = 'équité';

/**
 * The fairness view of matching: counts only, no household scope (no household is named; the small
 * counts of households outside the reader's pool are masked).
 */
export const FAIRNESS_ROUTES = {
  view: defineRoute({
    method: 'GET',
    path: '/api/matching/fairness',
    tag,
    summary:
      'Vue d’équité : propositions, refus et attributions de la période par profil de ménage, délai entre l’entrée au vivier et l’attribution ; les effectifs de moins de 5 masqués hors de mon vivier',
    query: ZFairnessQuery,
    response: ZFairnessView,
  }),
} as const;
