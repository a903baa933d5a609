import { atLeast, type ActorScope, type HouseholdAccessLevel } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who reads what a designation sends about a candidate (issue 12 point 4). Pure: the server enforces
 * it, the access matrix checks every proposal route against it.
 *  - The CAL file goes to the vacancy's landlord: its staff read it, and that is how a landlord sees
 *    a candidate at all (no party to the file is needed, no other landlord reads it, even one that is a
 *    party to the file for another reason).
 *  - The social workers of the household's current parties (party level and up) read what is sent
 *    about the household they follow.
 * Anyone else gets the answer of an unknown proposal.
 */
export interface ProposalFacts {
  /** The landlord organisation of the vacancy the household is proposed on. */
  vacancyLandlordId: string;
  /** The actor's level on the household's file ('none' when its organisation is no current party). */
  level: HouseholdAccessLevel;
}

export const mayReadCalFile = (actor: ActorScope, proposal: ProposalFacts): boolean =>
  actor.organisationType === 'landlord'
    ? actor.organisationId === proposal.vacancyLandlordId && hasRoleIn(actor.roles, 'landlordStaff')
    : atLeast(proposal.level, 'party');
