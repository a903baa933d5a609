import type { TAdminUser, TInvitation, InvitationStatus } from '../../shared/contracts/identity.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import type { invitations } from './schema.ts';
import type { UserRow } from './identity.repository.ts';

export const presentAdminUser = (
  m: { user: UserRow; roles: Role[]; managementUnitId: string | null },
  now: Date,
): TAdminUser => ({
  id: m.user.id,
  email: m.user.email,
  fullName: m.user.fullName,
  status: m.user.status,
  roles: m.roles,
  managementUnitId: m.managementUnitId,
  totpEnabled: m.user.totpConfirmedAt !== null,
  lastLoginAt: m.user.lastLoginAt?.toISOString() ?? null,
  lockedUntil: m.user.lockedUntil && m.user.lockedUntil > now ? m.user.lockedUntil.toISOString() : null,
});

export function invitationStatus(i: typeof invitations.$inferSelect, now: Date): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export const presentInvitation = (
  i: typeof invitations.$inferSelect & { invitedByName: string | null },
  now: Date,
): TInvitation => ({
  id: i.id,
  email: i.email,
  fullName: i.fullName,
  role: i.role,
  managementUnitId: i.managementUnitId,
  status: invitationStatus(i, now),
  invitedByName: i.invitedByName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});
