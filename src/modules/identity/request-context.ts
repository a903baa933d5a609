import type { FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors.ts';
import type { RequestContext, SessionInfo } from './identity.repository.ts';

export const contextOf = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

/** The session of a route with access 'password' (the guard already required one). */
export function sessionOf(request: FastifyRequest): SessionInfo {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
  return request.session;
}
