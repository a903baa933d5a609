import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerHandle, type Queryable } from '../../kernel/db.ts';
import type { Actor, RequestSession } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import type { AppConfig } from '../../config.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { SessionPort } from '../../kernel/auth-plugin.ts';
import { memberships, sessions, users } from './schema.ts';
import { organisations } from '../organisations/schema.ts';
import type { OrganisationType, Role } from '../../shared/contracts/roles.ts';

export const SESSION_COOKIE = 'relais_session';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  q: Queryable,
  input: {
    userId: string;
    organisationId: string | null;
    secondFactorDone: boolean;
    ip?: string | null;
    userAgent?: string | null;
    now: Date;
    config: Pick<AppConfig, 'session'>;
  },
): Promise<NewSession> {
  const token = newToken();
  const sessionId = hashToken(token);
  const csrfToken = newToken(24);
  const expiresAt = new Date(input.now.getTime() + input.config.session.absoluteHours * 3_600_000);
  await q.insert(sessions).values({
    id: sessionId,
    userId: input.userId,
    organisationId: input.organisationId,
    csrfToken,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    secondFactorAt: input.secondFactorDone ? input.now : null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  });
  return { token, sessionId, csrfToken, expiresAt };
}

export interface ResolvedSession {
  id: string;
  userId: string;
  csrfToken: string;
  secondFactorDone: boolean;
  organisationId: string | null;
  lastSeenAt: Date;
  /** The user's roles in the session's organisation; null when none (or the organisation is inactive). */
  membership: {
    organisationId: string;
    email: string;
    fullName: string;
    organisationType: OrganisationType;
    organisationName: string;
    roles: Role[];
    managementUnitId: string | null;
  } | null;
}

/** The session lookup of every request, prepared once per database handle (built and parsed once). */
function prepareSessionLookup(q: Queryable) {
  return q
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      secondFactorAt: sessions.secondFactorAt,
      organisationId: sessions.organisationId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userStatus: users.status,
      email: users.email,
      fullName: users.fullName,
      role: memberships.role,
      managementUnitId: memberships.managementUnitId,
      organisationType: organisations.type,
      organisationName: organisations.name,
      organisationActive: organisations.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organisationId, sessions.organisationId)),
    )
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt)))
    .prepare('session_lookup');
}

const sessionLookup = preparedPerHandle(prepareSessionLookup);

/**
 * A live session: not revoked, within its absolute and idle limits, its user active — read with the
 * user's roles in the session's organisation in one query, since every request needs both.
 */
export async function resolveSession(
  q: Queryable,
  token: string,
  now: Date,
  config: Pick<AppConfig, 'session'>,
): Promise<ResolvedSession | null> {
  const rows = await sessionLookup(q).execute({ id: hashToken(token) });
  const row = rows[0];
  if (!row || row.userStatus !== 'active') return null;
  if (row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > config.session.idleMinutes * 60_000) return null;
  const roles = rows.flatMap((r) => (r.role ? [r.role] : []));
  return {
    id: row.id,
    userId: row.userId,
    csrfToken: row.csrfToken,
    secondFactorDone: row.secondFactorAt !== null,
    organisationId: row.organisationId,
    lastSeenAt: row.lastSeenAt,
    membership:
      row.organisationId &&
      row.organisationType &&
      row.organisationName &&
      row.organisationActive &&
      roles.length
        ? {
            organisationId: row.organisationId,
            email: row.email,
            fullName: row.fullName,
            organisationType: row.organisationType,
            organisationName: row.organisationName,
            roles,
            managementUnitId: rows.find((r) => r.managementUnitId)?.managementUnitId ?? null,
          }
        : null,
  };
}

/** Sliding idle expiry; written at most once a minute to spare the database. */
export async function touchSession(q: Queryable, session: ResolvedSession, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
}

/** The actor of a complete session: the user acting for the session's organisation with its roles there. */
export function actorOfSession(
  session: ResolvedSession,
  request: { ip: string; userAgent: string | null },
): Actor | null {
  const m = session.membership;
  if (!session.secondFactorDone || !m) return null;
  return {
    userId: session.userId,
    sessionId: session.id,
    email: m.email,
    fullName: m.fullName,
    organisationId: m.organisationId,
    organisationType: m.organisationType,
    organisationName: m.organisationName,
    roles: m.roles,
    managementUnitId: m.managementUnitId,
    ip: request.ip,
    userAgent: request.userAgent,
  };
}

/** Revoke one session, or every live session of a user (logout everywhere, password reset, deactivation). */
export async function revokeSessions(
  q: Queryable,
  which: { sessionId: string } | { userId: string },
  now: Date,
): Promise<void> {
  await q
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        'sessionId' in which ? eq(sessions.id, which.sessionId) : eq(sessions.userId, which.userId),
        isNull(sessions.revokedAt),
      ),
    );
}

export async function completeSecondFactor(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await q.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId));
}

export async function setSessionOrganisation(
  q: Queryable,
  sessionId: string,
  organisationId: string,
): Promise<void> {
  await q.update(sessions).set({ organisationId }).where(eq(sessions.id, sessionId));
}

/** The cookie's session of a route with access 'password' (the guard already required one). */
export function requireSession(ctx: Context<Actor | null>): RequestSession {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
  return ctx.session;
}

export async function sessionOrganisationId(q: Queryable, sessionId: string): Promise<string | null> {
  const [row] = await q
    .select({ organisationId: sessions.organisationId })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.organisationId ?? null;
}

/** The kernel's view of sessions (src/kernel/auth-plugin.ts): resolve, slide the idle expiry, name the actor. */
export function sessionPort(deps: Pick<AppDeps, 'db' | 'config'>): SessionPort {
  return {
    cookieName: SESSION_COOKIE,
    async resolve(token, now, client) {
      const session = await resolveSession(deps.db, token, now, deps.config);
      if (!session) return null;
      await touchSession(deps.db, session, now);
      return {
        session: {
          id: session.id,
          userId: session.userId,
          csrfToken: session.csrfToken,
          secondFactorDone: session.secondFactorDone,
        },
        actor: actorOfSession(session, client),
      };
    },
  };
}
