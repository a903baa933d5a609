import { and, asc, desc, eq, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import { committeeMeetings, committees } from '../committees/schema.ts';
import { dwellings } from '../dwellings/schema.ts';
import { householdVisibleTo } from '../households/index.ts';
import { householdMembers, households } from '../households/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { designations, vacancyProposals } from './schema.ts';

export type ProposalRow = typeof vacancyProposals.$inferSelect;
export type ProposalValues = typeof vacancyProposals.$inferInsert;

/** The meeting and the committee it belongs to (a designation names a meeting of a designation committee). */
export async function meetingCommittee(q: Queryable, meetingId: string) {
  const [row] = await q
    .select({ organisationId: committees.organisationId, kind: committees.kind })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(eq(committeeMeetings.id, meetingId));
  return row ?? null;
}

export async function insertDesignation(
  q: Queryable,
  values: typeof designations.$inferInsert,
): Promise<typeof designations.$inferSelect> {
  const [row] = await q.insert(designations).values(values).returning();
  return row!;
}

export async function insertProposals(q: Queryable, values: ProposalValues[]): Promise<void> {
  await q.insert(vacancyProposals).values(values);
}

/** Changes a proposal and moves its version on (the caller holds its row lock). */
export async function updateProposal(
  q: Queryable,
  id: string,
  values: Partial<ProposalValues>,
): Promise<void> {
  await q
    .update(vacancyProposals)
    .set({ ...values, rowVersion: sql`${vacancyProposals.rowVersion} + 1` })
    .where(eq(vacancyProposals.id, id));
}

/** The reference person's name (else the first member's), as the CAL file names the household. */
const referenceName = sql<
  string | null
>`(select ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}
  from ${householdMembers} where ${householdMembers.householdId} = ${vacancyProposals.householdId}
  order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} limit 1)`;

const poolOrganisation = alias(organisations, 'pool_organisation');
const designatingOrganisation = alias(organisations, 'designating_organisation');

/** Proposals with what their readers are shown: the household's name, the pool, the dwelling, the landlord. */
const listed = (q: Queryable, where: SQL | undefined) =>
  q
    .select({
      proposal: vacancyProposals,
      designatedOn: designations.designatedOn,
      designatedBy: designatingOrganisation.name,
      name: referenceName,
      fileNumber: households.fileNumber,
      poolOrganisationName: poolOrganisation.name,
      vacancy: {
        status: vacancies.status,
        landlordOrganisationId: vacancies.landlordOrganisationId,
      },
      landlordName: organisations.name,
      dwelling: {
        address: dwellings.address,
        commune: territories.name,
        typology: dwellings.typology,
      },
    })
    .from(vacancyProposals)
    .innerJoin(designations, eq(designations.id, vacancyProposals.designationId))
    .innerJoin(households, eq(households.id, vacancyProposals.householdId))
    .innerJoin(vacancies, eq(vacancies.id, vacancyProposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.landlordOrganisationId))
    .innerJoin(poolOrganisation, eq(poolOrganisation.id, vacancyProposals.poolOrganisationId))
    .innerJoin(
      designatingOrganisation,
      eq(designatingOrganisation.id, designations.designatedByOrganisationId),
    )
    .innerJoin(dwellings, eq(dwellings.id, vacancies.dwellingId))
    .leftJoin(territories, eq(territories.id, dwellings.communeId))
    .where(where);
export type ListedProposal = Awaited<ReturnType<typeof listed>>[number];

/** One proposal as listed; with `lock`, its row is locked for the change that follows. */
export async function findProposal(
  q: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ListedProposal | null> {
  const query = listed(q, eq(vacancyProposals.id, id));
  const [row] = opts.lock ? await query.for('update', { of: vacancyProposals }) : await query;
  return row ?? null;
}

/**
 * The proposals on a vacancy in designation order; with `partyOf`, only those of households that
 * organisation is a current party to (tested in the statement).
 */
export function vacancyProposalRows(
  q: Queryable,
  vacancyId: string,
  partyOf?: { organisationId: string; at: Date },
) {
  const visible = partyOf ? householdVisibleTo(partyOf.organisationId, partyOf.at) : undefined;
  return listed(q, and(eq(vacancyProposals.vacancyId, vacancyId), visible)).orderBy(
    asc(designations.createdAt),
    asc(vacancyProposals.rank),
  );
}

/** A household's proposals, the latest first. */
export const householdProposalRows = (q: Queryable, householdId: string) =>
  listed(q, eq(vacancyProposals.householdId, householdId)).orderBy(desc(vacancyProposals.createdAt));

/** The other proposals of a vacancy, as far as a decision must know them (the dwelling given once). */
export const siblingDecisions = (q: Queryable, vacancyId: string, proposalId: string) =>
  q
    .select({
      rank: vacancyProposals.rank,
      decision: vacancyProposals.decision,
      decisionRank: vacancyProposals.decisionRank,
    })
    .from(vacancyProposals)
    .where(and(eq(vacancyProposals.vacancyId, vacancyId), ne(vacancyProposals.id, proposalId)));

/** The proposals still waiting for the household's answer and the decision whose deadline ended before `today`. */
export const overdueProposalIds = async (q: Queryable, today: string): Promise<string[]> =>
  (
    await q
      .select({ id: vacancyProposals.id })
      .from(vacancyProposals)
      .where(
        and(
          isNull(vacancyProposals.answer),
          isNull(vacancyProposals.decision),
          lt(vacancyProposals.answerDue, today),
        ),
      )
      .orderBy(asc(vacancyProposals.answerDue))
  ).map((r) => r.id);
