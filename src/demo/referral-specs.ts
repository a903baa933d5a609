import type {
  ContactMethod,
  ContactOutcome,
  MaintenanceReason,
  ReferralKind,
  ReferralStatus,
} from '../shared/contracts/referral-enums.ts';
import type { EvictionStep } from '../shared/contracts/household-enums.ts';
import type { DemoOrgKey, DemoUnitKey } from './territory.ts';

/** [method, outcome, days ago, note]. */
export type AttemptSpec = [ContactMethod, ContactOutcome, number, string?];

/**
 * The demo referrals (saisines): maintenance ones from Habitat Brenne and the CCAPEX, access ones
 * from the SIAO, in every status, so that each screen of the journey has something to show.
 */
export interface ReferralSpec {
  key: string;
  kind: ReferralKind;
  household: string;
  from: DemoOrgKey;
  fromUser: string;
  fromUnit?: DemoUnitKey;
  to: DemoOrgKey;
  status: ReferralStatus;
  sentDaysAgo: number;
  reasons?: MaintenanceReason[];
  arrears?: [number, number];
  /** The latest step of the eviction procedure the referrer reports. */
  evictionStep?: EvictionStep;
  /**
   * Referred from the landlord's monthly arrears files (« Locataires à signaler »): the referral
   * attached the tenant's contract to the file, and the files' balances are the procedure's debt.
   */
  landlordFile?: true;
  readyToLeave?: boolean;
  housingProject?: string;
  freeText: string;
  /** Who decided (accepted, declined, redirected), and when. */
  decidedBy?: string;
  decidedDaysAgo?: number;
  assigned?: string;
  /** Why it was declined or redirected. */
  reason?: string;
  /** For a redirected referral: the key of the referral it was redirected to. */
  redirectedTo?: string;
  firstInterviewDaysAgo?: number;
  attempts?: AttemptSpec[];
}

