import { and, eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { invitations } from '../schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { invitationStatus } from '../identity.presenter.ts';

export async function revokeInvitation(ctx: Context, invitationId: string): Promise<void> {
  const { actor, db, now } = ctx;
  requireRoleIn(actor, 'administrators');
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, actor.organisationId)));
  if (!row) throw notFound('Invitation introuvable.');
  if (invitationStatus(row, now) !== 'pending') {
    throw new AppError('INVALID_STATE', 'Cette invitation n’est plus en attente.');
  }
  await db.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, row.id));
  await audit(db, actor, { action: 'user.invitation_revoked', entityType: 'invitation', entityId: row.id });
}
