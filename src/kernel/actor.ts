import type { FastifyRequest } from 'fastify';
import type { OrganisationType, Role } from '../shared/contracts/roles.ts';
import type { ActorScope } from '../shared/policy/household-access.ts';
import { AppError } from './errors.ts';

/** The verified user behind a request, acting for one organisation (chosen for the session). */
export interface Actor extends ActorScope {
  userId: string;
  sessionId: string;
  email: string;
  fullName: string;
  organisationId: string;
  organisationType: OrganisationType;
  organisationName: string;
  roles: Role[];
  managementUnitId: string | null;
  ip: string;
  userAgent: string | null;
}

/**
 * How much authentication a route needs (route option `config.access`):
 *  - public: anyone (sign-in, health, public calculators);
 *  - password: a session whose second factor is still pending (TOTP enrolment and check);
 *  - authenticated (default): a complete session.
 */
export type RouteAccess = 'public' | 'password' | 'authenticated';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook for a complete session. */
    actor: Actor | null;
    /** Set for any valid session, second factor pending or not. */
    session: { id: string; userId: string; csrfToken: string; secondFactorDone: boolean } | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The actor of a route that requires a complete session (the global guard already checked it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
  return request.actor;
}
