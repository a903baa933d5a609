import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { organisations } from '../organisations/schema.ts';
import { vacancies } from '../vacancies/schema.ts';
import { designations, vacancyProposals } from './schema.ts';

/**
 * A proposal with its designation (day, who designated) and the vacancy's landlord, whoever reads:
 * the caller applies the proposal policy right after.
 */
export async function unsafeFindProposal(q: Queryable, id: string) {
  const [row] = await q
    .select({
      proposal: vacancyProposals,
      designatedOn: designations.designatedOn,
      designatedBy: organisations.name,
      vacancyLandlordId: vacancies.landlordOrganisationId,
    })
    .from(vacancyProposals)
    .innerJoin(designations, eq(designations.id, vacancyProposals.designationId))
    .innerJoin(organisations, eq(organisations.id, designations.designatedByOrganisationId))
    .innerJoin(vacancies, eq(vacancies.id, vacancyProposals.vacancyId))
    .where(eq(vacancyProposals.id, id));
  return row ?? null;
}
export type ProposalRecord = NonNullable<Awaited<ReturnType<typeof unsafeFindProposal>>>;
