import { z } from 'zod';
import { ZIdParams } from '../contracts/common.ts';
import {
  ZManagementUnit,
  ZManagementUnitCreate,
  ZManagementUnitUpdate,
  ZOrganisationDetail,
  ZOrganisationSummary,
  ZOrganisationUpdate,
  ZOrganisationsQuery,
  ZTerritory,
  ZTerritoryQuery,
} from '../contracts/organisations.ts';
import { defineRoute } from './define.ts';

const tag = 'organisations';

/** Organisations, management units and territories. */
export const ORGANISATION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/organisations',
    tag,
    summary: 'Annuaire des organisations actives (type, territoire, unités de gestion)',
    query: ZOrganisationsQuery,
    response: z.object({ items: z.array(ZOrganisationSummary) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/organisations/:id',
    tag,
    summary: 'Une organisation et ses coordonnées générales',
    params: ZIdParams,
    response: ZOrganisationDetail,
  }),
  territories: defineRoute({
    method: 'GET',
    path: '/api/territories',
    tag,
    summary: 'Rechercher un territoire (département, EPCI, commune) par nom, code ou code postal',
    query: ZTerritoryQuery,
    response: z.object({ items: z.array(ZTerritory) }),
  }),
  updateOwn: defineRoute({
    method: 'PATCH',
    path: '/api/admin/organisation',
    tag,
    summary: 'Modifier mon organisation (nom, coordonnées)',
    body: ZOrganisationUpdate,
    response: ZOrganisationDetail,
  }),
  createManagementUnit: defineRoute({
    method: 'POST',
    path: '/api/admin/management-units',
    tag,
    summary: 'Créer une unité de gestion (agence) de mon organisation de bailleur',
    body: ZManagementUnitCreate,
    response: ZManagementUnit,
    status: 201,
  }),
  updateManagementUnit: defineRoute({
    method: 'PATCH',
    path: '/api/admin/management-units/:id',
    tag,
    summary: 'Modifier une unité de gestion de mon organisation',
    params: ZIdParams,
    body: ZManagementUnitUpdate,
    response: ZManagementUnit,
  }),
};
