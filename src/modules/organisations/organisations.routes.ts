import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { notFound } from '../../kernel/errors.ts';
import { ZIdParams } from '../../shared/contracts/common.ts';
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
} from '../../shared/contracts/organisations.ts';
import { z } from 'zod';
import {
  findVisibleOrganisation,
  listActiveOrganisations,
  searchTerritories,
} from './organisations.repository.ts';
import {
  presentManagementUnit,
  presentOrganisationDetail,
  presentOrganisationSummary,
  presentTerritory,
} from './organisations.presenter.ts';
import { updateOrganisation } from './use-cases/update-organisation.ts';
import { saveManagementUnit } from './use-cases/save-management-unit.ts';

const tags = ['organisations'];

export async function organisationsRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Annuaire des organisations actives (type, territoire, unités de gestion)',
        querystring: ZOrganisationsQuery,
        response: { 200: z.object({ items: z.array(ZOrganisationSummary) }) },
      },
    },
    async (request) => ({
      items: (await listActiveOrganisations(deps.db, request.query)).map(presentOrganisationSummary),
    }),
  );

  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Une organisation et ses coordonnées générales',
        params: ZIdParams,
        response: { 200: ZOrganisationDetail },
      },
    },
    async (request) => {
      const org = await findVisibleOrganisation(deps.db, request.params.id, actorOf(request).organisationId);
      if (!org) throw notFound('Organisation introuvable.');
      return presentOrganisationDetail(org);
    },
  );

  app.get(
    '/api/territories',
    {
      schema: {
        tags,
        summary: 'Rechercher un territoire (département, EPCI, commune) par nom, code ou code postal',
        querystring: ZTerritoryQuery,
        response: { 200: z.object({ items: z.array(ZTerritory) }) },
      },
    },
    async (request) => ({ items: (await searchTerritories(deps.db, request.query)).map(presentTerritory) }),
  );

  app.patch(
    '/api/admin/organisation',
    {
      schema: {
        tags,
        summary: 'Modifier mon organisation (nom, coordonnées)',
        body: ZOrganisationUpdate,
        response: { 200: ZOrganisationDetail },
      },
    },
    async (request) =>
      presentOrganisationDetail(
        await updateOrganisation(deps, { actor: actorOf(request), changes: request.body }),
      ),
  );

  app.post(
    '/api/admin/management-units',
    {
      schema: {
        tags,
        summary: 'Créer une unité de gestion (agence) de mon organisation de bailleur',
        body: ZManagementUnitCreate,
        response: { 201: ZManagementUnit },
      },
    },
    async (request, reply) => {
      const unit = await saveManagementUnit(deps, { actor: actorOf(request), fields: request.body });
      return reply.status(201).send(presentManagementUnit(unit));
    },
  );

  app.patch(
    '/api/admin/management-units/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une unité de gestion de mon organisation',
        params: ZIdParams,
        body: ZManagementUnitUpdate,
        response: { 200: ZManagementUnit },
      },
    },
    async (request) =>
      presentManagementUnit(
        await saveManagementUnit(deps, {
          actor: actorOf(request),
          unitId: request.params.id,
          fields: request.body,
        }),
      ),
  );
}
