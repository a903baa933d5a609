import type { Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who does what in a committee. Pure: the committees module enforces it.
 *  - An organisation's coordinators (and administrators) convene committees, plan their meetings,
 *    build the agenda and record the decisions.
 *  - Member organisations see the meetings, put on the agenda the households they are parties to,
 *    and read each item as their own access to the household allows.
 */
export interface CommitteeActor {
  organisationId: string;
  roles: readonly Role[];
}

export const canConvene = (actor: CommitteeActor) => hasRoleIn(actor.roles, 'committeeCoordinators');

export const convenes = (actor: CommitteeActor, committee: { organisationId: string }) =>
  actor.organisationId === committee.organisationId && canConvene(actor);

/** Members read the meetings; the convening organisation is a member of its own committees. */
export const sitsOn = (
  actor: CommitteeActor,
  committee: { organisationId: string },
  memberOrganisationIds: readonly string[],
) =>
  actor.organisationId === committee.organisationId || memberOrganisationIds.includes(actor.organisationId);

/** Who may put a household on the agenda: its parties' staff, or the convening coordinators. */
export const canAddItem = (actor: CommitteeActor, committee: { organisationId: string }, isParty: boolean) =>
  convenes(actor, committee) ||
  (isParty && (hasRoleIn(actor.roles, 'socialWork') || hasRoleIn(actor.roles, 'landlordStaff')));
