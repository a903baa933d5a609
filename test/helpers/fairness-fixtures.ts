import type { DB } from '../../src/kernel/db.ts';
import { dwellings } from '../../src/modules/dwellings/schema.ts';
import { housingProjects } from '../../src/modules/housing-pool/schema.ts';
import { householdMembers, householdResources, households } from '../../src/modules/households/schema.ts';
import { designations, vacancyProposals } from '../../src/modules/matching/schema.ts';
import { vacancies } from '../../src/modules/vacancies/schema.ts';
import type { CommissionDecision, ProposalAnswer } from '../../src/shared/contracts/designations.ts';
import type { HousingSituation, Relationship } from '../../src/shared/contracts/household-enums.ts';
import type { PriorityCategory } from '../../src/shared/contracts/housing-pool.ts';

/**
 * Households in a pool and their proposals on vacancies, written straight to the tables: the fairness
 * view reads what designations and outcomes record, whichever routes record them.
 */

export interface PooledHousehold {
  poolOrganisationId: string;
  members: { firstName: string; relationship: Relationship; birthDate?: string }[];
  monthlyResourcesCents: number;
  housingSituation: HousingSituation;
  daloRecognised?: boolean;
  priorityCategories?: PriorityCategory[];
  /** When the project opened (the household entered the pool as ready). */
  openedOn: string;
}

/** A household file with its members and one resource, and its housing project in the pool. */
export async function pooledHousehold(db: DB, h: PooledHousehold) {
  const [household] = await db
    .insert(households)
    .values({ housingSituation: h.housingSituation, daloRecognised: h.daloRecognised ?? false })
    .returning({ id: households.id });
  const householdId = household!.id;
  await db.insert(householdMembers).values(
    h.members.map((m, position) => ({
      householdId,
      firstName: m.firstName,
      lastName: 'Fictif',
      birthDate: m.birthDate ?? null,
      relationship: m.relationship,
      isReferencePerson: position === 0,
      position,
    })),
  );
  if (h.monthlyResourcesCents > 0)
    await db
      .insert(householdResources)
      .values({ householdId, type: 'rsa', monthlyAmountCents: h.monthlyResourcesCents });
  const [project] = await db
    .insert(housingProjects)
    .values({
      householdId,
      poolOrganisationId: h.poolOrganisationId,
      accessibilityNeed: 'none',
      supportIntensity: 'light',
      priorityCategories: h.priorityCategories ?? [],
      readinessAtOpening: 'ready',
      openedOn: h.openedOn,
    })
    .returning({ id: housingProjects.id });
  return { householdId, projectId: project!.id, poolOrganisationId: h.poolOrganisationId };
}

export interface Outcome {
  answer?: ProposalAnswer;
  decision?: CommissionDecision;
  decidedOn?: string;
}

/**
 * A vacancy of the landlord's (a new dwelling, already closed) on which the households were designated
 * that day, in this order, each with its answer and the commission's decision.
 */
export async function designate(
  db: DB,
  input: {
    landlordOrganisationId: string;
    departementId: string;
    designatedByOrganisationId: string;
    designatedOn: string;
    proposals: (Awaited<ReturnType<typeof pooledHousehold>> & Outcome)[];
  },
) {
  const [dwelling] = await db
    .insert(dwellings)
    .values({
      address: '1 rue Fictive',
      landlordOrganisationId: input.landlordOrganisationId,
      status: 'vacant',
    })
    .returning({ id: dwellings.id });
  const [vacancy] = await db
    .insert(vacancies)
    .values({
      dwellingId: dwelling!.id,
      landlordOrganisationId: input.landlordOrganisationId,
      departementId: input.departementId,
      channel: 'prefectoral',
      answerBy: input.designatedOn,
      monthlyRentCents: 40_000,
      monthlyChargesCents: 5_000,
      status: 'closed',
    })
    .returning({ id: vacancies.id });
  const [designation] = await db
    .insert(designations)
    .values({
      vacancyId: vacancy!.id,
      designatedOn: input.designatedOn,
      policyVersion: 0,
      designatedByOrganisationId: input.designatedByOrganisationId,
    })
    .returning({ id: designations.id });
  await db.insert(vacancyProposals).values(
    input.proposals.map((p, i) => ({
      designationId: designation!.id,
      vacancyId: vacancy!.id,
      householdId: p.householdId,
      projectId: p.projectId,
      poolOrganisationId: p.poolOrganisationId,
      rank: i + 1,
      occupancy: 'direct_lease' as const,
      notifiedOn: input.designatedOn,
      answerDue: input.designatedOn,
      explanation: {},
      answer: p.answer ?? null,
      answerReason: p.answer === 'refused' ? ('location' as const) : null,
      decision: p.decision ?? null,
      decisionReason: p.decision === 'landlord_refusal' ? ('incomplete_file' as const) : null,
      decidedOn: p.decidedOn ?? null,
    })),
  );
}
