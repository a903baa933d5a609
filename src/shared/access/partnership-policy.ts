import type { Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may do what with a partnership convention between a landlord and an association. Pure: the
 * server enforces it, the web client shows only what would succeed. A convention is the two
 * organisations' business: the landlord's staff (and administrators), the association's social
 * workers (and administrators); no one else learns it exists.
 *  - read: the convention, its dwellings and its yearly review — both sides;
 *  - manage_dwellings: make one of its dwellings available under the convention — the landlord's side;
 *  - plan_gla: generate the GLA plan's tasks of the managed dwellings — the association's side;
 *  - amend: conclude an amendment (avenant) changing its terms, end a dwelling's availability — either
 *    side's staff, since both signed it;
 *  - create: either side, naming the other.
 */
export const PARTNERSHIP_ACTIONS = ['read', 'manage_dwellings', 'plan_gla', 'amend'] as const;
export type PartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];

export interface PartnershipActor {
  organisationId: string;
  roles: readonly Role[];
}

export interface ConventionParties {
  landlordOrganisationId: string;
  associationOrganisationId: string;
}

export const isLandlordSide = (actor: PartnershipActor, c: ConventionParties) =>
  c.landlordOrganisationId === actor.organisationId &&
  (hasRoleIn(actor.roles, 'landlordStaff') || actor.roles.includes('admin'));

export const isAssociationSide = (actor: PartnershipActor, c: ConventionParties) =>
  c.associationOrganisationId === actor.organisationId &&
  (hasRoleIn(actor.roles, 'socialWork') || actor.roles.includes('admin'));

/** Why the actor may not do this (null when it may); `read` refused reads as unknown (404). */
export function partnershipRefusal(
  actor: PartnershipActor,
  action: PartnershipAction,
  c: ConventionParties,
): string | null {
  switch (action) {
    case 'read':
      return isLandlordSide(actor, c) || isAssociationSide(actor, c) ? null : 'Convention introuvable.';
    case 'manage_dwellings':
      return isLandlordSide(actor, c)
        ? null
        : 'Seul le bailleur met ses logements à disposition au titre de la convention.';
    case 'plan_gla':
      return isAssociationSide(actor, c)
        ? null
        : 'Seule l’association qui assure la gestion locative adaptée planifie son suivi.';
    case 'amend':
      return isLandlordSide(actor, c) || isAssociationSide(actor, c)
        ? null
        : 'Seuls le bailleur et l’association signataires modifient la convention.';
  }
}

/** The side an actor's organisation creates a convention from: its kind, and a role that acts for it. */
export function creatorSide(
  actor: PartnershipActor & { organisationType: string },
): 'landlord' | 'association' | null {
  if (
    actor.organisationType === 'landlord' &&
    (hasRoleIn(actor.roles, 'landlordStaff') || actor.roles.includes('admin'))
  )
    return 'landlord';
  if (
    actor.organisationType === 'association' &&
    (hasRoleIn(actor.roles, 'socialWork') || actor.roles.includes('admin'))
  )
    return 'association';
  return null;
}
