import type { OrganisationType, Role } from '../shared/contracts/roles.ts';
import { stableId } from './ids.ts';

/**
 * The fictional département of the demo. "VB" is not an INSEE code (those are digits, 2A or 2B),
 * and no French postcode starts with 00: nothing here can be mistaken for a real place.
 */
export const DEMO_DEPARTEMENT = { code: 'VB', name: 'Val-de-Brenne' } as const;

export interface DemoEpci {
  key: string;
  code: string;
  name: string;
}

export interface DemoCommune {
  key: string;
  code: string;
  name: string;
  postcode: string;
  zone: 2 | 3;
  epci: string;
}

export const DEMO_EPCIS: readonly DemoEpci[] = [
  { key: 'brenne-metropole', code: 'VB-EPCI-01', name: 'Brenne Métropole' },
  { key: 'haut-val', code: 'VB-EPCI-02', name: 'Communauté de communes du Haut-Val' },
];

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  {
    key: 'saint-aubin',
    code: 'VB001',
    name: 'Saint-Aubin-sur-Brenne',
    postcode: '00100',
    zone: 2,
    epci: 'brenne-metropole',
  },
  {
    key: 'montreval',
    code: 'VB002',
    name: 'Montreval-la-Rivière',
    postcode: '00110',
    zone: 2,
    epci: 'brenne-metropole',
  },
  {
    key: 'les-aulnes',
    code: 'VB003',
    name: 'Les Aulnes-sur-Brenne',
    postcode: '00120',
    zone: 2,
    epci: 'brenne-metropole',
  },
  {
    key: 'villemarsan',
    code: 'VB004',
    name: 'Villemarsan',
    postcode: '00130',
    zone: 2,
    epci: 'brenne-metropole',
  },
  { key: 'castelbrenne', code: 'VB005', name: 'Castelbrenne', postcode: '00200', zone: 3, epci: 'haut-val' },
  {
    key: 'roche-vieille',
    code: 'VB006',
    name: 'Roche-Vieille',
    postcode: '00210',
    zone: 3,
    epci: 'haut-val',
  },
  {
    key: 'saint-genes',
    code: 'VB007',
    name: 'Saint-Genès-des-Prés',
    postcode: '00220',
    zone: 3,
    epci: 'haut-val',
  },
  {
    key: 'lamarque',
    code: 'VB008',
    name: 'Lamarque-sur-Ordre',
    postcode: '00230',
    zone: 3,
    epci: 'haut-val',
  },
];

export type DemoCommuneKey = (typeof DEMO_COMMUNES)[number]['key'];

export const communeByKey = (key: string): DemoCommune => {
  const commune = DEMO_COMMUNES.find((c) => c.key === key);
  if (!commune) throw new Error(`Commune de démonstration inconnue : ${key}`);
  return commune;
};

export const territoryId = (code: string) => stableId(`territory:${code}`);

export type DemoOrgKey = 'habitat' | 'passage' | 'escale' | 'siao' | 'ccapex' | 'cd' | 'ddets' | 'ccas';

