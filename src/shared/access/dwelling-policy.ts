import type { OrganisationType, Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may read and manage a landlord's housing stock (its dwellings, their rents and statuses) and
 * import its exports. Pure: the server enforces it on every route, the web client shows only what would
 * succeed. The stock is the landlord's own: its staff (social advisers, rental managers) and its
 * administrators manage it; no other organisation reads it here (an association sees the dwellings it
 * holds through their contracts, in the leases module).
 *  - read_stock: the list, a dwelling's page and the import reports;
 *  - manage_stock: create and edit a dwelling, add a rent, change a status;
 *  - import_stock: import the stock and the monthly arrears, see the tenants to signal early.
 */
export const DWELLING_ACTIONS = ['read_stock', 'manage_stock', 'import_stock'] as const;
export type DwellingAction = (typeof DWELLING_ACTIONS)[number];

export interface DwellingActor {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

/** Why the actor may not do this (to this landlord's stock, when one is named), in French; null when it may. */
export function dwellingRefusal(
  actor: DwellingActor,
  _action: DwellingAction,
  stock?: { landlordOrganisationId: string | null },
): string | null {
  if (actor.organisationType !== 'landlord')
    return 'Le parc de logements est géré par le bailleur à qui il appartient.';
  if (!hasRoleIn(actor.roles, 'landlordStaff') && !actor.roles.includes('admin'))
    return 'Seuls les chargés de gestion locative, les conseillers sociaux et les administrateurs du bailleur gèrent son parc.';
  if (stock && stock.landlordOrganisationId !== actor.organisationId)
    return 'Ce logement appartient à un autre bailleur.';
  return null;
}

export const canDoDwelling = (
  actor: DwellingActor,
  action: DwellingAction,
  stock?: { landlordOrganisationId: string | null },
) => dwellingRefusal(actor, action, stock) === null;
