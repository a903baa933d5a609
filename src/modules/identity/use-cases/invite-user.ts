import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type { TInvitation, TInvitationCreate } from '../../../shared/contracts/identity.ts';
import { ROLE_LABELS } from '../../../shared/contracts/roles.ts';
import { sendEmail } from '../../mail/index.ts';
import { invitations, memberships, users } from '../schema.ts';
import { hashToken, newToken } from '../sessions.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { assertRolesFit } from '../roles-policy.ts';
import { isOwnManagementUnit } from '../users.repository.ts';
import { presentInvitation } from '../identity.presenter.ts';

export const INVITATION_VALIDITY_MS = 7 * 24 * 3_600_000;

/**
 * Invite someone into the administrator's organisation with one role: a 7-day link goes by email.
 * Inviting again for the same role replaces the previous link.
 */
export async function inviteUser(ctx: Context, invitation: TInvitationCreate): Promise<TInvitation> {
  const { actor, db: tx, now } = ctx;
  requireRoleIn(actor, 'administrators');
  assertRolesFit(actor.organisationType, [invitation.role], 'role');
  const managementUnitId = invitation.managementUnitId ?? null;
  if (managementUnitId && !(await isOwnManagementUnit(tx, actor.organisationId, managementUnitId))) {
    throw invalid({ managementUnitId: 'Unité de gestion inconnue dans votre organisation.' });
  }
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(users.email, invitation.email),
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.role, invitation.role),
      ),
    );
  if (already) throw new AppError('CONFLICT', 'Cette personne a déjà ce rôle dans votre organisation.');

  const token = newToken();
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organisationId, actor.organisationId),
        eq(invitations.email, invitation.email),
        eq(invitations.role, invitation.role),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const [row] = await tx
    .insert(invitations)
    .values({
      email: invitation.email,
      fullName: invitation.fullName,
      organisationId: actor.organisationId,
      role: invitation.role,
      managementUnitId,
      tokenHash: hashToken(token),
      invitedByUserId: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
    })
    .returning();
  await sendEmail(tx, {
    to: invitation.email,
    subject: `Relais : invitation à rejoindre ${actor.organisationName}`,
    text: [
      `Bonjour ${invitation.fullName},`,
      '',
      `${actor.fullName} vous invite à rejoindre ${actor.organisationName} sur Relais, avec le rôle « ${ROLE_LABELS[invitation.role]} ».`,
      'Pour accepter et choisir votre mot de passe, ouvrez ce lien (valable 7 jours) :',
      `${ctx.config.publicUrl}/invitation?token=${token}`,
    ].join('\n'),
  });
  await audit(tx, actor, {
    action: 'user.invited',
    entityType: 'invitation',
    entityId: row!.id,
    details: { email: invitation.email, role: invitation.role },
  });
  return presentInvitation({ ...row!, invitedByName: actor.fullName }, now);
}
