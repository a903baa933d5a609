import type { Context } from '../../kernel/context.ts';
import { ageOn, benefitStatusOf } from '../../shared/calculators/budget.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import { ZCandidateExplanation } from '../../shared/contracts/matching.ts';
import type { MeasureStatus } from '../../shared/contracts/measures.ts';
import { parisDate } from '../../shared/time.ts';
import { offeredDwellingBudget } from '../budget/index.ts';
import { approvedLandlordVersion } from '../diagnostics/index.ts';
import type { HouseholdFile } from '../households/index.ts';
import { listHouseholdMeasures } from '../measures/index.ts';
import { latestContractVersion } from '../support-contracts/index.ts';
import type { vacancyWithDwelling } from '../vacancies/index.ts';
import type { CalFileFacts } from './cal-file.ts';
import type { ListedProposal } from './proposals.repository.ts';

type OfferedVacancy = NonNullable<Awaited<ReturnType<typeof vacancyWithDwelling>>>;

/** The support a CAL file states: the measure in force, else the one the funder decided. */
const SUPPORT_ORDER: readonly MeasureStatus[] = ['active', 'validated'];

/**
 * Everything the CAL file of a proposal states, read through the other modules' front doors; the
 * caller has applied the proposal policy. Personal data here is only what a landlord may read: the
 * composition (landlord summary), the budget's figures, the landlord version of the diagnostic.
 */
export async function loadCalFileFacts(
  ctx: Context,
  { proposal, designatedOn, designatedBy }: ListedProposal,
  vacancy: OfferedVacancy,
  file: HouseholdFile,
): Promise<CalFileFacts> {
  const { db } = ctx;
  const d = vacancy.dwelling;
  const day = parisDate(ctx.now);
  const measures = await listHouseholdMeasures(db, proposal.householdId);
  const measure = SUPPORT_ORDER.map((status) => measures.find((m) => m.measure.status === status)).find(
    Boolean,
  );
  const contract = measure ? await latestContractVersion(db, proposal.householdId, measure.measure.id) : null;
  return {
    fileLabel: formatFileNumber(file.household.fileNumber),
    generatedAt: ctx.now,
    dwelling: {
      address: d.address,
      commune: vacancy.commune,
      postcode: vacancy.postcode,
      typology: d.typology,
      surfaceM2: d.surfaceM2,
      floor: d.floor,
      lift: d.lift,
      accessibility: d.accessibility,
      financing: d.financing,
      landlordName: vacancy.landlordName,
      channel: vacancy.vacancy.channel,
      monthlyRentCents: vacancy.vacancy.monthlyRentCents,
      monthlyChargesCents: vacancy.vacancy.monthlyChargesCents,
    },
    proposal: {
      rank: proposal.rank,
      designatedOn,
      designatedBy,
      notifiedOn: proposal.notifiedOn,
      answerDue: proposal.answerDue,
      answer: proposal.answer,
      answeredOn: proposal.answeredOn,
      answerReason: proposal.answerReason,
      occupancy: proposal.occupancy,
    },
    members: file.members.map((m) => ({
      firstName: m.firstName,
      lastName: m.lastName,
      relationship: m.relationship,
      age: ageOn(m.birthDate, day),
    })),
    diagnostic: await approvedLandlordVersion(db, proposal.householdId),
    budget: await offeredDwellingBudget(ctx, file, {
      communeId: d.communeId,
      monthlyRentCents: vacancy.vacancy.monthlyRentCents,
      monthlyChargesCents: vacancy.vacancy.monthlyChargesCents,
      ...benefitStatusOf(d.financing),
    }),
    support: measure
      ? {
          schemeName: measure.schemeName,
          schemeKind: measure.schemeKind,
          operatorName: measure.operatorName,
          status: measure.measure.status,
          // The total counts the renewals once the measure has started.
          months: measure.measure.totalMonths || measure.measure.initialMonths,
          startOn: measure.measure.startOn,
          plannedEndOn: measure.measure.plannedEndOn,
          contract,
        }
      : null,
    // Stored as the ranking wrote it, against the shared contract.
    explanation: ZCandidateExplanation.parse(proposal.explanation),
  };
}
