import type { AppDeps } from '../../../kernel/deps.ts';
import { revokeSessions, sessionOrganisationId } from '../sessions.ts';
import type { RequestContext, SessionInfo } from '../identity.repository.ts';
import { auditAuth } from '../auth-audit.ts';

/** End this session, or every session of the user ("se déconnecter partout"). */
export async function signOut(
  deps: AppDeps,
  input: { session: SessionInfo; everywhere: boolean; context: RequestContext },
): Promise<void> {
  const { session } = input;
  const organisationId = await sessionOrganisationId(deps.db, session.id);
  await deps.db.transaction(async (tx) => {
    await revokeSessions(
      tx,
      input.everywhere ? { userId: session.userId } : { sessionId: session.id },
      deps.clock(),
    );
    await auditAuth(tx, { userId: session.userId, organisationId }, input.context, {
      action: input.everywhere ? 'auth.logout_all' : 'auth.logout',
    });
  });
}
