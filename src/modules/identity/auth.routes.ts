import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import {
  ZInvitationAccept,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZSwitchOrganisationRequest,
  ZTotpConfirmRequest,
  ZTotpConfirmResponse,
  ZTotpEnrolResponse,
  ZTotpVerifyRequest,
} from '../../shared/contracts/identity.ts';
import { contextOf, sessionOf } from './request-context.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { signIn } from './use-cases/sign-in.ts';
import { enrolTotp } from './use-cases/enrol-totp.ts';
import { confirmTotp } from './use-cases/confirm-totp.ts';
import { verifySecondFactor } from './use-cases/verify-second-factor.ts';
import { describeSession } from './use-cases/describe-session.ts';
import { switchOrganisation } from './use-cases/switch-organisation.ts';
import { signOut } from './use-cases/sign-out.ts';
import { requestPasswordReset } from './use-cases/request-password-reset.ts';
import { resetPassword } from './use-cases/reset-password.ts';
import { acceptInvitation } from './use-cases/accept-invitation.ts';

/** Per client address, on the routes that check a secret or send an email. */
const BRUTE_FORCE_LIMIT = { max: 20, timeWindow: '1 minute' };
const tags = ['authentification'];

export async function authRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary: 'Se connecter (e-mail et mot de passe)',
        body: ZLoginRequest,
        response: { 200: ZLoginResponse },
      },
    },
    async (request, reply) => {
      const opened = await signIn(deps, { ...request.body, context: contextOf(request) });
      setSessionCookie(reply, deps.config, opened.session);
      return opened.response;
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { access: 'password' },
      schema: {
        tags,
        summary: 'Commencer l’activation du second facteur (application TOTP, QR code)',
        response: { 200: ZTotpEnrolResponse },
      },
    },
    async (request) => enrolTotp(deps, sessionOf(request)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { access: 'password', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary:
          'Confirmer l’activation avec un premier code ; renvoie les codes de secours (une seule fois)',
        body: ZTotpConfirmRequest,
        response: { 200: ZTotpConfirmResponse },
      },
    },
    async (request) =>
      confirmTotp(deps, {
        session: sessionOf(request),
        code: request.body.code,
        context: contextOf(request),
      }),
  );

  app.post(
    '/api/auth/totp/verify',
    {
      config: { access: 'password', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary: 'Valider la connexion avec un code TOTP ou un code de secours',
        body: ZTotpVerifyRequest,
      },
    },
    async (request, reply) => {
      await verifySecondFactor(deps, {
        ...request.body,
        session: sessionOf(request),
        context: contextOf(request),
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'password' },
      schema: {
        tags,
        summary: 'Session en cours : utilisateur, organisation, rôles, jeton CSRF, état du second facteur',
        response: { 200: ZMe },
      },
    },
    async (request) => describeSession(deps.db, sessionOf(request)),
  );

  app.post(
    '/api/auth/switch-organisation',
    {
      config: { access: 'password' },
      schema: {
        tags,
        summary: 'Agir pour une autre de mes organisations',
        body: ZSwitchOrganisationRequest,
        response: { 200: ZMe },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      await switchOrganisation(deps, {
        session,
        organisationId: request.body.organisationId,
        context: contextOf(request),
      });
      return describeSession(deps.db, session);
    },
  );

  for (const [url, everywhere, summary, access] of [
    ['/api/auth/logout', false, 'Se déconnecter', 'password'],
    ['/api/auth/logout-all', true, 'Se déconnecter de toutes mes sessions', 'authenticated'],
  ] as const) {
    app.post(url, { config: { access }, schema: { tags, summary } }, async (request, reply) => {
      await signOut(deps, { session: sessionOf(request), everywhere, context: contextOf(request) });
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send();
    });
  }

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary:
          'Demander un lien de réinitialisation du mot de passe (réponse identique que le compte existe ou non)',
        body: ZPasswordResetRequest,
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, { email: request.body.email, context: contextOf(request) });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary: 'Choisir un nouveau mot de passe avec le lien reçu (ferme toutes les sessions)',
        body: ZPasswordResetConfirm,
      },
    },
    async (request, reply) => {
      await resetPassword(deps, { ...request.body, context: contextOf(request) });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { access: 'public', rateLimit: BRUTE_FORCE_LIMIT },
      schema: {
        tags,
        summary: 'Accepter une invitation et se connecter',
        body: ZInvitationAccept,
        response: { 200: ZLoginResponse },
      },
    },
    async (request, reply) => {
      const opened = await acceptInvitation(deps, { ...request.body, context: contextOf(request) });
      setSessionCookie(reply, deps.config, opened.session);
      return opened.response;
    },
  );
}
