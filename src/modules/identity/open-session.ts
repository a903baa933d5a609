import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import type { TLoginResponse } from '../../shared/contracts/identity.ts';
import { users } from './schema.ts';
import { createSession, type NewSession } from './sessions.ts';
import { needsSecondFactor, secondFactorState } from './second-factor.ts';
import { chooseOrganisation, membershipsOf, type UserRow } from './identity.repository.ts';
import { auditAuth } from './auth-audit.ts';

export interface OpenedSession {
  /** For the route to set the session cookie. */
  session: NewSession;
  response: TLoginResponse;
}

/**
 * Start a session for a user whose password was just checked (sign-in, invitation acceptance),
 * in the caller's transaction (`ctx.db`): the second factor stays pending when the user has TOTP
 * or a role that needs it.
 */
export async function openSession(
  ctx: Context<Actor | null>,
  input: { user: UserRow; requestedOrganisationId?: string },
): Promise<OpenedSession> {
  const { user } = input;
  const { db: tx, now, client } = ctx;
  const organisations = await membershipsOf(tx, user.id);
  const organisationId = chooseOrganisation(organisations, input.requestedOrganisationId);
  const facts = {
    totpConfirmed: user.totpConfirmedAt !== null,
    roles: organisations.flatMap((m) => m.roles),
  };
  const secondFactorDone = !needsSecondFactor(facts);
  const session = await createSession(tx, {
    userId: user.id,
    organisationId,
    secondFactorDone,
    ip: client.ip,
    userAgent: client.userAgent,
    now,
    config: ctx.config,
  });
  // The failure count starts again only once the whole sign-in succeeded: a right password with a
  // second factor still to pass keeps it, so second-factor guesses cannot be spread over new
  // sign-ins to escape the lockout.
  await tx
    .update(users)
    .set(
      secondFactorDone ? { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } : { lastLoginAt: now },
    )
    .where(eq(users.id, user.id));
  const secondFactor = secondFactorState({ ...facts, sessionDone: secondFactorDone });
  await auditAuth(tx, { userId: user.id, organisationId }, client, {
    action: 'auth.login',
    details: { secondFactor },
  });
  return {
    session,
    response: {
      user: { id: user.id, email: user.email, fullName: user.fullName },
      csrfToken: session.csrfToken,
      secondFactor,
      organisationId,
      organisations,
    },
  };
}
