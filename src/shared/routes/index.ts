import type { RouteContract } from './define.ts';
import { AUDIT_ROUTES } from './audit.ts';
import { BUDGET_ROUTES } from './budget.ts';
import { CALCULATOR_ROUTES } from './calculators.ts';
import { DIAGNOSTIC_ROUTES } from './diagnostics.ts';
import { HOUSEHOLD_PART_ROUTES, HOUSEHOLD_ROUTES } from './households.ts';
import { AUTH_ROUTES, USER_ROUTES } from './identity.ts';
import { NOTIFICATION_ROUTES } from './notifications.ts';
import { ORGANISATION_ROUTES } from './organisations.ts';
import { REFERENTIEL_ROUTES } from './referentiel.ts';
import { REFERRAL_ROUTES } from './referrals.ts';
import { SYSTEM_ROUTES } from './system.ts';
import { TASK_ROUTES } from './tasks.ts';
import { MEASURE_ROUTES } from './measures.ts';
import { COMMITTEE_ROUTES } from './committees.ts';
import { SUPPORT_CONTRACT_ROUTES } from './support-contracts.ts';
import { AGENDA_ROUTES } from './agenda.ts';
import { JOURNAL_ROUTES } from './journal.ts';
import { ALERT_ROUTES } from './alerts.ts';
import { WORKSHOP_ROUTES } from './workshops.ts';
import { EVALUATION_ROUTES } from './evaluations.ts';
import { PERMANENCE_ROUTES } from './permanences.ts';
import { EVICTION_PREVENTION_ROUTES } from './eviction-prevention.ts';
import { DWELLING_ROUTES, STOCK_IMPORT_ROUTES } from './dwellings.ts';
import { RENT_ACCOUNT_ROUTES } from './rent-accounts.ts';
import { LEASE_ROUTES } from './leases.ts';
import { HOUSING_AID_ROUTES } from './housing-aids.ts';
import { PARTNERSHIP_ROUTES } from './partnerships.ts';
import { HOUSING_POOL_ROUTES } from './housing-pool.ts';
import { VACANCY_ROUTES } from './vacancies.ts';
import { MATCHING_ROUTES } from './matching.ts';
import { FAIRNESS_ROUTES } from './fairness.ts';
import { CAL_FILE_ROUTES } from './cal-files.ts';
import { DESIGNATION_ROUTES } from './designations.ts';

/**
 * Every route contract of the API, by module: the architecture test checks that each is registered
 * once and that every household-scoped one declares its scope; the access matrix is built from them.
 */
export const ROUTE_TABLES: Record<string, Record<string, RouteContract>> = {
  households: HOUSEHOLD_ROUTES,
  householdParts: Object.fromEntries(
    Object.entries(HOUSEHOLD_PART_ROUTES).flatMap(([part, routes]) =>
      Object.entries(routes).map(([verb, route]) => [`${part}.${verb}`, route]),
    ),
  ),
  diagnostics: DIAGNOSTIC_ROUTES,
  budget: BUDGET_ROUTES,
  calculators: CALCULATOR_ROUTES,
  organisations: ORGANISATION_ROUTES,
  auth: AUTH_ROUTES,
  users: USER_ROUTES,
  notifications: NOTIFICATION_ROUTES,
  audit: AUDIT_ROUTES,
  system: SYSTEM_ROUTES,
  referrals: REFERRAL_ROUTES,
  tasks: TASK_ROUTES,
  referentiel: REFERENTIEL_ROUTES,
  measures: MEASURE_ROUTES,
  committees: COMMITTEE_ROUTES,
  supportContracts: SUPPORT_CONTRACT_ROUTES,
  agenda: AGENDA_ROUTES,
  journal: JOURNAL_ROUTES,
  alerts: ALERT_ROUTES,
  workshops: WORKSHOP_ROUTES,
  evaluations: EVALUATION_ROUTES,
  permanences: PERMANENCE_ROUTES,
  evictionPrevention: EVICTION_PREVENTION_ROUTES,
  dwellings: DWELLING_ROUTES,
  stockImports: STOCK_IMPORT_ROUTES,
  rentAccounts: RENT_ACCOUNT_ROUTES,
  leases: LEASE_ROUTES,
  housingAids: HOUSING_AID_ROUTES,
  partnerships: PARTNERSHIP_ROUTES,
  housingPool: HOUSING_POOL_ROUTES,
  vacancies: VACANCY_ROUTES,
  matching: MATCHING_ROUTES,
  fairness: FAIRNESS_ROUTES,
  calFiles: CAL_FILE_ROUTES,
  designations: DESIGNATION_ROUTES,
};

export const ALL_ROUTES: RouteContract[] = Object.values(ROUTE_TABLES).flatMap((table) =>
  Object.values(table),
);
