import type { z } from 'zod';
import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZContactAttemptCreate,
  ZFirstInterview,
  ZReferralAccept,
  ZReferralCaseworkerList,
  ZReferralCreate,
  ZReferralCreated,
  ZReferralDecline,
  ZReferralDetail,
  ZReferralEventList,
  ZReferralPage,
  ZReferralQuery,
  ZReferralRedirect,
  ZReferralTransitionResult,
} from '../../shared/contracts/referrals.ts';
import { createReferral } from './use-cases/create-referral.ts';
import { acceptReferral } from './use-cases/accept-referral.ts';
import { declineReferral } from './use-cases/decline-referral.ts';
import { redirectReferral } from './use-cases/redirect-referral.ts';
import { logContactAttempt } from './use-cases/log-contact-attempt.ts';
import { recordFirstInterview } from './use-cases/record-first-interview.ts';
import { getReferral } from './use-cases/get-referral.ts';
import { listReferrals } from './use-cases/list-referrals.ts';
import { listReferralTimeline } from './use-cases/list-referral-events.ts';
import { listAssignableCaseworkers } from './use-cases/list-assignable-caseworkers.ts';
import { presentTransition } from './referrals.presenter.ts';
import type { ReferralActionRequest } from './referral-transition.ts';
import type { ReferralRow } from './referrals.repository.ts';

const tags = ['referrals'];

export async function referralRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Adresser une saisine (maintien ou accès) à une association',
        body: ZReferralCreate,
        response: { 201: ZReferralCreated },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const created = await deps.db.transaction((tx) =>
        createReferral(
          { db: tx, actor, now: deps.clock(), client, session: request.session, config: deps.config },
          request.body,
        ),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/referrals/inbox',
    {
      schema: {
        tags,
        summary: 'Saisines reçues par mon organisation (les plus récentes d’abord)',
        querystring: ZReferralQuery,
        response: { 200: ZReferralPage },
      },
    },
    async (request) =>
      listReferrals({ q: deps.db, actor: actorOf(request), box: 'inbox', query: request.query }),
  );

  app.get(
    '/api/referrals/sent',
    {
      schema: {
        tags,
        summary: 'Saisines envoyées par mon organisation, avec leur statut',
        querystring: ZReferralQuery,
        response: { 200: ZReferralPage },
      },
    },
    async (request) =>
      listReferrals({ q: deps.db, actor: actorOf(request), box: 'sent', query: request.query }),
  );

  app.get(
    '/api/referrals/caseworkers',
    {
      schema: {
        tags,
        summary: 'Travailleurs sociaux de mon organisation pouvant être désignés référents',
        response: { 200: ZReferralCaseworkerList },
      },
    },
    async (request) => listAssignableCaseworkers({ q: deps.db, actor: actorOf(request) }),
  );

  app.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Détail d’une saisine (organisation qui l’a faite ou qui la reçoit)',
        params: ZIdParams,
        response: { 200: ZReferralDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return deps.db.transaction((tx) => getReferral({ tx, actor, referralId: request.params.id }));
    },
  );

  app.get(
    '/api/referrals/:id/events',
    {
      schema: {
        tags,
        summary: 'Historique d’une saisine',
        params: ZIdParams,
        response: { 200: ZReferralEventList },
      },
    },
    async (request) =>
      listReferralTimeline({ q: deps.db, actor: actorOf(request), referralId: request.params.id }),
  );

  /** A decision on a referral: the body carries the version read, the answer the new status. */
  const registerTransition = <Input extends { version: number }>(
    path: string,
    summary: string,
    body: z.ZodType<Input>,
    transition: (request: ReferralActionRequest<Input>) => Promise<ReferralRow>,
  ) =>
    app.post(
      `/api/referrals/:id/${path}`,
      {
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZReferralTransitionResult } },
      },
      async (request) => {
        const actor = actorOf(request);
        // `body` validated it; the type provider's mapping of a generic schema does not narrow back.
        const input = request.body as Input;
        const row = await deps.db.transaction((tx) =>
          transition({ tx, actor, referralId: request.params.id, input, now: deps.clock() }),
        );
        return presentTransition(row);
      },
    );

  registerTransition(
    'accept',
    'Accepter une saisine et désigner le référent',
    ZReferralAccept,
    acceptReferral,
  );
  registerTransition('decline', 'Refuser une saisine, avec son motif', ZReferralDecline, declineReferral);
  registerTransition(
    'redirect',
    'Réorienter une saisine vers une autre association',
    ZReferralRedirect,
    redirectReferral,
  );

  app.post(
    '/api/referrals/:id/contact-attempts',
    {
      schema: {
        tags,
        summary: 'Noter une tentative de contact avec le ménage',
        params: ZIdParams,
        body: ZContactAttemptCreate,
        response: { 201: ZReferralCreated },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await deps.db.transaction((tx) =>
        logContactAttempt({
          tx,
          actor,
          referralId: request.params.id,
          input: request.body,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  registerTransition(
    'first-interview',
    'Noter le premier entretien : l’accompagnement est ouvert',
    ZFirstInterview,
    recordFirstInterview,
  );
}
