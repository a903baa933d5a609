import type {
  DebtKind,
  HousingSituation,
  ResourceType,
  Sensitivity,
} from '../shared/contracts/household-enums.ts';
import type { DemoUnitKey } from './territory.ts';

/**
 * The demo households, written as situations a social worker of the field would recognise (arrears and
 * eviction, shelters and hotels, sliding leases, DALO). Names and exact dates are drawn from a seeded generator in households.ts; what
 * makes each situation (housing, money, debts, notes, who follows it) is written here.
 * Amounts are in euros per month (2026 orders of magnitude: RSA 646.52 € for a single person,
 * AAH 1 033.32 €, net minimum wage 1 426 € full time).
 */
export interface AdultSpec {
  sex: 'F' | 'M';
  age: number;
}

/** [type, euros per month, adult index (null: whole household), note]. */
export type ResourceSpec = [ResourceType, number, (0 | 1 | null)?, string?];

export interface DebtSpec {
  kind: DebtKind;
  euros: number;
  sinceMonths: number;
  creditor: string;
  plan?: boolean;
  note?: string;
}

/** [author user key, sensitivity, body, days ago]. */
export type NoteSpec = [string, Sensitivity, string, number];

/** [situation, from (months ago), to (months ago), end reason]. */
export type HistorySpec = [HousingSituation, number, number, string];

export interface HouseholdSpec {
  key: string;
  adults: [AdultSpec, ...AdultSpec[]];
  childAges?: number[];
  situation: HousingSituation;
  sinceMonths: number;
  commune: string;
  /** A Habitat Brenne dwelling (social tenancy, or a sublease held by an association). */
  unit?: DemoUnitKey;
  /** Rent and charges in euros, for a tenancy or a sublease. */
  rent?: [number, number];
  privateLandlord?: string;
  shelter?: string;
  resources: ResourceSpec[];
  debts?: DebtSpec[];
  /** The association caseworker who follows the household with its consent (user key). */
  followedBy?: string;
  /** The SIAO knows the household (sheltered, registered at intake) with its consent. */
  siao?: boolean;
  daloMonthsAgo?: number;
  pdalpd?: boolean;
  health?: string;
  justice?: string;
  familyConflict?: string;
  notes?: NoteSpec[];
  history?: HistorySpec[];
  closed?: boolean;
}

const F = (age: number): AdultSpec => ({ sex: 'F', age });
const M = (age: number): AdultSpec => ({ sex: 'M', age });

