import { and, between, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Relationship } from '../../shared/contracts/household-enums.ts';
import type { ProposalFact } from '../../shared/matching/fairness.ts';
import { housingProjects } from '../housing-pool/schema.ts';
import { householdMembers, householdResources, households } from '../households/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { designations, vacancyProposals } from './schema.ts';

/** Whose proposals: those on the vacancies of a département, or of one landlord. */
export type FairnessReach = { departementId: string } | { landlordOrganisationId: string };

/**
 * The proposals designated in the period within reach, one row each with its household's facts
 * aggregated (members, total monthly resources): one statement. The counting by profile is the pure
 * rule's, which needs each member's age on the designation day and the consumption units of the budget
 * rules; no name leaves this query.
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
      designatedOn: designations.designatedOn,
      answer: vacancyProposals.answer,
      decision: vacancyProposals.decision,
      decidedOn: vacancyProposals.decidedOn,
      readySince: housingProjects.openedOn,
      priorityCategories: housingProjects.priorityCategories,
      housingSituation: households.housingSituation,
      daloRecognised: households.daloRecognised,
      members: sql<{ relationship: Relationship; birthDate: string | null }[]>`(
        select coalesce(json_agg(json_build_object(
          'relationship', ${householdMembers.relationship}, 'birthDate', ${householdMembers.birthDate})), '[]'::json)
        from ${householdMembers} where ${householdMembers.householdId} = ${vacancyProposals.householdId})`,
      monthlyResourcesCents: sql<number>`(
        select coalesce(sum(${householdResources.monthlyAmountCents}), 0)::int
        from ${householdResources} where ${householdResources.householdId} = ${vacancyProposals.householdId})`,
    })
    .from(vacancyProposals)
    .innerJoin(designations, eq(designations.id, vacancyProposals.designationId))
    .innerJoin(vacancies, eq(vacancies.id, vacancyProposals.vacancyId))
    .innerJoin(housingProjects, eq(housingProjects.id, vacancyProposals.projectId))
    .innerJoin(households, eq(households.id, vacancyProposals.householdId))
    .where(and(where, between(designations.designatedOn, period.from, period.to)));
  return rows.map((r) => ({ ...r, monthlyResourcesCents: Number(r.monthlyResourcesCents) }));
}
