import type { OrganisationType, Role } from '../contracts/roles.ts';
import { atLeast, type HouseholdAccessLevel } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who sees and handles the pool of households ready to leave and the vacancies. Pure: the server
 * enforces it on every route, the web client shows only what would succeed.
 *  - A housing project is the household's: the social workers of its parties (party level and up)
 *    read and edit it; a landlord reads nothing of it (it will see candidates only through the files
 *    sent to it at designation).
 *  - A pool is held by a SIAO or an association: the project opened by one of its social workers
 *    enters its pool; its social workers list the pool (the households it is still a party to).
 *  - A vacancy is published by the landlord's staff from its own stock; the social workers of
 *    associations and SIAO read the open vacancies of their département.
 */
export interface PoolActor {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

/** The organisation types that hold a pool. */
export const POOL_HOLDER_TYPES: readonly OrganisationType[] = ['association', 'siao'];

const POOL_REFUSAL =
  'Le vivier des ménages prêts à sortir est tenu par les travailleurs sociaux d’un SIAO ou d’une association.';

/** Why the actor may not hold a pool (open a project into it, list it), null when it may. */
export const poolRefusal = (actor: PoolActor): string | null =>
  POOL_HOLDER_TYPES.includes(actor.organisationType) && hasRoleIn(actor.roles, 'socialWork')
    ? null
    : POOL_REFUSAL;

/** Who reads and edits an open project: the social workers of the household's parties. */
export const canEditProject = (level: HouseholdAccessLevel): boolean => atLeast(level, 'party');

/** Why the actor may not publish, withdraw or close vacancies of this landlord's stock (null when it may). */
export function vacancyPublishRefusal(
  actor: PoolActor,
  stock?: { landlordOrganisationId: string | null },
): string | null {
  if (actor.organisationType !== 'landlord' || !hasRoleIn(actor.roles, 'landlordStaff'))
    return 'Les vacances sont publiées par les chargés de gestion locative et les conseillers sociaux du bailleur.';
  if (stock && stock.landlordOrganisationId !== actor.organisationId)
    return 'Ce logement appartient à un autre bailleur.';
  return null;
}

/** Who lists vacancies: a landlord's staff its own, the pool holders' social workers the open ones. */
export const canListVacancies = (actor: PoolActor): boolean =>
  vacancyPublishRefusal(actor) === null || poolRefusal(actor) === null;
