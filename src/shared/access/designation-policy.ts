import { atLeast, type HouseholdAccessLevel } from './household-access.ts';
import { poolRefusal, vacancyPublishRefusal, type PoolActor } from './housing-pool-policy.ts';

/**
 * Who designates households on a vacancy and who handles a proposal. Pure: the server enforces it
 * on every route, the web client shows only what would succeed.
 *  - The social workers of a SIAO or an association of the vacancy's département designate, and only
 *    households their organisation is a current party to (the use case checks each).
 *  - A proposal is read by the vacancy's landlord staff (the landlord sees the candidates only
 *    through the proposals sent to it) and by the social workers of the household's parties.
 *  - The household's answer is recorded by those social workers; the commission's decision by the
 *    landlord's staff.
 */

/** Why the actor may not designate households, null when it may. */
export const designationRefusal = (actor: PoolActor): string | null =>
  poolRefusal(actor) === null
    ? null
    : 'Les ménages sont désignés par les travailleurs sociaux d’un SIAO ou d’une association.';

/** How the actor reads a proposal: as the vacancy's landlord, as a referent of the household, or not at all. */
export type ProposalReader = 'landlord' | 'referent' | null;

export function proposalReader(
  actor: PoolActor,
  vacancy: { landlordOrganisationId: string },
  level: HouseholdAccessLevel,
): ProposalReader {
  if (vacancyPublishRefusal(actor, vacancy) === null) return 'landlord';
  return atLeast(level, 'party') ? 'referent' : null;
}

export const mayAnswerProposal = (reader: ProposalReader): boolean => reader === 'referent';
export const mayDecideProposal = (reader: ProposalReader): boolean => reader === 'landlord';
