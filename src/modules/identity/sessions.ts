import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { AppConfig } from '../../config.ts';
import { memberships, sessions, users } from './schema.ts';
import { organisations } from '../organisations/schema.ts';

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
}

/** A live session: not revoked, within its absolute and idle limits, its user active. */
export async function resolveSession(
  q: Queryable,
  token: string,
  now: Date,
  config: Pick<AppConfig, 'session'>,
): Promise<ResolvedSession | null> {
  const [row] = await q
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      secondFactorAt: sessions.secondFactorAt,
      organisationId: sessions.organisationId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userStatus: users.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), isNull(sessions.revokedAt)));
  if (!row || row.userStatus !== 'active') return null;
  if (row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > config.session.idleMinutes * 60_000) return null;
  return {
    id: row.id,
    userId: row.userId,
    csrfToken: row.csrfToken,
    secondFactorDone: row.secondFactorAt !== null,
    organisationId: row.organisationId,
    lastSeenAt: row.lastSeenAt,
  };
}

/** Sliding idle expiry; written at most once a minute to spare the database. */
export async function touchSession(q: Queryable, session: ResolvedSession, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
}

/** The actor for a complete session: the user's roles in the session's organisation. */
export async function loadActor(
  q: Queryable,
  session: ResolvedSession,
  request: { ip: string; userAgent: string | null },
): Promise<Actor | null> {
  if (!session.organisationId) return null;
  const rows = await q
    .select({
      email: users.email,
      fullName: users.fullName,
      role: memberships.role,
      managementUnitId: memberships.managementUnitId,
      organisationType: organisations.type,
      organisationName: organisations.name,
      organisationActive: organisations.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(eq(memberships.userId, session.userId), eq(memberships.organisationId, session.organisationId)),
    );
  const first = rows[0];
  if (!first || !first.organisationActive) return null;
  return {
    userId: session.userId,
    sessionId: session.id,
    email: first.email,
    fullName: first.fullName,
    organisationId: session.organisationId,
    organisationType: first.organisationType,
    organisationName: first.organisationName,
    roles: rows.map((r) => r.role),
    managementUnitId: rows.find((r) => r.managementUnitId)?.managementUnitId ?? null,
    ip: request.ip,
    userAgent: request.userAgent,
  };
}
