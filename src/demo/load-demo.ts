import { journalEntries, journalEntryChanges } from '../modules/journal/schema.ts';
import { workshopInvitations, workshops } from '../modules/workshops/schema.ts';
import { permanenceSlots, permanenceVisits } from '../modules/permanences/schema.ts';
import { rentAccounts, rentPostings, repaymentPlans } from '../modules/rent-accounts/schema.ts';
import {
  occupancyContractEvents,
  occupancyContracts,
  referralContracts,
  slidingEvaluations,
} from '../modules/leases/schema.ts';
import { arrearsBalances } from '../modules/stock-imports/schema.ts';
import { evaluations, evaluationShares, monthlyPoints } from '../modules/evaluations/schema.ts';
import { count, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DB, Tx } from '../kernel/db.ts';
import { managementUnits, organisations, territories } from '../modules/organisations/schema.ts';
import { memberships, users } from '../modules/identity/schema.ts';
import {
  evictionProcedureSteps,
  evictionProcedures,
  householdConsents,
  householdDebts,
  householdExpenses,
  householdHousingHistory,
  householdMembers,
  householdNotes,
  householdParties,
  householdResources,
  households,
  tenancies,
  tenancyRents,
} from '../modules/households/schema.ts';
import { evictionProcedureBalances, evictionProcedureFacts } from '../modules/eviction-prevention/schema.ts';
import { dwellingRents, dwellings } from '../modules/dwellings/schema.ts';
import { housingAidEvents, housingAids } from '../modules/housing-aids/schema.ts';
import {
  conventionAmendments,
  conventionDwellings,
  partnershipConventions,
} from '../modules/partnerships/schema.ts';
import { tasks } from '../modules/tasks/schema.ts';
import { alertSettings } from '../modules/alerts/schema.ts';
import { referralContactAttempts, referralEvents, referrals } from '../modules/referrals/schema.ts';
import { notifications } from '../modules/notifications/schema.ts';
import { capacityAssessments, diagnosticShares, diagnostics } from '../modules/diagnostics/schema.ts';
import { housingProjects } from '../modules/housing-pool/schema.ts';
import { vacancies } from '../modules/vacancies/schema.ts';
import { designations, vacancyProposals } from '../modules/matching/schema.ts';
import { budgetScenarios } from '../modules/budget/schema.ts';
import { householdSearchText } from '../modules/households/index.ts';
import { hashPassword } from '../modules/identity/index.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { buildDemoData } from './build-demo.ts';
import { organisationId } from './territory.ts';
import {
  fundingProgrammes,
  measureEvents,
  measures,
  measureSchemes,
  measureSchemeVersions,
} from '../modules/measures/schema.ts';
import { appointmentParticipants, appointments } from '../modules/agenda/schema.ts';
import {
  committeeMeetings,
  committeeMembers,
  committeePeople,
  committees,
  meetingDecisions,
  meetingItems,
} from '../modules/committees/schema.ts';

async function insertMissing<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]) {
  // Chunks keep each statement well under PostgreSQL's limit of 65 535 parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** True on a first start: no organisation at all, so the demo may be loaded. */
export async function databaseIsEmpty(db: DB): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/** True when the demo organisations are in the database (their ids are stable). */
export async function demoIsLoaded(db: DB): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId('habitat')));
  return rows.length > 0;
}

/**
 * Loads the fictional Val-de-Brenne territory in one transaction. Every row has a stable id and
 * existing rows are left as they are, so loading twice changes nothing.
 */
