import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { PartyBasis } from '../contracts/household-enums.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * How much of a household file a user may read. Pure: the server enforces it on every route and
 * query, the web client uses it only to hide what the server would refuse anyway.
 *  - none: not a party, or a role that reads no household file (funders, auditors, admins alone);
 *  - landlord_summary: the landlord-visible summary only;
 *  - party: everything shared with parties, no caseworker-only field;
 *  - caseworker: everything, health, justice, family conflict and confidential notes included.
 */
export type HouseholdAccessLevel = 'none' | 'landlord_summary' | 'party' | 'caseworker';

export const ACCESS_LEVEL_LABELS: Record<HouseholdAccessLevel, string> = {
  none: 'Aucun accès',
  landlord_summary: 'Synthèse bailleur',
  party: 'Partie au dossier',
  caseworker: 'Référent — accès complet',
};

export interface ActorScope {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

export interface ActiveParty {
  organisationId: string;
  basis: PartyBasis;
}

export function householdAccessLevel(
  actor: ActorScope,
  activeParties: readonly ActiveParty[],
): HouseholdAccessLevel {
  if (!activeParties.some((p) => p.organisationId === actor.organisationId)) return 'none';
  return partyAccessLevel(actor);
}

/**
 * The level the actor has on any household its organisation is a current party to: whatever the
 * basis, it depends only on the organisation's type and the actor's roles there.
 */
export function partyAccessLevel(actor: ActorScope): HouseholdAccessLevel {
  switch (actor.organisationType) {
    case 'landlord':
      return hasRoleIn(actor.roles, 'landlordStaff') ? 'landlord_summary' : 'none';
    case 'association':
    case 'other':
      return hasRoleIn(actor.roles, 'socialWork') ? 'caseworker' : 'none';
    // The SIAO and the CCAPEX coordinate and orient: their social workers share the file, not its
    // caseworker-only part, which stays with the association that runs the support.
    case 'siao':
    case 'ccapex':
      return hasRoleIn(actor.roles, 'socialWork') ? 'party' : 'none';
    case 'funder':
      return 'none';
  }
}

const RANK: Record<HouseholdAccessLevel, number> = { none: 0, landlord_summary: 1, party: 2, caseworker: 3 };
export const atLeast = (level: HouseholdAccessLevel, wanted: HouseholdAccessLevel) =>
  RANK[level] >= RANK[wanted];

/** Reading levels that may also change the file (landlords inform it through referrals instead). */
export const canEditHousehold = (level: HouseholdAccessLevel) => atLeast(level, 'party');

/** Consents are recorded by the social workers who collect them. */
export const canManageConsents = (level: HouseholdAccessLevel) => atLeast(level, 'party');

/** The household's access history (audit tab) is for the caseworker. */
export const canReadHouseholdAudit = (level: HouseholdAccessLevel) => level === 'caseworker';

/** Roles whose holders can read personal data and so must use a second factor. */
export const roleNeedsSecondFactor = (role: Role) => role !== 'funder_officer';

export const canCreateHousehold = (actor: ActorScope) =>
  actor.organisationType === 'landlord'
    ? hasRoleIn(actor.roles, 'landlordStaff')
    : actor.organisationType !== 'funder' && hasRoleIn(actor.roles, 'socialWork');
