import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import type { AppDeps } from './deps.ts';
import {
  SESSION_COOKIE,
  actorOfSession,
  resolveSession,
  touchSession,
} from '../modules/identity/sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every request and enforces each route's `config.access`
 * (default: a complete session). State-changing requests with a session must carry the session's
 * CSRF token in the `x-csrf-token` header.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url ?? '';
    // The web client's files and the API documentation are public; every API route is guarded by default.
    const access =
      request.routeOptions.config?.access ??
      (url.startsWith('/api/') && !url.startsWith('/api/docs') ? 'authenticated' : 'public');
    // A public read (static files, health, published scales) uses no session: skip its lookup.
    if (access === 'public' && SAFE_METHODS.has(request.method)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = deps.clock();
      const session = await resolveSession(deps.db, token, now, deps.config);
      if (session) {
        request.session = {
          id: session.id,
          userId: session.userId,
          csrfToken: session.csrfToken,
          secondFactorDone: session.secondFactorDone,
        };
        request.actor = actorOfSession(session, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        await touchSession(deps.db, session, now);
      }
    }
    if (request.session && !SAFE_METHODS.has(request.method) && url.startsWith('/api')) {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken) {
        throw new AppError('FORBIDDEN', 'Jeton de sécurité (CSRF) manquant ou invalide. Rechargez la page.');
      }
    }
    if (access === 'public') return;
    if (!request.session) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
    if (access === 'password') return;
    if (!request.session.secondFactorDone) {
      throw new AppError('SECOND_FACTOR_REQUIRED', 'Validez la connexion avec votre second facteur.');
    }
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Session sans organisation active.');
  });
}
