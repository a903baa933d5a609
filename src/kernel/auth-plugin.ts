import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import type { AppDeps } from './deps.ts';
import type { Actor, ClientInfo, RequestSession } from './actor.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * How the kernel learns who is behind a cookie, without knowing how sessions are stored: the
 * identity module provides it (src/app.ts wires it).
 */
export interface SessionPort {
  cookieName: string;
  /** The live session of a token, and its actor once the second factor is done; null when none. */
  resolve(
    token: string,
    now: Date,
    client: ClientInfo,
  ): Promise<{ session: RequestSession; actor: Actor | null } | null>;
}

/**
 * Resolves the session cookie on every request and enforces each route's `config.access`
 * (default: a complete session). State-changing requests with a session must carry the session's
 * CSRF token in the `x-csrf-token` header.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps, sessions: SessionPort): void {
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
    const token = request.cookies[sessions.cookieName];
    if (token) {
      const resolved = await sessions.resolve(token, deps.clock(), {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (resolved) {
        request.session = resolved.session;
        request.actor = resolved.actor;
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
