import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { RoleGroup } from '@shared/access/role-groups.ts';
import { LoadingState } from './components/LoadingState.tsx';
import { AuthenticatedLayout } from './layout/AuthenticatedLayout.tsx';
import { PublicOrAuthenticatedLayout } from './layout/PublicLayout.tsx';
import { RequireRole } from './layout/RequireRole.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PATHS } from './paths.ts';

/** A page component loaded on first visit, from a module exporting it by name. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignInPage = lazyPage(() => import('./pages/auth/SignInPage.tsx'), 'SignInPage');
const ForgotPasswordPage = lazyPage(
  () => import('./pages/auth/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(() => import('./pages/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const InvitationPage = lazyPage(() => import('./pages/auth/InvitationPage.tsx'), 'InvitationPage');

const HomePage = lazyPage(() => import('./pages/home/HomePage.tsx'), 'HomePage');

const HouseholdListPage = lazyPage(
  () => import('./pages/households/HouseholdListPage.tsx'),
  'HouseholdListPage',
);
const HouseholdFilePage = lazyPage(
  () => import('./pages/households/HouseholdFilePage.tsx'),
  'HouseholdFilePage',
);
const ReferralInboxPage = lazyPage(
  () => import('./pages/referrals/ReferralInboxPage.tsx'),
  'ReferralInboxPage',
);
const SentReferralsPage = lazyPage(
  () => import('./pages/referrals/SentReferralsPage.tsx'),
  'SentReferralsPage',
);
const NewReferralPage = lazyPage(() => import('./pages/referrals/NewReferralPage.tsx'), 'NewReferralPage');
const ReferralDetailPage = lazyPage(
  () => import('./pages/referrals/ReferralDetailPage.tsx'),
  'ReferralDetailPage',
);
const AgendaPage = lazyPage(() => import('./pages/agenda/AgendaPage.tsx'), 'AgendaPage');
const SettingsPage = lazyPage(() => import('./pages/agenda/SettingsPage.tsx'), 'SettingsPage');
const StockPage = lazyPage(() => import('./pages/dwellings/StockPage.tsx'), 'StockPage');
const DwellingPage = lazyPage(() => import('./pages/dwellings/DwellingPage.tsx'), 'DwellingPage');
const ImportPage = lazyPage(() => import('./pages/dwellings/ImportPage.tsx'), 'ImportPage');
const ArrearsPage = lazyPage(() => import('./pages/dwellings/ArrearsPage.tsx'), 'ArrearsPage');
const WorkshopsPage = lazyPage(() => import('./pages/workshops/WorkshopsPage.tsx'), 'WorkshopsPage');
const WorkshopPage = lazyPage(() => import('./pages/workshops/WorkshopPage.tsx'), 'WorkshopPage');
const PartnershipsPage = lazyPage(
  () => import('./pages/partnerships/PartnershipsPage.tsx'),
  'PartnershipsPage',
);
const PoolPage = lazyPage(() => import('./pages/housing-pool/PoolPage.tsx'), 'PoolPage');
const VacanciesPage = lazyPage(() => import('./pages/vacancies/VacanciesPage.tsx'), 'VacanciesPage');
const VacancyPage = lazyPage(() => import('./pages/vacancies/VacancyPage.tsx'), 'VacancyPage');
const MatchingPolicyPage = lazyPage(
  () => import('./pages/vacancies/MatchingPolicyPage.tsx'),
  'MatchingPolicyPage',
);
const FairnessPage = lazyPage(() => import('./pages/FairnessPage.tsx'), 'FairnessPage');
const PartnershipPage = lazyPage(() => import('./pages/partnerships/PartnershipPage.tsx'), 'PartnershipPage');
const PermanencesPage = lazyPage(() => import('./pages/permanences/PermanencesPage.tsx'), 'PermanencesPage');
const RentAccountPage = lazyPage(
  () => import('./pages/rent-accounts/RentAccountPage.tsx'),
  'RentAccountPage',
);
const LeasesPage = lazyPage(() => import('./pages/leases/LeasesPage.tsx'), 'LeasesPage');
const ContractPage = lazyPage(() => import('./pages/leases/ContractPage.tsx'), 'ContractPage');
const CommitteesPage = lazyPage(() => import('./pages/committees/CommitteesPage.tsx'), 'CommitteesPage');
const MeetingPage = lazyPage(() => import('./pages/committees/MeetingPage.tsx'), 'MeetingPage');
const HousingBenefitSimulatorPage = lazyPage(
  () => import('./pages/HousingBenefitSimulatorPage.tsx'),
  'HousingBenefitSimulatorPage',
);
const EvictionTimelinePage = lazyPage(
  () => import('./pages/calculators/EvictionTimelinePage.tsx'),
  'EvictionTimelinePage',
);
const SocialHousingEligibilityPage = lazyPage(
  () => import('./pages/calculators/SocialHousingEligibilityPage.tsx'),
  'SocialHousingEligibilityPage',
);
const SupportContractPage = lazyPage(
  () => import('./pages/support-contracts/SupportContractPage.tsx'),
  'SupportContractPage',
);
const ReferentielPage = lazyPage(() => import('./pages/referentiel/ReferentielPage.tsx'), 'ReferentielPage');

const UsersPage = lazyPage(() => import('./pages/admin/UsersPage.tsx'), 'UsersPage');
const InvitationsPage = lazyPage(() => import('./pages/admin/InvitationsPage.tsx'), 'InvitationsPage');
const OutboxPage = lazyPage(() => import('./pages/admin/OutboxPage.tsx'), 'OutboxPage');
const AuditLogPage = lazyPage(() => import('./pages/admin/AuditLogPage.tsx'), 'AuditLogPage');
const OrganisationPage = lazyPage(() => import('./pages/admin/OrganisationPage.tsx'), 'OrganisationPage');
const HousingBenefitScalesPage = lazyPage(
  () => import('./pages/admin/HousingBenefitScalesPage.tsx'),
  'HousingBenefitScalesPage',
);
const MeasureSchemesPage = lazyPage(
  () => import('./pages/admin/MeasureSchemesPage.tsx'),
  'MeasureSchemesPage',
);
const CaseloadsPage = lazyPage(() => import('./pages/measures/CaseloadsPage.tsx'), 'CaseloadsPage');
const BudgetConventionsPage = lazyPage(
  () => import('./pages/admin/BudgetConventionsPage.tsx'),
  'BudgetConventionsPage',
);

const page = (element: ReactNode) => <Suspense fallback={<LoadingState />}>{element}</Suspense>;
const only = (group: RoleGroup, element: ReactNode) => (
  <RequireRole group={group}>{page(element)}</RequireRole>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path={PATHS.signIn} element={page(<SignInPage />)} />
      <Route path={PATHS.forgotPassword} element={page(<ForgotPasswordPage />)} />
      <Route path={PATHS.resetPassword} element={page(<ResetPasswordPage />)} />
      <Route path={PATHS.invitation} element={page(<InvitationPage />)} />

      {/* Public tools: no sign-in needed, in the authenticated shell for a signed-in user. */}
      <Route element={<PublicOrAuthenticatedLayout />}>
        <Route path={PATHS.housingBenefitSimulator} element={page(<HousingBenefitSimulatorPage />)} />
        <Route path={PATHS.evictionTimeline} element={page(<EvictionTimelinePage />)} />
        <Route path={PATHS.socialHousingEligibility} element={page(<SocialHousingEligibilityPage />)} />
      </Route>

      <Route element={<AuthenticatedLayout />}>
        <Route index element={page(<HomePage />)} />
        {/* Household and referral pages: the API decides who may see what (403/404 shown in the page). */}
        <Route path={PATHS.households} element={page(<HouseholdListPage />)} />
        <Route path="/menages/:id" element={page(<HouseholdFilePage />)} />
        <Route path="/menages/:id/mesures/:measureId/contrat" element={page(<SupportContractPage />)} />
        <Route path={PATHS.referralInbox} element={page(<ReferralInboxPage />)} />
        <Route path={PATHS.sentReferrals} element={page(<SentReferralsPage />)} />
        <Route path={PATHS.newReferral} element={page(<NewReferralPage />)} />
        <Route path="/saisines/:id" element={page(<ReferralDetailPage />)} />
        <Route path={PATHS.agenda} element={only('socialWork', <AgendaPage />)} />
        <Route path={PATHS.workshops} element={only('socialWork', <WorkshopsPage />)} />
        <Route path="/ateliers/:workshopId" element={only('socialWork', <WorkshopPage />)} />
        <Route path={PATHS.permanences} element={only('socialWork', <PermanencesPage />)} />
        {/* The landlord's stock: the API refuses other organisations (dwelling policy). */}
        <Route path={PATHS.stock} element={page(<StockPage />)} />
        <Route path="/parc/logements/:dwellingId" element={page(<DwellingPage />)} />
        <Route path={PATHS.stockImport} element={page(<ImportPage />)} />
        <Route path={PATHS.stockArrears} element={page(<ArrearsPage />)} />
        {/* The lease policy decides who reads or writes an account (403/404 shown in the page). */}
        <Route path="/baux/:contractId/compte" element={page(<RentAccountPage />)} />
        <Route path={PATHS.leases} element={page(<LeasesPage />)} />
        {/* A contract: the API decides (its parties and the household's readers; 403/404 in the page). */}
        <Route path="/baux/:id" element={page(<ContractPage />)} />
        {/* Conventions: the API answers each side's staff; others see an empty list. */}
        <Route path={PATHS.partnerships} element={page(<PartnershipsPage />)} />
        <Route path={PATHS.housingPool} element={page(<PoolPage />)} />
        <Route path={PATHS.vacancies} element={page(<VacanciesPage />)} />
        <Route path="/vacances/:vacancyId" element={page(<VacancyPage />)} />
        <Route path={PATHS.matchingPolicy} element={page(<MatchingPolicyPage />)} />
        {/* The fairness view: the API decides who reads it and over which proposals (403 in the page). */}
        <Route path={PATHS.fairness} element={page(<FairnessPage />)} />
        <Route path="/partenariats/:conventionId" element={page(<PartnershipPage />)} />
        <Route path={PATHS.settings} element={page(<SettingsPage />)} />
        <Route path={PATHS.committees} element={page(<CommitteesPage />)} />
        <Route path="/comites/reunions/:meetingId" element={page(<MeetingPage />)} />
        <Route path={PATHS.referentiel} element={page(<ReferentielPage />)} />
        <Route path={PATHS.caseloads} element={only('caseloadManagers', <CaseloadsPage />)} />
        <Route path={PATHS.adminUsers} element={only('administrators', <UsersPage />)} />
        <Route path={PATHS.adminInvitations} element={only('administrators', <InvitationsPage />)} />
        <Route path={PATHS.adminOutbox} element={only('administrators', <OutboxPage />)} />
        <Route path={PATHS.adminAudit} element={only('auditReaders', <AuditLogPage />)} />
        <Route path={PATHS.adminOrganisation} element={only('administrators', <OrganisationPage />)} />
        <Route
          path={PATHS.adminHousingBenefitScales}
          element={only('administrators', <HousingBenefitScalesPage />)}
        />
        <Route
          path={PATHS.adminBudgetConventions}
          element={only('administrators', <BudgetConventionsPage />)}
        />
        <Route path={PATHS.adminMeasureSchemes} element={only('administrators', <MeasureSchemesPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
