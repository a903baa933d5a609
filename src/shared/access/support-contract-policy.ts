import type { Role } from '../contracts/roles.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import { canRunMeasure } from './measure-policy.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who does what on a support contract (ADR 0013). Pure: the support-contracts module enforces it,
 * the web client only hides what the server would refuse.
 *  - The measure's operator (its social workers) generates, edits, amends the contract and records
 *    the household's signature, as its witness.
 *  - Each partner signs in the app for its own organisation only: the operator's social workers for
 *    the association, the landlord's staff for the landlord the contract names.
 *  - The household's objectives and commitments are the caseworker's: they may speak of health or
 *    family life, which neither a landlord nor a party below the référent's level receives.
 */
export interface ContractActor {
  organisationId: string;
  roles: readonly Role[];
}

export const canWriteContract = canRunMeasure;

export function partnerPartyOf(
  actor: ContractActor,
  contract: { operatorOrganisationId: string; landlordOrganisationId: string | null },
): 'association' | 'landlord' | null {
  if (actor.organisationId === contract.operatorOrganisationId && hasRoleIn(actor.roles, 'socialWork'))
    return 'association';
  if (actor.organisationId === contract.landlordOrganisationId && hasRoleIn(actor.roles, 'landlordStaff'))
    return 'landlord';
  return null;
}

/** Whether the reader receives the household's objectives and commitments. */
export const readsPersonalTerms = (level: HouseholdAccessLevel) => level === 'caseworker';
