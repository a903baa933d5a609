/** Roles a user holds in an organisation. */
export const ROLES = [
  'admin',
  'caseworker',
  'team_manager',
  'landlord_social_advisor',
  'landlord_rental_manager',
  'funder_officer',
  'committee_coordinator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  caseworker: 'Travailleur social (référent)',
  team_manager: "Responsable d'équipe",
  landlord_social_advisor: 'Conseiller social (bailleur)',
  landlord_rental_manager: 'Gestionnaire locatif (bailleur)',
  funder_officer: 'Chargé de mission financeur',
  committee_coordinator: 'Coordinateur de comité',
  auditor: 'Auditeur (lecture seule)',
};

export const ORGANISATION_TYPES = ['landlord', 'association', 'siao', 'ccapex', 'funder', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  landlord: 'Bailleur',
  association: 'Association',
  siao: 'SIAO',
  ccapex: 'CCAPEX (commission de prévention des expulsions)',
  funder: 'Financeur',
  other: 'Autre (CCAS…)',
};
