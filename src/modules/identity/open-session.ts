import { eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { TLoginResponse } from '../../shared/contracts/identity.ts';
import { users } from './schema.ts';
import { createSession, type NewSession } from './sessions.ts';
import { needsSecondFactor, secondFactorState } from './second-factor.ts';
import {
  chooseOrganisation,
  membershipsOf,
  type RequestContext,
  type UserRow,
} from './identity.repository.ts';
import { auditAuth } from './auth-audit.ts';

export interface OpenedSession {
  session: NewSession;
  response: TLoginResponse;
}

/**
 * Start a session for a user whose password was just checked (sign-in, invitation acceptance):
 * the second factor stays pending when the user has TOTP or a role that needs it.
 */
export async function openSession(
  tx: Tx,
  deps: AppDeps,
  input: { user: UserRow; requestedOrganisationId?: string; context: RequestContext },
): Promise<OpenedSession> {
  const { user, context } = input;
  const now = deps.clock();
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
    ip: context.ip,
    userAgent: context.userAgent,
    now,
    config: deps.config,
  });
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  const secondFactor = secondFactorState({ ...facts, sessionDone: secondFactorDone });
  await auditAuth(tx, { userId: user.id, organisationId }, context, {
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
