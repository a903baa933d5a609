import { ZReferentielList, ZReferentielVersionParams } from '../contracts/referentiel.ts';
import { ZReferentielVersion } from '../referentiel/referentiel.ts';
import { defineRoute } from './define.ts';

const tag = 'référentiel';

/** The référentiel of the briques: shipped reference data, no household in it. */
export const REFERENTIEL_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/referentiel',
    tag,
    summary: 'Versions du référentiel des briques, et la version en vigueur en entier',
    response: ZReferentielList,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/referentiel/:version',
    tag,
    summary:
      'Une version du référentiel des briques : groupes, briques, missions, résultats attendus, tâches',
    params: ZReferentielVersionParams,
    response: ZReferentielVersion,
  }),
};
