import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { requireSession, revokeSessions, sessionOrganisationId } from '../sessions.ts';
import { auditAuth } from '../auth-audit.ts';

/** End this session, or every session of the user ("se déconnecter partout"). */
export async function signOut(ctx: Context<Actor | null>, input: { everywhere: boolean }): Promise<void> {
  const session = requireSession(ctx);
  const organisationId = await sessionOrganisationId(ctx.db, session.id);
  await revokeSessions(
    ctx.db,
    input.everywhere ? { userId: session.userId } : { sessionId: session.id },
    ctx.now,
  );
  await auditAuth(ctx.db, { userId: session.userId, organisationId }, ctx.client, {
    action: input.everywhere ? 'auth.logout_all' : 'auth.logout',
  });
}