export interface DemoOrganisation {
  key: DemoOrgKey;
  type: OrganisationType;
  name: string;
  shortName: string;
  commune: string;
  email: string;
  phone: string;
  address: string;
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'habitat',
    type: 'landlord',
    name: 'Habitat Brenne — Office public de l’habitat du Val-de-Brenne',
    shortName: 'Habitat Brenne',
    commune: 'saint-aubin',
    email: 'contact@habitat-brenne.example',
    phone: '01 99 00 10 00',
    address: '4 place de la Préfecture, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'passage',
    type: 'association',
    name: 'Association Le Passage (AVDL, gestion locative adaptée)',
    shortName: 'Le Passage',
    commune: 'saint-aubin',
    email: 'accueil@le-passage.example',
    phone: '01 99 00 20 00',
    address: '17 rue Jean-Jaurès, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'escale',
    type: 'association',
    name: 'L’Escale brennoise (CHRS Les Tilleuls, accueil de nuit, accompagnement hors les murs)',
    shortName: 'L’Escale',
    commune: 'montreval',
    email: 'secretariat@escale-brennoise.example',
    phone: '01 99 00 30 00',
    address: '2 allée des Tilleuls, 00110 Montreval-la-Rivière',
  },
  {
    key: 'siao',
    type: 'siao',
    name: 'SIAO du Val-de-Brenne',
    shortName: 'SIAO VB',
    commune: 'saint-aubin',
    email: 'siao@siao-vb.example',
    phone: '01 99 00 40 00',
    address: '9 rue Pasteur, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'ccapex',
    type: 'ccapex',
    name: 'CCAPEX du Val-de-Brenne (commission de coordination des actions de prévention des expulsions locatives)',
    shortName: 'CCAPEX VB',
    commune: 'saint-aubin',
    email: 'ccapex@valdebrenne.example',
    phone: '01 99 00 45 00',
    address: 'Préfecture du Val-de-Brenne, 3 rue de la Préfecture, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'cd',
    type: 'funder',
    name: 'Conseil départemental du Val-de-Brenne — Fonds de solidarité logement',
    shortName: 'CD VB (FSL)',
    commune: 'saint-aubin',
    email: 'fsl@cd-valdebrenne.example',
    phone: '01 99 00 50 00',
    address: 'Hôtel du Département, 1 boulevard de la Brenne, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'ddets',
    type: 'funder',
    name: 'DDETS du Val-de-Brenne (État — AVDL, FNAVDL)',
    shortName: 'DDETS VB',
    commune: 'saint-aubin',
    email: 'logement@ddets-valdebrenne.example',
    phone: '01 99 00 60 00',
    address: '12 avenue de la Libération, 00100 Saint-Aubin-sur-Brenne',
  },
  {
    key: 'ccas',
    type: 'other',
    name: 'CCAS de Castelbrenne',
    shortName: 'CCAS Castelbrenne',
    commune: 'castelbrenne',
    email: 'ccas@castelbrenne.example',
    phone: '01 99 00 70 00',
    address: 'Mairie, place du Marché, 00200 Castelbrenne',
  },
];

export const organisationId = (key: DemoOrgKey) => stableId(`organisation:${key}`);

export type DemoUnitKey = 'centre' | 'rive-nord' | 'haut-val';

/** Habitat Brenne's three agences, each with a named correspondent (see the Mistral project file). */
export const DEMO_MANAGEMENT_UNITS: readonly {
  key: DemoUnitKey;
  name: string;
  code: string;
  commune: string;
}[] = [
  { key: 'centre', name: 'Agence Saint-Aubin Centre', code: 'AG-SAC', commune: 'saint-aubin' },
  { key: 'rive-nord', name: 'Agence Rive Nord', code: 'AG-RN', commune: 'montreval' },
  { key: 'haut-val', name: 'Agence du Haut-Val', code: 'AG-HV', commune: 'castelbrenne' },
];

export const managementUnitId = (key: DemoUnitKey) => stableId(`management-unit:${key}`);