export const HOUSEHOLD_SPECS: readonly HouseholdSpec[] = [
  // --- Tenants of Habitat Brenne --------------------------------------------------------------
  {
    key: 'h01',
    adults: [F(36)],
    childAges: [11, 7],
    situation: 'social_tenant',
    sinceMonths: 70,
    commune: 'saint-aubin',
    unit: 'centre',
    rent: [452, 86],
    resources: [
      ['rsa', 1004.2, 0, 'Après forfait logement'],
      ['family_benefits', 151.05, null, 'Allocations familiales, 2 enfants'],
      ['family_benefits', 398.36, null, 'ASF, 2 enfants'],
      ['housing_benefit', 386, null, 'APL versée au bailleur'],
    ],
    debts: [
      { kind: 'rent_arrears', euros: 2450, sinceMonths: 5, creditor: 'Habitat Brenne' },
      { kind: 'energy', euros: 318, sinceMonths: 3, creditor: 'Fournisseur d’électricité' },
    ],
    notes: [
      [
        'habitat-rental',
        'landlord_visible',
        'Cinq mois d’impayés depuis la séparation. Deux relances amiables sans réponse, commandement de payer délivré.',
        40,
      ],
    ],
    history: [['hosted_by_third_party', 84, 70, 'Attribution d’un T3 Habitat Brenne']],
  },
  {
    key: 'h02',
    adults: [M(42), F(39)],
    childAges: [15, 12, 6],
    situation: 'social_tenant',
    sinceMonths: 120,
    commune: 'montreval',
    unit: 'rive-nord',
    rent: [528, 104],
    resources: [
      ['wages', 912, 0, 'Agent de propreté, temps partiel 24 h'],
      ['are', 684, 1, 'ARE depuis la fin de son CDD'],
      ['family_benefits', 344.57, null, 'Allocations familiales, 3 enfants'],
      ['family_benefits', 197.6, null, 'Complément familial'],
      ['housing_benefit', 312, null],
      ['activity_bonus', 164],
    ],
    debts: [{ kind: 'rent_arrears', euros: 3800, sinceMonths: 9, creditor: 'Habitat Brenne' }],
    notes: [
      [
        'habitat-rental',
        'landlord_visible',
        'Assignation délivrée, audience au tribunal judiciaire dans trois mois. Le ménage dit vouloir reprendre le paiement.',
        20,
      ],
    ],
  },
  {
    key: 'h03',
    adults: [M(58)],
    situation: 'social_tenant',
    sinceMonths: 190,
    commune: 'castelbrenne',
    unit: 'haut-val',
    rent: [341, 62],
    resources: [
      ['aah', 1033.32, 0],
      ['housing_benefit', 248],
    ],
    notes: [
      [
        'habitat-social',
        'landlord_visible',
        'Logement très encombré signalé par le gardien, odeurs dans la cage d’escalier. Monsieur ouvre difficilement sa porte.',
        12,
      ],
    ],
  },
  {
    key: 'h04',
    adults: [F(34)],
    childAges: [4],
    situation: 'social_tenant',
    sinceMonths: 30,
    commune: 'saint-aubin',
    unit: 'centre',
    rent: [398, 71],
    resources: [
      ['wages', 874, 0, 'Aide à domicile, temps partiel'],
      ['activity_bonus', 287],
      ['family_benefits', 199.18, null, 'ASF'],
      ['housing_benefit', 274],
    ],
    debts: [{ kind: 'rent_arrears', euros: 1200, sinceMonths: 3, creditor: 'Habitat Brenne' }],
  },
  {
    key: 'h05',
    adults: [M(63), F(61)],
    situation: 'social_tenant',
    sinceMonths: 260,
    commune: 'castelbrenne',
    unit: 'haut-val',
    rent: [486, 92],
    resources: [
      ['pension', 1084, 0],
      ['are', 812, 1],
      ['housing_benefit', 96],
    ],
    debts: [{ kind: 'rent_arrears', euros: 5600, sinceMonths: 16, creditor: 'Habitat Brenne' }],
    notes: [
      [
        'habitat-rental',
        'landlord_visible',
        'Jugement de résiliation du bail rendu, délais de paiement non respectés. Suivi par le CCAS de Castelbrenne (mesure ASLL).',
        30,
      ],
    ],
  },
  {
    key: 'h06',
    adults: [M(41)],
    situation: 'social_tenant',
    sinceMonths: 44,
    commune: 'les-aulnes',
    unit: 'rive-nord',
    rent: [362, 58],
    resources: [
      ['are', 1036, 0],
      ['housing_benefit', 142],
    ],
    notes: [
      [
        'habitat-social',
        'landlord_visible',
        'Plaintes répétées de voisins (bruit la nuit, altercations dans le hall). Monsieur reconnaît des difficultés depuis la perte de son emploi.',
        25,
      ],
    ],
  },
  {
    key: 'h07',
    adults: [F(38)],
    childAges: [14, 10, 3],
    situation: 'social_tenant',
    sinceMonths: 96,
    commune: 'montreval',
    unit: 'rive-nord',
    rent: [517, 101],
    resources: [
      ['rsa', 1291.76, 0, 'RSA majoré (parent isolé)'],
      ['family_benefits', 344.57, null, 'Allocations familiales, 3 enfants'],
      ['family_benefits', 185, null, 'Prestation d’accueil du jeune enfant'],
      ['housing_benefit', 421],
    ],
    debts: [
      {
        kind: 'rent_arrears',
        euros: 4100,
        sinceMonths: 14,
        creditor: 'Habitat Brenne',
        plan: true,
        note: 'Plan d’apurement de 60 € par mois signé',
      },
    ],
    followedBy: 'passage-cw1',
    familyConflict:
      'Séparation avec violences conjugales en 2025, ordonnance de protection en cours. Ne pas communiquer l’adresse à l’ex-conjoint.',
    notes: [
      [
        'passage-cw1',
        'shared',
        'Premier entretien au domicile : madame accepte l’accompagnement, dossier FSL maintien à constituer.',
        60,
      ],
      [
        'passage-cw1',
        'landlord_visible',
        'Reprise du loyer courant depuis deux mois, plan d’apurement respecté.',
        14,
      ],
      [
        'passage-cw1',
        'confidential',
        'Madame évoque un suivi au CMP pour elle et son fils aîné. À ne pas mentionner en comité.',
        30,
      ],
    ],
    history: [['private_tenant', 130, 96, 'Logement trop petit après la naissance du deuxième enfant']],
  },
  {
    key: 'h08',
    adults: [M(45), F(43)],
    childAges: [13, 9],
    situation: 'social_tenant',
    sinceMonths: 150,
    commune: 'castelbrenne',
    unit: 'haut-val',
    rent: [468, 94],
    resources: [
      ['wages', 1426, 0, 'Cariste, CDI temps plein'],
      ['wages', 610, 1, 'Agente de restauration scolaire, temps partiel'],
      ['family_benefits', 151.05],
      ['housing_benefit', 118],
    ],
    debts: [
      { kind: 'rent_arrears', euros: 1900, sinceMonths: 7, creditor: 'Habitat Brenne', plan: true },
      { kind: 'other', euros: 2800, sinceMonths: 12, creditor: 'Organisme de crédit à la consommation' },
    ],
    followedBy: 'passage-cw2',
    notes: [
      [
        'passage-cw2',
        'shared',
        'Budget revu avec le ménage : crédit renouvelable à l’origine des impayés. Dossier de surendettement envisagé.',
        35,
      ],
      ['passage-cw2', 'landlord_visible', 'Plan d’apurement de 80 € par mois proposé au bailleur.', 21],
    ],
  },
  {
    key: 'h09',
    adults: [F(74)],
    situation: 'social_tenant',
    sinceMonths: 320,
    commune: 'saint-genes',
    unit: 'haut-val',
    rent: [312, 55],
    resources: [
      ['pension', 1034.28, 0, 'ASPA'],
      ['housing_benefit', 214],
    ],
    followedBy: 'passage-cw1',
    health:
      'Troubles de la mémoire débutants, suivi par le médecin traitant. Chutes à domicile. Demande d’APA déposée.',
    notes: [
      [
        'passage-cw1',
        'shared',
        'Isolement : plus de contact avec la famille. Mise en place du portage de repas avec le CCAS.',
        45,
      ],
      [
        'passage-cw1',
        'landlord_visible',
        'Demande de mutation vers un logement en rez-de-chaussée à étudier en CAL.',
        10,
      ],
    ],
  },
  {
    key: 'h10',
    adults: [M(33), F(31)],
    childAges: [2],
    situation: 'social_tenant',
    sinceMonths: 26,
    commune: 'saint-aubin',
    unit: 'centre',
    rent: [421, 78],
    resources: [
      ['wages', 1426, 0],
      ['wages', 1180, 1],
      ['housing_benefit', 64],
    ],
    debts: [{ kind: 'rent_arrears', euros: 380, sinceMonths: 1, creditor: 'Habitat Brenne' }],
    notes: [
      [
        'habitat-rental',
        'landlord_visible',
        'Retard ponctuel lié à un changement de banque, relance amiable.',
        8,
      ],
    ],
  },
  {
    key: 'h11',
    adults: [M(29)],
    situation: 'social_tenant',
    sinceMonths: 18,
    commune: 'les-aulnes',
    unit: 'rive-nord',
    rent: [335, 52],
    resources: [
      ['rsa', 568.94, 0, 'Après forfait logement'],
      ['housing_benefit', 287],
    ],
    debts: [{ kind: 'rent_arrears', euros: 900, sinceMonths: 4, creditor: 'Habitat Brenne' }],
    followedBy: 'passage-cw2',
    justice:
      'Condamnation en 2024 (sursis probatoire), obligation de soins et de travail. Suivi SPIP de Saint-Aubin.',
    notes: [
      [
        'passage-cw2',
        'shared',
        'Gestion locative adaptée : rendez-vous mensuel, point sur le paiement du loyer.',
        15,
      ],
      ['passage-cw2', 'confidential', 'Rencontre avec la CPIP : l’obligation de soins est respectée.', 40],
    ],
    history: [
      ['chrs', 40, 18, 'Sortie vers le logement avec accompagnement AVDL'],
      ['street', 46, 40, 'Orientation SIAO vers le CHRS'],
    ],
  },
  {
    key: 'h12',
    adults: [M(47)],
    childAges: [16, 12],
    situation: 'social_tenant',
    sinceMonths: 110,
    commune: 'villemarsan',
    unit: 'centre',
    rent: [489, 97],
    resources: [
      ['are', 978, 0],
      ['family_benefits', 151.05],
      ['family_benefits', 398.36, null, 'ASF, 2 enfants'],
      ['housing_benefit', 206],
    ],
    debts: [{ kind: 'rent_arrears', euros: 6200, sinceMonths: 20, creditor: 'Habitat Brenne' }],
    followedBy: 'passage-cw1',
    notes: [
      [
        'habitat-rental',
        'landlord_visible',
        'Concours de la force publique demandé par l’huissier. Dossier présenté en CCAPEX.',
        18,
      ],
      [
        'passage-cw1',
        'landlord_visible',
        'Proposition d’un bail de sauvegarde au comité : l’association reprendrait le bail et un plan d’apurement.',
        9,
      ],
      [
        'passage-cw1',
        'shared',
        'Monsieur a repris une formation de chauffeur poids lourd, fin prévue dans quatre mois.',
        20,
      ],
    ],
  },
  {
    key: 'h13',
    adults: [M(40), F(37)],
    childAges: [14, 11, 8, 4],
    situation: 'social_tenant',
    sinceMonths: 84,
    commune: 'montreval',
    unit: 'rive-nord',
    rent: [455, 88],
    resources: [
      ['wages', 1426, 0, 'Maçon, CDI'],
      ['family_benefits', 538.1, null, 'Allocations familiales, 4 enfants'],
      ['family_benefits', 197.6, null, 'Complément familial'],
      ['housing_benefit', 331],
      ['activity_bonus', 120],
    ],
    notes: [
      [
        'habitat-social',
        'landlord_visible',
        'Suroccupation (six personnes dans un T3). Demande de mutation vers un T5 enregistrée.',
        50,
      ],
    ],
  },
  {
    key: 'h14',
    adults: [F(45)],
    situation: 'social_tenant',
    sinceMonths: 60,
    commune: 'castelbrenne',
    unit: 'haut-val',
    rent: [329, 57],
    resources: [
      ['aah', 1033.32, 0],
      ['housing_benefit', 231],
    ],
    followedBy: 'escale-cw2',
    health:
      'Troubles psychiques stabilisés, suivi au CMP de Castelbrenne tous les quinze jours. Traitement respecté depuis six mois.',
    notes: [
      [
        'escale-cw2',
        'shared',
        'Accompagnement hors les murs : visite à domicile mensuelle, logement bien tenu.',
        16,
      ],
      [
        'escale-cw2',
        'confidential',
        'Hospitalisation de deux semaines en début d’année, retour à domicile bien préparé.',
        120,
      ],
    ],
  },
  {
    key: 'h15',
    adults: [M(51), F(49)],
    situation: 'social_tenant',
    sinceMonths: 130,
    commune: 'roche-vieille',
    unit: 'haut-val',
    rent: [402, 79],
    resources: [
      ['are', 1143, 0],
      ['rsa', 212.4, null, 'RSA différentiel'],
      ['housing_benefit', 174],
    ],
    debts: [
      { kind: 'energy', euros: 1140, sinceMonths: 8, creditor: 'Fournisseur d’énergie', plan: true },
      { kind: 'rent_arrears', euros: 640, sinceMonths: 2, creditor: 'Habitat Brenne' },
    ],
    followedBy: 'passage-cw2',
    notes: [
      [
        'passage-cw2',
        'shared',
        'Dossier FSL énergie déposé, accord attendu en commission du mois prochain.',
        11,
      ],
    ],
  },
  {
    key: 'h16',
    adults: [M(68)],
    situation: 'social_tenant',
    sinceMonths: 240,
    commune: 'lamarque',
    unit: 'haut-val',
    rent: [296, 51],
    resources: [
      ['pension', 1122, 0],
      ['housing_benefit', 128],
    ],
    followedBy: 'passage-cw1',
    closed: true,
    notes: [
      [
        'passage-cw1',
        'shared',
        'Fin de mesure : dette soldée, loyer payé par prélèvement. Relais au CCAS de Lamarque pour une veille d’un an.',
        75,
      ],
    ],
  },
  // --- Subleases (bail glissant) held by Le Passage in Habitat Brenne dwellings --------------
  {
    key: 'h17',
    adults: [F(30)],
    childAges: [6],
    situation: 'sublet',
    sinceMonths: 10,
    commune: 'saint-aubin',
    unit: 'centre',
    rent: [389, 72],
    resources: [
      ['wages', 1012, 0, 'Employée de libre-service, 28 h'],
      ['activity_bonus', 241],
      ['family_benefits', 199.18, null, 'ASF'],
      ['housing_benefit', 238],
    ],
    followedBy: 'passage-cw1',
    notes: [
      [
        'passage-cw1',
        'landlord_visible',
        'Bail glissant : évaluation à 10 mois favorable, glissement à proposer au prochain comité.',
        7,
      ],
    ],
    history: [['chrs', 28, 10, 'Entrée en sous-location avec bail glissant']],
  },
  {
    key: 'h18',
    adults: [M(35), F(33)],
    childAges: [8, 5],
    situation: 'sublet',
    sinceMonths: 4,
    commune: 'montreval',
    unit: 'rive-nord',
    rent: [447, 84],
    resources: [
      ['rsa', 1357.7],
      ['family_benefits', 151.05],
      ['housing_benefit', 352],
    ],
    followedBy: 'passage-cw2',
    notes: [
      [
        'passage-cw2',
        'shared',
        'Premiers pas dans le logement : ouverture des compteurs faite, assurance habitation souscrite.',
        100,
      ],
    ],
    history: [
      ['hotel', 22, 4, 'Sortie d’hôtel vers une sous-location'],
      ['hosted_by_third_party', 30, 22, 'Fin de l’hébergement chez un cousin'],
    ],
  },
  {
    key: 'h19',
    adults: [M(56)],
    situation: 'sublet',
    sinceMonths: 15,
    commune: 'castelbrenne',
    unit: 'haut-val',
    rent: [318, 49],
    resources: [
      ['aah', 1033.32, 0],
      ['housing_benefit', 222],
    ],
    followedBy: 'passage-cw2',
    health: 'Suivi en addictologie (alcool), abstinent depuis un an selon le CSAPA.',
    notes: [
      ['passage-cw2', 'landlord_visible', 'Relation de voisinage apaisée depuis la médiation de l’été.', 33],
    ],
  },
  // --- CHRS Les Tilleuls (L'Escale) ----------------------------------------------------------
  {
    key: 'h20',
    adults: [F(27)],
    childAges: [2],
    situation: 'chrs',
    sinceMonths: 14,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [
      ['rsa', 969.78, 0],
      ['family_benefits', 185, null, 'PAJE'],
    ],
    followedBy: 'escale-cw1',
    siao: true,
    daloMonthsAgo: 5,
    notes: [
      [
        'escale-cw1',
        'shared',
        'Prête à sortir : demande de logement social active, T2 recherché sur Brenne Métropole.',
        22,
      ],
    ],
    history: [['hosted_by_third_party', 20, 14, 'Rupture de l’hébergement familial']],
  },
  {
    key: 'h21',
    adults: [M(38)],
    situation: 'chrs',
    sinceMonths: 11,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [
      ['wages', 840, 0, 'Contrat en chantier d’insertion'],
      ['activity_bonus', 198],
    ],
    followedBy: 'escale-cw1',
    siao: true,
    notes: [
      ['escale-cw1', 'shared', 'Épargne constituée pour le dépôt de garantie, démarches Visale faites.', 18],
    ],
  },
  {
    key: 'h22',
    adults: [M(32), F(29)],
    childAges: [1],
    situation: 'chrs',
    sinceMonths: 9,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [
      ['are', 1004, 0],
      ['rsa', 159.7, null, 'RSA différentiel'],
      ['family_benefits', 185, null, 'PAJE'],
    ],
    followedBy: 'escale-cw1',
    siao: true,
  },
  {
    key: 'h23',
    adults: [F(26)],
    situation: 'chrs',
    sinceMonths: 6,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [['rsa', 646.52, 0]],
    followedBy: 'escale-cw1',
    siao: true,
    justice: 'Sortie de détention il y a sept mois, aménagement de peine suivi par le SPIP.',
    notes: [
      [
        'escale-cw1',
        'confidential',
        'Rencontre tripartite avec le SPIP : projet de formation d’aide-soignante.',
        25,
      ],
    ],
    history: [['other', 30, 7, 'Sortie de détention']],
  },
  {
    key: 'h24',
    adults: [F(33)],
    childAges: [9, 6],
    situation: 'chrs',
    sinceMonths: 13,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [
      ['rsa', 1163.74, 0],
      ['family_benefits', 151.05],
      ['family_benefits', 398.36, null, 'ASF, 2 enfants'],
    ],
    followedBy: 'escale-cw1',
    siao: true,
    daloMonthsAgo: 8,
    pdalpd: true,
    familyConflict:
      'Victime de violences conjugales, plainte déposée. Éloignement géographique demandé : pas de logement sur Villemarsan.',
    notes: [
      [
        'escale-cw1',
        'shared',
        'Reconnue prioritaire DALO, relogement attendu sur le contingent préfectoral.',
        40,
      ],
    ],
  },
  {
    key: 'h25',
    adults: [M(52)],
    situation: 'chrs',
    sinceMonths: 26,
    commune: 'montreval',
    shelter: 'CHRS Les Tilleuls',
    resources: [['aah', 1033.32, 0]],
    followedBy: 'escale-cw1',
    siao: true,
    health: 'Isolement important et troubles anxieux ; la vie en logement autonome l’inquiète.',
    notes: [['escale-cw1', 'shared', 'Projet pension de famille travaillé avec monsieur.', 12]],
  },
  // --- Hotels paid by the 115 --------------------------------------------------------------------
  {
    key: 'h26',
    adults: [M(37), F(35)],
    childAges: [10, 7, 3],
    situation: 'hotel',
    sinceMonths: 19,
    commune: 'saint-aubin',
    shelter: 'Hôtel du Marché (115)',
    resources: [
      ['rsa', 1616.31],
      ['family_benefits', 344.57],
    ],
    siao: true,
    notes: [
      [
        'siao-cw',
        'shared',
        'Famille à l’hôtel depuis plus d’un an, une seule chambre, scolarité des enfants maintenue.',
        30,
      ],
    ],
  },
  {
    key: 'h27',
    adults: [F(24)],
    childAges: [1],
    situation: 'hotel',
    sinceMonths: 7,
    commune: 'saint-aubin',
    shelter: 'Hôtel de la Gare (115)',
    resources: [
      ['rsa', 969.78, 0],
      ['family_benefits', 185, null, 'PAJE'],
    ],
    siao: true,
  },
  {
    key: 'h28',
    adults: [M(44), F(40)],
    childAges: [12, 9],
    situation: 'hotel',
    sinceMonths: 11,
    commune: 'les-aulnes',
    shelter: 'Hôtel Le Relais des Aulnes (115)',
    resources: [
      ['wages', 1180, 0, 'Intérim dans la logistique'],
      ['family_benefits', 151.05],
      ['activity_bonus', 233],
    ],
    siao: true,
    history: [['private_tenant', 60, 11, 'Expulsion après un congé pour vente']],
  },
  {
    key: 'h29',
    adults: [F(31)],
    childAges: [8, 4],
    situation: 'hotel',
    sinceMonths: 5,
    commune: 'saint-aubin',
    shelter: 'Hôtel du Marché (115)',
    resources: [
      ['are', 1088, 0],
      ['family_benefits', 151.05],
      ['family_benefits', 398.36, null, 'ASF, 2 enfants'],
    ],
    siao: true,
    daloMonthsAgo: 2,
  },
  // --- Hosted by relatives or friends --------------------------------------------------------
  {
    key: 'h30',
    adults: [M(24)],
    situation: 'hosted_by_third_party',
    sinceMonths: 14,
    commune: 'villemarsan',
    resources: [['wages', 1240, 0, 'Intérim, préparateur de commandes']],
    followedBy: 'passage-cw2',
    notes: [
      [
        'passage-cw2',
        'shared',
        'Hébergé chez sa sœur, canapé du salon. Recherche un T1 proche de la zone d’activités.',
        26,
      ],
    ],
  },
  {
    key: 'h31',
    adults: [F(29)],
    childAges: [7, 5],
    situation: 'hosted_by_third_party',
    sinceMonths: 22,
    commune: 'castelbrenne',
    resources: [
      ['rsa', 1163.74, 0],
      ['family_benefits', 151.05],
      ['family_benefits', 398.36, null, 'ASF, 2 enfants'],
    ],
    followedBy: 'passage-cw1',
    daloMonthsAgo: 11,
    pdalpd: true,
    notes: [
      [
        'passage-cw1',
        'shared',
        'Hébergée chez sa mère avec ses deux enfants dans un T2 : sur-occupation et tensions.',
        33,
      ],
    ],
  },
  {
    key: 'h32',
    adults: [M(27), F(25)],
    situation: 'hosted_by_third_party',
    sinceMonths: 8,
    commune: 'saint-aubin',
    resources: [
      ['wages', 960, 0, 'Commis de cuisine'],
      ['wages', 720, 1, 'Vendeuse, temps partiel'],
      ['activity_bonus', 274],
    ],
    followedBy: 'escale-cw2',
  },
  {
    key: 'h33',
    adults: [F(61)],
    situation: 'hosted_by_third_party',
    sinceMonths: 16,
    commune: 'lamarque',
    resources: [
      ['pension', 742, 0, 'Pension d’invalidité'],
      ['rsa', 98.6, null, 'RSA différentiel'],
    ],
    followedBy: 'passage-cw1',
    history: [['private_tenant', 200, 16, 'Logement vendu par le propriétaire']],
  },
  // --- Emergency shelter and the street --------------------------------------------------------
  {
    key: 'h34',
    adults: [M(45)],
    situation: 'shelter',
    sinceMonths: 3,
    commune: 'saint-aubin',
    shelter: 'Accueil de nuit de L’Escale',
    resources: [['rsa', 646.52, 0]],
    followedBy: 'escale-cw2',
    siao: true,
  },
  {
    key: 'h35',
    adults: [M(31)],
    situation: 'shelter',
    sinceMonths: 1,
    commune: 'saint-aubin',
    shelter: 'Accueil de nuit de L’Escale',
    resources: [],
    siao: true,
    notes: [
      [
        'siao-cw',
        'shared',
        'Sans ressources : ouverture des droits RSA en cours, domiciliation faite au CCAS.',
        5,
      ],
    ],
  },
  {
    key: 'h36',
    adults: [M(30), F(28)],
    situation: 'shelter',
    sinceMonths: 2,
    commune: 'montreval',
    shelter: 'Centre d’hébergement d’urgence de Montreval',
    resources: [
      ['are', 1012, 0],
      ['are', 698, 1],
    ],
    followedBy: 'escale-cw2',
    siao: true,
  },
  {
    key: 'h40',
    adults: [M(48)],
    situation: 'street',
    sinceMonths: 30,
    commune: 'saint-aubin',
    resources: [['rsa', 646.52, 0]],
    followedBy: 'escale-cw2',
    siao: true,
    health:
      'Problèmes dentaires et pulmonaires non soignés ; a accepté un rendez-vous à la PASS de l’hôpital.',
    notes: [
      [
        'escale-cw2',
        'shared',
        'Rencontré en maraude, accepte désormais l’accueil de jour deux fois par semaine.',
        9,
      ],
    ],
  },
  // --- Private tenants -----------------------------------------------------------------------------
  {
    key: 'h37',
    adults: [F(39)],
    childAges: [13, 10, 6],
    situation: 'private_tenant',
    sinceMonths: 48,
    commune: 'saint-aubin',
    privateLandlord: 'M. Dubreuil (bailleur privé)',
    rent: [610, 40],
    resources: [
      ['rsa', 1422.35, 0],
      ['family_benefits', 344.57],
      ['housing_benefit', 402],
    ],
    followedBy: 'passage-cw1',
    daloMonthsAgo: 7,
    pdalpd: true,
    notes: [
      [
        'passage-cw1',
        'shared',
        'Logement insalubre (humidité, installation électrique dangereuse), arrêté du maire pris.',
        28,
      ],
    ],
  },
  {
    key: 'h38',
    adults: [M(46), F(44)],
    childAges: [15, 11],
    situation: 'private_tenant',
    sinceMonths: 72,
    commune: 'roche-vieille',
    privateLandlord: 'SCI Les Platanes',
    rent: [720, 60],
    resources: [
      ['wages', 1426, 0],
      ['are', 820, 1],
      ['family_benefits', 151.05],
      ['housing_benefit', 146],
    ],
    debts: [{ kind: 'rent_arrears', euros: 3200, sinceMonths: 8, creditor: 'SCI Les Platanes' }],
    followedBy: 'passage-cw2',
    notes: [
      ['passage-cw2', 'shared', 'Assignation reçue. Dossier FSL maintien et saisine de la CCAPEX faits.', 6],
    ],
  },
  {
    key: 'h39',
    adults: [M(55)],
    situation: 'private_tenant',
    sinceMonths: 130,
    commune: 'castelbrenne',
    privateLandlord: 'Mme Lacombe (bailleur privé)',
    rent: [480, 30],
    resources: [['wages', 1310, 0, 'Agent d’entretien, CDI']],
    followedBy: 'escale-cw2',
    notes: [
      [
        'escale-cw2',
        'shared',
        'Congé pour vente reçu, fin du bail dans cinq mois. Demande de logement social déposée.',
        19,
      ],
    ],
  },
  // --- Tenants the CCAPEX examined after a summons (it refers them to an association) ------------
  {
    key: 'h41',
    adults: [F(52)],
    childAges: [16],
    situation: 'private_tenant',
    sinceMonths: 96,
    commune: 'montreval',
    privateLandlord: 'M. et Mme Vernier (bailleurs privés)',
    rent: [560, 45],
    resources: [
      ['wages', 980, 0, 'Aide à domicile, temps partiel'],
      ['family_benefits', 151.05],
      ['housing_benefit', 268],
    ],
    debts: [{ kind: 'rent_arrears', euros: 2900, sinceMonths: 6, creditor: 'M. et Mme Vernier' }],
  },
  {
    key: 'h42',
    adults: [M(61)],
    situation: 'private_tenant',
    sinceMonths: 150,
    commune: 'castelbrenne',
    privateLandlord: 'SCI du Moulin',
    rent: [430, 35],
    resources: [['aah', 1033.32, 0]],
    debts: [{ kind: 'rent_arrears', euros: 1750, sinceMonths: 5, creditor: 'SCI du Moulin' }],
  },
];