export const REFERRAL_SPECS: readonly ReferralSpec[] = [
  // --- Maintenance: Habitat Brenne → associations -------------------------------------------
  {
    key: 'm1',
    kind: 'maintenance',
    household: 'h01',
    from: 'habitat',
    fromUser: 'habitat-rental',
    fromUnit: 'centre',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 6,
    reasons: ['arrears', 'loss_of_contact'],
    arrears: [2450, 5],
    evictionStep: 'payment_order',
    freeText:
      'Madame ne répond plus aux courriers depuis la séparation. Les enfants sont scolarisés à Saint-Aubin.',
  },
  {
    key: 'm2',
    kind: 'maintenance',
    household: 'h03',
    from: 'habitat',
    fromUser: 'habitat-social',
    fromUnit: 'haut-val',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 3,
    reasons: ['poor_upkeep', 'health_isolation'],
    freeText: 'Signalement du gardien : logement encombré, monsieur très isolé. Pas d’impayé.',
  },
  {
    key: 'm3',
    kind: 'maintenance',
    household: 'h02',
    from: 'habitat',
    fromUser: 'habitat-rental',
    fromUnit: 'rive-nord',
    to: 'passage',
    status: 'accepted',
    sentDaysAgo: 22,
    reasons: ['arrears', 'eviction_procedure'],
    arrears: [3800, 9],
    evictionStep: 'summons',
    freeText: 'Audience dans trois mois. Le ménage souhaite un échéancier.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 18,
    assigned: 'passage-cw2',
    attempts: [
      ['letter', 'no_answer', 16, 'Courrier de présentation de l’association.'],
      ['phone', 'no_answer', 12],
      ['home_visit', 'appointment_set', 5, 'Madame présente, rendez-vous au local jeudi prochain.'],
    ],
  },
  {
    key: 'm4',
    kind: 'maintenance',
    household: 'h04',
    from: 'habitat',
    fromUser: 'habitat-rental',
    fromUnit: 'centre',
    to: 'passage',
    status: 'accepted',
    sentDaysAgo: 10,
    reasons: ['arrears'],
    arrears: [1200, 3],
    freeText: 'Impayés récents après une baisse d’heures de travail.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 8,
    assigned: 'passage-cw1',
    attempts: [
      ['phone', 'reached', 6, 'Madame rappellera après les congés scolaires pour fixer un rendez-vous.'],
    ],
  },
  {
    key: 'm5',
    kind: 'maintenance',
    household: 'h05',
    from: 'habitat',
    fromUser: 'habitat-rental',
    fromUnit: 'haut-val',
    to: 'passage',
    status: 'declined',
    sentDaysAgo: 35,
    reasons: ['arrears', 'eviction_procedure'],
    arrears: [5600, 16],
    evictionStep: 'judgment',
    freeText: 'Résiliation du bail prononcée, délais de paiement non respectés.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 30,
    reason:
      'Le ménage bénéficie déjà d’une mesure ASLL du CCAS de Castelbrenne : une seconde mesure ferait doublon. Nous proposons une évaluation conjointe en CCAPEX.',
  },
  {
    key: 'm6',
    kind: 'maintenance',
    household: 'h06',
    from: 'habitat',
    fromUser: 'habitat-social',
    fromUnit: 'rive-nord',
    to: 'passage',
    status: 'redirected',
    sentDaysAgo: 28,
    reasons: ['neighbour_trouble'],
    freeText:
      'Troubles de voisinage répétés, monsieur semble en grande difficulté depuis la perte de son emploi.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 24,
    reason: 'Situation relevant d’un accompagnement global hors les murs : réorientée vers L’Escale.',
    redirectedTo: 'm7',
  },
  {
    key: 'm7',
    kind: 'maintenance',
    household: 'h06',
    from: 'habitat',
    fromUser: 'habitat-social',
    fromUnit: 'rive-nord',
    to: 'escale',
    status: 'accepted',
    sentDaysAgo: 24,
    reasons: ['neighbour_trouble'],
    freeText:
      'Troubles de voisinage répétés, monsieur semble en grande difficulté depuis la perte de son emploi.',
    decidedBy: 'escale-admin',
    decidedDaysAgo: 20,
    assigned: 'escale-cw2',
    attempts: [
      ['letter', 'no_answer', 17],
      [
        'home_visit',
        'reached',
        10,
        'Échange sur le palier, monsieur accepte un rendez-vous à l’accueil de jour.',
      ],
    ],
  },
  {
    key: 'm8',
    kind: 'maintenance',
    household: 'h07',
    from: 'habitat',
    fromUser: 'habitat-rental',
    fromUnit: 'rive-nord',
    to: 'passage',
    status: 'case_opened',
    sentDaysAgo: 75,
    reasons: ['arrears', 'eviction_procedure'],
    arrears: [4100, 14],
    evictionStep: 'order_to_leave',
    freeText: 'Commandement de quitter les lieux délivré. Trois enfants au foyer.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 70,
    assigned: 'passage-cw1',
    firstInterviewDaysAgo: 60,
    attempts: [['phone', 'appointment_set', 66]],
  },
  {
    key: 'm9',
    kind: 'maintenance',
    household: 'h08',
    from: 'habitat',
    fromUser: 'habitat-social',
    fromUnit: 'haut-val',
    to: 'passage',
    status: 'case_opened',
    sentDaysAgo: 50,
    reasons: ['arrears'],
    arrears: [1900, 7],
    evictionStep: 'payment_order',
    landlordFile: true,
    freeText: 'Couple qui travaille, impayés liés à un crédit à la consommation.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 47,
    assigned: 'passage-cw2',
    firstInterviewDaysAgo: 38,
    attempts: [['letter', 'appointment_set', 45, 'Rendez-vous proposé par courrier et confirmé par SMS.']],
  },
  // --- Access: SIAO → associations ------------------------------------------------------------
  {
    key: 'a1',
    kind: 'access',
    household: 'h20',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 4,
    readyToLeave: true,
    housingProject: 'T2 sur Brenne Métropole, à proximité d’une crèche.',
    freeText: 'Reconnue prioritaire DALO. Demande de mesure AVDL accès.',
  },
  {
    key: 'a2',
    kind: 'access',
    household: 'h28',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 2,
    readyToLeave: true,
    housingProject: 'T4 aux Aulnes-sur-Brenne pour garder l’école des enfants.',
    freeText: 'Famille à l’hôtel depuis onze mois, monsieur en intérim régulier.',
  },
  {
    key: 'a3',
    kind: 'access',
    household: 'h21',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'accepted',
    sentDaysAgo: 20,
    readyToLeave: true,
    housingProject: 'T1 bis à Montreval, proche du chantier d’insertion.',
    freeText: 'Prêt à sortir selon l’équipe du CHRS.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 15,
    assigned: 'passage-cw2',
    attempts: [['phone', 'appointment_set', 12]],
  },
  {
    key: 'a4',
    kind: 'access',
    household: 'h25',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'declined',
    sentDaysAgo: 40,
    readyToLeave: false,
    housingProject: 'Logement autonome en zone rurale.',
    freeText: 'Au CHRS depuis plus de deux ans.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 34,
    reason:
      'Le projet de monsieur est une pension de famille : un accompagnement AVDL vers le logement ordinaire n’est pas adapté. À présenter en commission SIAO.',
  },
  {
    key: 'a5',
    kind: 'access',
    household: 'h26',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'escale',
    status: 'redirected',
    sentDaysAgo: 26,
    readyToLeave: true,
    housingProject: 'T4 ou T5 à Saint-Aubin-sur-Brenne.',
    freeText: 'Famille de cinq personnes à l’hôtel depuis plus d’un an.',
    decidedBy: 'escale-admin',
    decidedDaysAgo: 21,
    reason: 'Pas de place en accompagnement famille à L’Escale ; Le Passage dispose de mesures AVDL accès.',
    redirectedTo: 'a6',
  },
  {
    key: 'a6',
    kind: 'access',
    household: 'h26',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 21,
    readyToLeave: true,
    housingProject: 'T4 ou T5 à Saint-Aubin-sur-Brenne.',
    freeText: 'Famille de cinq personnes à l’hôtel depuis plus d’un an.',
  },
  {
    key: 'a7',
    kind: 'access',
    household: 'h22',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'passage',
    status: 'case_opened',
    sentDaysAgo: 45,
    readyToLeave: true,
    housingProject: 'T3 à Montreval ou Villemarsan.',
    freeText: 'Proposition de logement Habitat Brenne attendue en CAL.',
    decidedBy: 'passage-manager',
    decidedDaysAgo: 40,
    assigned: 'passage-cw1',
    firstInterviewDaysAgo: 32,
    attempts: [['phone', 'appointment_set', 38]],
  },
  {
    key: 'a8',
    kind: 'access',
    household: 'h27',
    from: 'siao',
    fromUser: 'siao-cw',
    to: 'escale',
    status: 'case_opened',
    sentDaysAgo: 30,
    readyToLeave: true,
    housingProject: 'T2 à Saint-Aubin-sur-Brenne.',
    freeText: 'Jeune mère isolée, à l’hôtel avec un bébé.',
    decidedBy: 'escale-admin',
    decidedDaysAgo: 27,
    assigned: 'escale-cw1',
    firstInterviewDaysAgo: 20,
    attempts: [
      ['phone', 'no_answer', 26],
      ['phone', 'appointment_set', 24],
    ],
  },
  // --- Maintenance: the CCAPEX → associations (a diagnostic and an FSL maintien application) -----
  {
    key: 'c1',
    kind: 'maintenance',
    household: 'h41',
    from: 'ccapex',
    fromUser: 'ccapex-cw',
    to: 'passage',
    status: 'sent',
    sentDaysAgo: 5,
    reasons: ['arrears', 'eviction_procedure'],
    arrears: [2900, 6],
    evictionStep: 'summons',
    freeText:
      'Dossier examiné en CCAPEX : audience dans deux mois. Diagnostic social et financier demandé, et un dossier FSL maintien si un plan d’apurement est tenable.',
  },
  {
    key: 'c2',
    kind: 'maintenance',
    household: 'h42',
    from: 'ccapex',
    fromUser: 'ccapex-cw',
    to: 'escale',
    status: 'accepted',
    sentDaysAgo: 14,
    reasons: ['arrears', 'eviction_procedure', 'health_isolation'],
    arrears: [1750, 5],
    evictionStep: 'summons',
    freeText:
      'Monsieur vit seul, ne se déplace plus aux convocations. La CCAPEX demande une visite à domicile avant l’audience.',
    decidedBy: 'escale-admin',
    decidedDaysAgo: 11,
    assigned: 'escale-cw2',
    attempts: [['home_visit', 'reached', 7, 'Monsieur accepte un rendez-vous pour préparer l’audience.']],
  },
];