export interface DemoUser {
  key: string;
  org: DemoOrgKey;
  role: Role;
  fullName: string;
  email: string;
  /** What the person does, for the printed table. */
  title: string;
  unit?: DemoUnitKey;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: 'habitat-admin',
    org: 'habitat',
    role: 'admin',
    fullName: 'Sophie Marchal',
    email: 'admin@habitat-brenne.example',
    title: 'Administratrice Habitat Brenne',
  },
  {
    key: 'habitat-social',
    org: 'habitat',
    role: 'landlord_social_advisor',
    fullName: 'Nadia Benhamou',
    email: 'conseillere.sociale@habitat-brenne.example',
    title: 'Conseillère sociale (CESF)',
  },
  {
    key: 'habitat-rental',
    org: 'habitat',
    role: 'landlord_rental_manager',
    fullName: 'Julien Perrot',
    email: 'gestion.locative@habitat-brenne.example',
    title: 'Gestionnaire locatif, agence Saint-Aubin Centre',
    unit: 'centre',
  },
  {
    key: 'habitat-committee',
    org: 'habitat',
    role: 'committee_coordinator',
    fullName: 'Claire Duval',
    email: 'coordination@habitat-brenne.example',
    title: 'Chargée de mission logement accompagné (comité de suivi)',
  },
  {
    key: 'passage-admin',
    org: 'passage',
    role: 'admin',
    fullName: 'Bruno Lemaître',
    email: 'admin@le-passage.example',
    title: 'Directeur, administrateur Le Passage',
  },
  {
    key: 'passage-manager',
    org: 'passage',
    role: 'team_manager',
    fullName: 'Hélène Garnier',
    email: 'cheffe.service@le-passage.example',
    title: 'Cheffe de service',
  },
  {
    key: 'passage-cw1',
    org: 'passage',
    role: 'caseworker',
    fullName: 'Camille Roussel',
    email: 'camille.roussel@le-passage.example',
    title: 'Conseillère en économie sociale et familiale',
  },
  {
    key: 'passage-cw2',
    org: 'passage',
    role: 'caseworker',
    fullName: 'Thomas Lefèvre',
    email: 'thomas.lefevre@le-passage.example',
    title: 'Assistant de service social',
  },
  {
    key: 'escale-admin',
    org: 'escale',
    role: 'admin',
    fullName: 'Martine Caradec',
    email: 'admin@escale-brennoise.example',
    title: 'Directrice, administratrice L’Escale',
  },
  {
    key: 'escale-cw1',
    org: 'escale',
    role: 'caseworker',
    fullName: 'Inès Haddad',
    email: 'ines.haddad@escale-brennoise.example',
    title: 'Éducatrice spécialisée (CHRS)',
  },
  {
    key: 'escale-cw2',
    org: 'escale',
    role: 'caseworker',
    fullName: 'Marc Olivier',
    email: 'marc.olivier@escale-brennoise.example',
    title: 'Travailleur social (hors les murs)',
  },
  {
    key: 'siao-admin',
    org: 'siao',
    role: 'admin',
    fullName: 'Pascal Rey',
    email: 'admin@siao-vb.example',
    title: 'Administrateur SIAO',
  },
  {
    key: 'siao-cw',
    org: 'siao',
    role: 'caseworker',
    fullName: 'Lucie Faure',
    email: 'lucie.faure@siao-vb.example',
    title: 'Coordinatrice SIAO (orientations)',
  },
  {
    key: 'ccapex-cw',
    org: 'ccapex',
    role: 'caseworker',
    fullName: 'Yasmina Chérif',
    email: 'yasmina.cherif@ccapex-vb.example',
    title: 'Travailleuse sociale du secrétariat de la CCAPEX',
  },
  {
    key: 'cd-admin',
    org: 'cd',
    role: 'admin',
    fullName: 'Anne Vasseur',
    email: 'admin@cd-valdebrenne.example',
    title: 'Administratrice FSL',
  },
  {
    key: 'cd-officer',
    org: 'cd',
    role: 'funder_officer',
    fullName: 'Patrick Vidal',
    email: 'patrick.vidal@cd-valdebrenne.example',
    title: 'Chargé de mission FSL',
  },
  {
    key: 'cd-auditor',
    org: 'cd',
    role: 'auditor',
    fullName: 'Odile Mercier',
    email: 'controle@cd-valdebrenne.example',
    title: 'Contrôleuse de gestion (lecture seule)',
  },
  {
    key: 'ddets-admin',
    org: 'ddets',
    role: 'admin',
    fullName: 'François Lebrun',
    email: 'admin@ddets-valdebrenne.example',
    title: 'Administrateur DDETS',
  },
  {
    key: 'ddets-officer',
    org: 'ddets',
    role: 'funder_officer',
    fullName: 'Samia Khelifi',
    email: 'samia.khelifi@ddets-valdebrenne.example',
    title: 'Chargée de mission AVDL',
  },
  {
    key: 'ccas-admin',
    org: 'ccas',
    role: 'admin',
    fullName: 'Gilles Moreau',
    email: 'admin@castelbrenne.example',
    title: 'Responsable du CCAS',
  },
];

export const userId = (key: string) => stableId(`user:${key}`);

export const demoUser = (key: string): DemoUser => {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`Compte de démonstration inconnu : ${key}`);
  return user;
};