export async function loadDemo(db: DB, options: { now: Date }): Promise<void> {
  const data = buildDemoData(options.now, await hashPassword(DEMO_PASSWORD));
  await db.transaction(async (tx) => {
    await insertMissing(tx, territories, data.territories);
    await insertMissing(tx, organisations, data.organisations);
    await insertMissing(tx, managementUnits, data.managementUnits);
    await insertMissing(tx, users, data.users);
    await insertMissing(tx, memberships, data.memberships);
    await insertMissing(tx, dwellings, data.dwellings);
    await insertMissing(tx, dwellings, data.stockDwellings);
    await insertMissing(tx, dwellingRents, data.dwellingRents);
    await insertMissing(tx, households, data.households);
    await insertMissing(tx, tenancies, data.tenancies);
    await insertMissing(tx, tenancyRents, data.tenancyRents);
    await insertMissing(tx, householdMembers, data.members);
    await insertMissing(tx, householdResources, data.resources);
    await insertMissing(tx, householdExpenses, data.expenses);
    await insertMissing(tx, householdDebts, data.debts);
    await insertMissing(tx, householdHousingHistory, data.housingHistory);
    await insertMissing(tx, householdNotes, data.notes);
    await insertMissing(tx, householdConsents, data.consents);
    await insertMissing(tx, householdParties, data.parties);
    await insertMissing(tx, evictionProcedures, data.evictionProcedures);
    await insertMissing(tx, evictionProcedureSteps, data.evictionProcedureSteps);
    await insertMissing(tx, evictionProcedureFacts, data.evictionProcedureFacts);
    await insertMissing(tx, evictionProcedureBalances, data.evictionProcedureBalances);
    await insertMissing(tx, referrals, data.referrals);
    await insertMissing(tx, referralContactAttempts, data.contactAttempts);
    await insertMissing(tx, referralEvents, data.referralEvents);
    await insertMissing(tx, notifications, data.notifications);
    await insertMissing(tx, diagnostics, data.diagnostics);
    await insertMissing(tx, diagnosticShares, data.diagnosticShares);
    await insertMissing(tx, capacityAssessments, data.capacityAssessments);
    await insertMissing(tx, budgetScenarios, data.budgetScenarios);
    await insertMissing(tx, occupancyContracts, data.occupancyContracts);
    await insertMissing(tx, occupancyContractEvents, data.occupancyContractEvents);
    await insertMissing(tx, slidingEvaluations, data.slidingEvaluations);
    await insertMissing(tx, referralContracts, data.referralContracts);
    await insertMissing(tx, arrearsBalances, data.arrearsBalances);
    await insertMissing(tx, tasks, data.tasks);
    await insertMissing(tx, measureSchemes, data.measureSchemes);
    await insertMissing(tx, measureSchemeVersions, data.measureSchemeVersions);
    await insertMissing(tx, fundingProgrammes, data.fundingProgrammes);
    await insertMissing(tx, measures, data.measures);
    await insertMissing(tx, measureEvents, data.measureEvents);
    await insertMissing(tx, committees, data.committees);
    await insertMissing(tx, committeeMembers, data.committeeMembers);
    await insertMissing(tx, committeePeople, data.committeePeople);
    await insertMissing(tx, committeeMeetings, data.committeeMeetings);
    await insertMissing(tx, meetingItems, data.meetingItems);
    await insertMissing(tx, meetingDecisions, data.meetingDecisions);
    await insertMissing(tx, appointments, data.appointments);
    await insertMissing(tx, appointmentParticipants, data.appointmentParticipants);
    await insertMissing(tx, journalEntries, data.journalEntries);
    await insertMissing(tx, journalEntryChanges, data.journalEntryChanges);
    await insertMissing(tx, workshops, data.workshops);
    await insertMissing(tx, workshopInvitations, data.workshopInvitations);
    await insertMissing(tx, monthlyPoints, data.monthlyPoints);
    await insertMissing(tx, permanenceSlots, data.permanenceSlots);
    await insertMissing(tx, permanenceVisits, data.permanenceVisits);
    await insertMissing(tx, dwellingRents, data.leaseDwellingRents);
    await insertMissing(tx, occupancyContracts, data.subleaseContracts);
    await insertMissing(tx, rentAccounts, data.rentAccounts);
    await insertMissing(tx, rentPostings, data.rentPostings);
    await insertMissing(tx, repaymentPlans, data.repaymentPlans);
    await insertMissing(tx, evaluations, data.evaluations);
    await insertMissing(tx, evaluationShares, data.evaluationShares);
    await insertMissing(tx, dwellings, data.conventionDwellingRows);
    await insertMissing(tx, dwellingRents, data.conventionDwellingRents);
    await insertMissing(tx, partnershipConventions, data.partnershipConventions);
    await insertMissing(tx, conventionDwellings, data.conventionDwellings);
    await insertMissing(tx, conventionAmendments, data.conventionAmendments);
    await insertMissing(tx, housingAids, data.housingAids);
    await insertMissing(tx, housingAidEvents, data.housingAidEvents);
    await insertMissing(tx, alertSettings, data.alertSettings);
    await insertMissing(tx, capacityAssessments, data.poolCapacityAssessments);
    await insertMissing(tx, housingProjects, data.housingProjects);
    await insertMissing(tx, vacancies, data.vacancies);
    await insertMissing(tx, designations, data.designations);
    await insertMissing(tx, vacancyProposals, data.vacancyProposals);

    // The search text includes the file number, which the database assigns on insert.
    const stored = await tx
      .select({
        id: households.id,
        fileNumber: households.fileNumber,
        applicationNumber: households.applicationNumber,
      })
      .from(households)
      .where(
        inArray(
          households.id,
          data.households.map((h) => h.id!),
        ),
      );
    for (const h of stored) {
      const members = data.members.filter((m) => m.householdId === h.id);
      await tx
        .update(households)
        .set({ searchText: householdSearchText({ ...h, members }) })
        .where(eq(households.id, h.id));
    }
  });
}
