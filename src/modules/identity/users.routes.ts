import type { Routes } from '../../kernel/routes.ts';
import { USER_ROUTES as R } from '../../shared/routes/identity.ts';
import { listOrganisationUsers } from './use-cases/list-organisation-users.ts';
import { inviteUser } from './use-cases/invite-user.ts';
import { listInvitations } from './use-cases/list-invitations.ts';
import { revokeInvitation } from './use-cases/revoke-invitation.ts';
import { changeUserRoles } from './use-cases/change-user-roles.ts';
import { setUserStatus } from './use-cases/set-user-status.ts';

/** The administration of an organisation's members and invitations (transport only). */
export function usersRoutes(routes: Routes): void {
  routes.add(R.list, async (ctx) => ({ items: await listOrganisationUsers(ctx) }));
  routes.add(R.changeRoles, (ctx, { params, body }) =>
    changeUserRoles(ctx, { userId: params.id, roles: body.roles }),
  );
  routes.add(R.deactivate, (ctx, { params }) => setUserStatus(ctx, { userId: params.id, active: false }));
  routes.add(R.reactivate, (ctx, { params }) => setUserStatus(ctx, { userId: params.id, active: true }));
  routes.add(R.invitations, async (ctx) => ({ items: await listInvitations(ctx) }));
  routes.add(R.invite, (ctx, { body }) => inviteUser(ctx, body));
  routes.add(R.revokeInvitation, (ctx, { params }) => revokeInvitation(ctx, params.id));
}
