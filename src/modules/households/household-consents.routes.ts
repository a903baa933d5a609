import { z } from 'zod';
import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZConsentCreate,
  ZConsentList,
  ZConsentParams,
  ZConsentRevoke,
  ZHouseholdCreated,
  ZPartyList,
} from '../../shared/contracts/households.ts';
import { listHouseholdParties } from './use-cases/list-household-parties.ts';
import { listHouseholdConsents } from './use-cases/list-household-consents.ts';
import { recordConsent } from './use-cases/record-consent.ts';
import { revokeConsent } from './use-cases/revoke-consent.ts';
import { registerHouseholdPartList } from './household-read.ts';

const tags = ['households'];

/** Who has access to a household and why: parties and the household's consents. */
export async function householdConsentRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  registerHouseholdPartList(app, deps, {
    path: 'parties',
    summary: 'Organisations ayant accès au dossier, et à quel titre',
    list: ZPartyList,
    read: listHouseholdParties,
  });

  registerHouseholdPartList(app, deps, {
    path: 'consents',
    summary: 'Accords du ménage (en cours, expirés, retirés)',
    list: ZConsentList,
    forbiddable: true,
    read: listHouseholdConsents,
  });

  app.post(
    '/api/households/:id/consents',
    {
      schema: {
        tags,
        summary: "Enregistrer l'accord du ménage pour une organisation (qui devient partie au dossier)",
        params: ZIdParams,
        body: ZConsentCreate,
        response: { 201: ZHouseholdCreated, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request, reply) => {
      const created = await deps.db.transaction((tx) =>
        recordConsent({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          input: request.body,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/households/:id/consents/:consentId/revoke',
    {
      schema: {
        tags,
        summary: "Retirer un accord : l'organisation perd l'accès dès maintenant",
        params: ZConsentParams,
        body: ZConsentRevoke,
        response: { 204: z.null(), 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
    },
    async (request, reply) => {
      await deps.db.transaction((tx) =>
        revokeConsent({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          consentId: request.params.consentId,
          reason: request.body.reason,
          now: deps.clock(),
        }),
      );
      return reply.status(204).send(null);
    },
  );
}
