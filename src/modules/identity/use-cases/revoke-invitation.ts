import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../kernel/deps.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { invitations } from '../schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { invitationStatus } from '../identity.presenter.ts';

export async function revokeInvitation(deps: AppDeps, input: { actor: Actor; invitationId: string }) {
  const { actor } = input;
  requireRoleIn(actor, 'administrators');
  const [row] = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.invitationId), eq(invitations.organisationId, actor.organisationId)));
  if (!row) throw notFound('Invitation introuvable.');
  const now = deps.clock();
  if (invitationStatus(row, now) !== 'pending') {
    throw new AppError('INVALID_STATE', 'Cette invitation n’est plus en attente.');
  }
  await deps.db.transaction(async (tx) => {
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, row.id));
    await audit(tx, actor, { action: 'user.invitation_revoked', entityType: 'invitation', entityId: row.id });
  });
}
