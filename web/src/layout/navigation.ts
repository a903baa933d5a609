import type { TMe } from '@shared/contracts/identity.ts';
import { hasRoleIn, type RoleGroup } from '@shared/access/role-groups.ts';
import { referralKindsFor } from '@shared/access/referral-policy.ts';
import { canDoDwelling } from '@shared/access/dwelling-policy.ts';
import { poolRefusal, vacancyPublishRefusal } from '@shared/access/housing-pool-policy.ts';
import { policyReadRefusal } from '@shared/access/matching-policy.ts';
import { fairnessScope } from '@shared/access/fairness-policy.ts';
import { PATHS } from '../paths.ts';

export interface NavItem {
  label: string;
  to: string;
}
export interface NavSection {
  /** Shown as a heading when the user sees several sections. */
  title: string;
  items: NavItem[];
}

const HOME: NavItem = { label: 'Accueil', to: PATHS.home };
const HOUSEHOLDS: NavItem = { label: 'Ménages', to: PATHS.households };

/** The sections of the navigation for the roles held in the current organisation. */
export function navigationFor({ organisation, roles }: Pick<TMe, 'organisation' | 'roles'>): NavSection[] {
  const has = (group: RoleGroup) => hasRoleIn(roles, group);
  const refers =
    organisation !== null &&
    referralKindsFor({ organisationId: organisation.id, organisationType: organisation.type, roles }).length >
      0;
  const work: NavItem[] = [HOME];
  if (has('socialWork')) {
    work.push(
      HOUSEHOLDS,
      { label: 'Agenda', to: PATHS.agenda },
      { label: 'Ateliers', to: PATHS.workshops },
      { label: 'Permanences', to: PATHS.permanences },
      { label: 'Saisines reçues', to: PATHS.referralInbox },
    );
  }
  if (refers) {
    work.push(
      // Beside the inbox, the list says which way its referrals went.
      { label: has('socialWork') ? 'Saisines envoyées' : 'Mes saisines', to: PATHS.sentReferrals },
      { label: 'Nouvelle saisine', to: PATHS.newReferral },
    );
  }
  if (has('landlordStaff') && !work.includes(HOUSEHOLDS)) work.push(HOUSEHOLDS);
  // A landlord's dwellings' contracts, an association's subleases and mandates.
  if (has('socialWork') || has('landlordStaff'))
    work.push({ label: 'Baux et sous-locations', to: PATHS.leases });
  // Partnership conventions link a landlord's staff and an association's social workers (and their administrators).
  if (
    (organisation?.type === 'landlord' && (has('landlordStaff') || has('administrators'))) ||
    (organisation?.type === 'association' && (has('socialWork') || has('administrators')))
  )
    work.push({ label: 'Partenariats', to: PATHS.partnerships });
  // The pool of households ready to leave and the vacancies offered to it: the SIAO's and associations' social workers.
  const actor = organisation && {
    organisationId: organisation.id,
    organisationType: organisation.type,
    roles,
  };
  if (actor && poolRefusal(actor) === null)
    work.push(
      { label: 'Vivier prêts à sortir', to: PATHS.housingPool },
      { label: 'Logements vacants', to: PATHS.vacancies },
    );
  if (actor && policyReadRefusal(actor) === null)
    work.push({ label: 'Politique de rapprochement', to: PATHS.matchingPolicy });
  // The fairness view beside them, and for the funders of the département; a landlord's under « Parc ».
  const fairness: NavItem = { label: 'Équité des propositions', to: PATHS.fairness };
  if (actor && fairnessScope(actor) === 'departement') work.push(fairness);
  if (has('caseloadManagers')) work.push({ label: 'Charge des référents', to: PATHS.caseloads });
  // Committees gather those who follow households and those who convene them; funders and auditors sit on none.
  if (has('socialWork') || has('landlordStaff') || has('committeeCoordinators'))
    work.push({ label: 'Comités', to: PATHS.committees });
  const sections: NavSection[] = [{ title: 'Suivi', items: work }];
  if (
    organisation &&
    canDoDwelling(
      { organisationId: organisation.id, organisationType: organisation.type, roles },
      'read_stock',
    )
  )
    sections.push({
      title: 'Parc',
      items: [
        { label: 'Logements', to: PATHS.stock },
        { label: 'Importer un fichier', to: PATHS.stockImport },
        { label: 'Locataires à signaler', to: PATHS.stockArrears },
        ...(vacancyPublishRefusal({
          organisationId: organisation.id,
          organisationType: organisation.type,
          roles,
        }) === null
          ? [{ label: 'Vacances publiées', to: PATHS.vacancies }]
          : []),
        ...(actor && fairnessScope(actor) === 'landlord' ? [fairness] : []),
      ],
    });
  const administration: NavItem[] = [];
  if (has('administrators')) {
    administration.push(
      { label: 'Utilisateurs', to: PATHS.adminUsers },
      { label: 'Invitations', to: PATHS.adminInvitations },
      { label: "Boîte d'envoi", to: PATHS.adminOutbox },
    );
  }
  if (has('auditReaders')) administration.push({ label: "Journal d'audit", to: PATHS.adminAudit });
  if (has('administrators')) {
    administration.push(
      { label: 'Organisation', to: PATHS.adminOrganisation },
      { label: 'Barèmes d’aide au logement', to: PATHS.adminHousingBenefitScales },
      { label: 'Conventions budgétaires', to: PATHS.adminBudgetConventions },
      { label: 'Dispositifs d’accompagnement', to: PATHS.adminMeasureSchemes },
    );
  }
  if (administration.length > 0) sections.push({ title: 'Administration', items: administration });
  sections.push({
    title: 'Outils',
    items: [
      { label: 'Référentiel des briques', to: PATHS.referentiel },
      { label: 'Simulateur APL', to: PATHS.housingBenefitSimulator },
      { label: 'Délais d’expulsion', to: PATHS.evictionTimeline },
      { label: 'Éligibilité logement social', to: PATHS.socialHousingEligibility },
    ],
  });
  return sections;
}
