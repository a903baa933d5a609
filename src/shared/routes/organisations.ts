import { z } from 'zod';
import { ZTerritory, ZTerritoryQuery } from '../contracts/organisations.ts';
import { defineRoute } from './define.ts';

const tag = 'organisations';

/** Organisations, management units and territories. */
export const ORGANISATION_ROUTES = {
  territories: defineRoute({
    method: 'GET',
    path: '/api/territories',
    tag,
    summary: 'Rechercher un territoire (département, EPCI, commune) par nom, code ou code postal',
    query: ZTerritoryQuery,
    response: z.object({ items: z.array(ZTerritory) }),
  }),
};
