import { and, between, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { ProposalFact } from '../../shared/matching/fairness.ts';
import { vacancies } from '../vacancies/schema.ts';
import { designations, vacancyProposals } from './schema.ts';

/** Whose proposals: those on the vacancies of a département, or of one landlord. */
export type FairnessReach = { departementId: string } | { landlordOrganisationId: string };

/**
 * The proposals designated in the period within reach, one row each with the household's profile as
 * it was when proposed (members, total monthly resources, situation, priorities, kept with the
 * proposal): one statement. The counting by profile is the pure rule's, which needs each member's age
 * on the designation day and the consumption units of the budget rules; no name leaves this query.
 */
export async function proposalFacts(
  q: Queryable,
  reach: FairnessReach,
  period: { from: string; to: string },
): Promise<ProposalFact[]> {
  const where: SQL =
    'departementId' in reach
      ? eq(vacancies.departementId, reach.departementId)
      : eq(vacancies.landlordOrganisationId, reach.landlordOrganisationId);
  const rows = await q
    .select({
      poolOrganisationId: vacancyProposals.poolOrganisationId,
      vacancyId: vacancyProposals.vacancyId,
      designatedOn: designations.designatedOn,
      answer: vacancyProposals.answer,
      decision: vacancyProposals.decision,
      decisionRank: vacancyProposals.decisionRank,
      decidedOn: vacancyProposals.decidedOn,
      profile: vacancyProposals.profile,
    })
    .from(vacancyProposals)
    .innerJoin(designations, eq(designations.id, vacancyProposals.designationId))
    .innerJoin(vacancies, eq(vacancies.id, vacancyProposals.vacancyId))
    .where(and(where, between(designations.designatedOn, period.from, period.to)));
  return rows.map(({ profile, ...r }) => ({ ...r, ...profile }));
}
