import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZHouseholdAudit,
  ZHouseholdCreateBody,
  ZHouseholdCreated,
  ZHouseholdDetail,
  ZHouseholdHistory,
  ZHouseholdList,
  ZHouseholdListQuery,
  ZHouseholdSaved,
  ZHouseholdUpdate,
} from '../../shared/contracts/households.ts';
import { createHousehold } from './use-cases/create-household.ts';
import { listHouseholds } from './use-cases/list-households.ts';
import { getHousehold } from './use-cases/get-household.ts';
import { updateHousehold } from './use-cases/update-household.ts';
import { getHouseholdHistory } from './use-cases/get-household-history.ts';
import { listHouseholdAudit } from './use-cases/list-household-audit.ts';
import { householdAttachmentRoutes } from './household-attachments.routes.ts';
import { householdConsentRoutes } from './household-consents.routes.ts';
import { registerHouseholdPartList } from './household-read.ts';

const tags = ['households'];
const errors = { 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/** The household file: list, create, read, whole-file update, history and access log. */
export async function householdsRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Ménages dont mon organisation est partie (recherche, filtres, pages)',
        querystring: ZHouseholdListQuery,
        response: { 200: ZHouseholdList, 400: ZErrorBody },
      },
    },
    async (request) =>
      listHouseholds({ q: deps.db, actor: actorOf(request), filter: request.query, now: deps.clock() }),
  );

  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: "Créer un dossier ménage (avec l'accord du ménage, ou pour un locataire du bailleur)",
        body: ZHouseholdCreateBody,
        response: { 201: ZHouseholdCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { basis, ...input } = request.body;
      const created = await deps.db.transaction((tx) =>
        createHousehold({ tx, actor: actorOf(request), input, basis, now: deps.clock() }),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'Lire un dossier ménage (champs selon le niveau d’accès ; lecture journalisée)',
        params: ZIdParams,
        response: { 200: ZHouseholdDetail, 404: ZErrorBody },
      },
    },
    // No transaction: the read and its audit entry are one statement (see getHousehold).
    async (request) =>
      getHousehold({
        tx: deps.db,
        actor: actorOf(request),
        householdId: request.params.id,
        now: deps.clock(),
      }),
  );

  app.put(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: 'Enregistrer le dossier ménage complet (contrôle de version)',
        params: ZIdParams,
        body: ZHouseholdUpdate,
        response: { 200: ZHouseholdSaved, ...errors, 409: ZErrorBody },
      },
    },
    async (request) => {
      const { version } = await deps.db.transaction((tx) =>
        updateHousehold({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          input: request.body,
          now: deps.clock(),
        }),
      );
      return { id: request.params.id, version };
    },
  );

  registerHouseholdPartList(app, deps, {
    path: 'history',
    summary: 'Historique des versions du dossier (modifications visibles selon le niveau d’accès)',
    list: ZHouseholdHistory,
    read: getHouseholdHistory,
  });

  registerHouseholdPartList(app, deps, {
    path: 'audit',
    summary: 'Journal des accès et modifications du dossier (référent)',
    list: ZHouseholdAudit,
    forbiddable: true,
    read: listHouseholdAudit,
  });

  await householdAttachmentRoutes(app, deps);
  await householdConsentRoutes(app, deps);
}
