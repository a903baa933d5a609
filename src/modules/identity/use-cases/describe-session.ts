import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { TMe } from '../../../shared/contracts/identity.ts';
import { memberships } from '../schema.ts';
import { requireSession, sessionOrganisationId } from '../sessions.ts';
import { findUserById, membershipsOf } from '../identity.repository.ts';
import { secondFactorState } from '../second-factor.ts';

/** Who is signed in, for which organisation, and what the session still has to do. */
export async function describeSession(ctx: Context<Actor | null>): Promise<TMe> {
  const session = requireSession(ctx);
  const q = ctx.db;
  const [user, list, organisationId] = await Promise.all([
    findUserById(q, session.userId),
    membershipsOf(q, session.userId),
    sessionOrganisationId(q, session.id),
  ]);
  if (!user) throw notFound();
  const current = list.find((m) => m.organisationId === organisationId);
  const [unit] = current
    ? await q
        .select({ id: memberships.managementUnitId })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, user.id),
            eq(memberships.organisationId, current.organisationId),
            isNotNull(memberships.managementUnitId),
          ),
        )
        .limit(1)
    : [];
  const totpEnabled = user.totpConfirmedAt !== null;
  return {
    user: { id: user.id, email: user.email, fullName: user.fullName },
    organisation: current
      ? { id: current.organisationId, name: current.organisationName, type: current.organisationType }
      : null,
    roles: current?.roles ?? [],
    managementUnitId: unit?.id ?? null,
    csrfToken: session.csrfToken,
    secondFactor: secondFactorState({
      totpConfirmed: totpEnabled,
      roles: list.flatMap((m) => m.roles),
      sessionDone: session.secondFactorDone,
    }),
    totpEnabled,
    memberships: list,
  };
}
