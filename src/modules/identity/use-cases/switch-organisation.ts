import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { TMe } from '../../../shared/contracts/identity.ts';
import { requireSession, setSessionOrganisation } from '../sessions.ts';
import { membershipsOf } from '../identity.repository.ts';
import { auditAuth } from '../auth-audit.ts';
import { describeSession } from './describe-session.ts';

/**
 * Act for another of the user's organisations in this session (404 if not a member); answers
 * the session as it now is.
 */
export async function switchOrganisation(
  ctx: Context<Actor | null>,
  input: { organisationId: string },
): Promise<TMe> {
  const session = requireSession(ctx);
  const list = await membershipsOf(ctx.db, session.userId);
  if (!list.some((m) => m.organisationId === input.organisationId))
    throw notFound('Organisation introuvable.');
  await setSessionOrganisation(ctx.db, session.id, input.organisationId);
  await auditAuth(ctx.db, { userId: session.userId, organisationId: input.organisationId }, ctx.client, {
    action: 'auth.switch_organisation',
    entityType: 'organisation',
    entityId: input.organisationId,
  });
  return describeSession(ctx);
}
