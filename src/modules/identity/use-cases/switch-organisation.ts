import type { AppDeps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { setSessionOrganisation } from '../sessions.ts';
import { membershipsOf, type RequestContext, type SessionInfo } from '../identity.repository.ts';
import { auditAuth } from '../auth-audit.ts';

/** Act for another of the user's organisations in this session (404 if not a member). */
export async function switchOrganisation(
  deps: AppDeps,
  input: { session: SessionInfo; organisationId: string; context: RequestContext },
): Promise<void> {
  const list = await membershipsOf(deps.db, input.session.userId);
  if (!list.some((m) => m.organisationId === input.organisationId))
    throw notFound('Organisation introuvable.');
  await deps.db.transaction(async (tx) => {
    await setSessionOrganisation(tx, input.session.id, input.organisationId);
    await auditAuth(
      tx,
      { userId: input.session.userId, organisationId: input.organisationId },
      input.context,
      {
        action: 'auth.switch_organisation',
        entityType: 'organisation',
        entityId: input.organisationId,
      },
    );
  });
}
