import type { OrganisationType, Role } from '../shared/contracts/roles.ts';
import type { ActorScope } from '../shared/access/household-access.ts';
import type { RouteAccess } from '../shared/routes/define.ts';

/** Where a request comes from, for sessions and the audit log. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** The verified user behind a request, acting for one organisation (chosen for the session). */
export interface Actor extends ActorScope, ClientInfo {
  userId: string;
  sessionId: string;
  email: string;
  fullName: string;
  organisationId: string;
  organisationType: OrganisationType;
  organisationName: string;
  roles: Role[];
  managementUnitId: string | null;
}

/** The session behind a request's cookie, second factor done or still pending. */
export interface RequestSession {
  id: string;
  userId: string;
  csrfToken: string;
  secondFactorDone: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook for a complete session. */
    actor: Actor | null;
    /** Set for any valid session, second factor pending or not. */
    session: RequestSession | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
