import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZAdminUser,
  ZAdminUserList,
  ZInvitation,
  ZInvitationCreate,
  ZInvitationList,
  ZUserRolesUpdate,
} from '../../shared/contracts/identity.ts';
import { presentAdminUser, presentInvitation } from './identity.presenter.ts';
import { listOrganisationUsers } from './use-cases/list-organisation-users.ts';
import { inviteUser } from './use-cases/invite-user.ts';
import { listInvitations } from './use-cases/list-invitations.ts';
import { revokeInvitation } from './use-cases/revoke-invitation.ts';
import { changeUserRoles } from './use-cases/change-user-roles.ts';
import { setUserStatus } from './use-cases/set-user-status.ts';

const tags = ['administration des utilisateurs'];

export async function usersRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Membres de mon organisation, avec rôles, état et second facteur',
        response: { 200: ZAdminUserList },
      },
    },
    async (request) => {
      const members = await listOrganisationUsers(deps.db, actorOf(request));
      const now = deps.clock();
      return { items: members.map((m) => presentAdminUser(m, now)) };
    },
  );

  app.post(
    '/api/admin/invitations',
    {
      schema: {
        tags,
        summary: 'Inviter une personne dans mon organisation (lien par e-mail, valable 7 jours)',
        body: ZInvitationCreate,
        response: { 201: ZInvitation },
      },
    },
    async (request, reply) => {
      const row = await inviteUser(deps, { actor: actorOf(request), invitation: request.body });
      return reply.status(201).send(presentInvitation(row, deps.clock()));
    },
  );

  app.get(
    '/api/admin/invitations',
    {
      schema: { tags, summary: 'Invitations de mon organisation', response: { 200: ZInvitationList } },
    },
    async (request) => {
      const rows = await listInvitations(deps.db, actorOf(request));
      const now = deps.clock();
      return { items: rows.map((r) => presentInvitation(r, now)) };
    },
  );

  app.delete(
    '/api/admin/invitations/:id',
    { schema: { tags, summary: 'Révoquer une invitation en attente', params: ZIdParams } },
    async (request, reply) => {
      await revokeInvitation(deps, { actor: actorOf(request), invitationId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Changer les rôles d’un membre de mon organisation',
        params: ZIdParams,
        body: ZUserRolesUpdate,
        response: { 200: ZAdminUser },
      },
    },
    async (request) => {
      const member = await changeUserRoles(deps, {
        actor: actorOf(request),
        userId: request.params.id,
        roles: request.body.roles,
      });
      return presentAdminUser(member, deps.clock());
    },
  );

  for (const [verb, active, summary] of [
    ['deactivate', false, 'Désactiver un membre (ses sessions sont fermées)'],
    ['reactivate', true, 'Réactiver un membre'],
  ] as const) {
    app.post(
      `/api/admin/users/:id/${verb}`,
      { schema: { tags, summary, params: ZIdParams, response: { 200: ZAdminUser } } },
      async (request) => {
        const member = await setUserStatus(deps, {
          actor: actorOf(request),
          userId: request.params.id,
          active,
        });
        return presentAdminUser(member, deps.clock());
      },
    );
  }
}
