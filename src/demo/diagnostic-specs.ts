import type {
  DiagnosticSection,
  DiagnosticStatus,
  PartnerAudience,
  TDiagnosticContent,
} from '../shared/contracts/diagnostics.ts';
import type { EvictionStep } from '../shared/contracts/household-enums.ts';
import type { PresentationRecord } from '../modules/diagnostics/schema.ts';
import type { DemoOrgKey } from './territory.ts';

/** An urgent action of a diagnostic: a task of the household, raised by that diagnostic. */
export interface DemoUrgentAction {
  /** Names its stable id. */
  key: string;
  title: string;
  owner: { user: string } | { org: DemoOrgKey };
  /** Due this many days before the load date (negative: ahead); null: no due date. */
  dueDaysAgo: number | null;
  done: boolean;
}

const action = (
  key: string,
  title: string,
  owner: DemoUrgentAction['owner'],
  dueDaysAgo: number | null,
  done: boolean,
): DemoUrgentAction => ({ key, title, owner, dueDaysAgo, done });

/** A step of the household's eviction procedure the caseworker learnt while writing the diagnostic. */
export interface DemoEvictionStep {
  step: EvictionStep;
  daysAgo: number;
  note?: string;
}

/** What a diagnostic's content may depend on: dates relative to the load date, the household's file. */
export interface DiagnosticContext {
  /** ISO date `days` before the load date (negative: in the future). */
  day: (days: number) => string;
  month: (months: number) => string;
  adults: number;
  children: number;
  /** Monthly resources of the file, housing benefit excluded, in cents. */
  incomeCents: number;
  /** Monthly expenses of the file, in cents. */
  expensesCents: number;
  debtsCents: number;
  applicationNumber: string | undefined;
}

export interface DiagnosticSpec {
  household: string;
  /** The association caseworker who writes it (user key). */
  caseworker: string;
  status: DiagnosticStatus;
  /** 1 unless it is a later version of the same household's diagnostic. */
  version?: number;
  startedDaysAgo: number;
  /** Last autosave of the draft (the content as it stands). */
  lastSavedDaysAgo: number;
  /** Draft saves before the lifecycle steps: with them, the row's optimistic-locking counter. */
  saves: number;
  content: (ctx: DiagnosticContext) => TDiagnosticContent;
  /** Its urgent actions (a later version lists only those it adds). */
  urgentActions?: DemoUrgentAction[];
  /** Steps of the procedure recorded from it, at its last save. */
  evictionSteps?: DemoEvictionStep[];
  /** Sections the household dictated (besides "needs and expectations", always its words). */
  householdVoice?: DiagnosticSection[];
  presented?: {
    daysAgo: number;
    method: PresentationRecord['method'];
    explanation: string;
  };
  approved?: { daysAgo: number; method: 'typed_name' | 'signature' };
  disagreed?: { daysAgo: number; inHouseholdWords: string };
  shares?: { audience: PartnerAudience; to: DemoOrgKey; daysAgo: number }[];
}

// ---- h11: a former CHRS resident, now tenant; version 1 approved at entry, version 2 a year on ----

const h11Version1 = (c: DiagnosticContext): TDiagnosticContent => ({
  familySituation: {
    maritalStatus: 'single',
    adults: 1,
    children: 0,
    narrative:
      'Monsieur vit seul. Il a repris contact avec sa mère et sa sœur pendant son séjour au CHRS ; il les voit une fois par mois.',
  },
  lifePath: {
    keyEvents: [
      { date: c.month(46), event: 'Perte du logement après une période d’errance et de consommations' },
      { date: c.month(40), event: 'Orientation SIAO vers le CHRS Les Tilleuls' },
      { date: c.month(18), event: 'Entrée dans un T2 Habitat Brenne avec accompagnement AVDL' },
    ],
    narrative:
      'Parcours marqué par une rupture familiale à 20 ans, des emplois saisonniers puis six années sans logement stable.',
  },
  administrative: {
    identityPapersValid: true,
    socialSecurity: 'css',
    bankAccount: true,
    daloRecognised: false,
    socialHousingApplicationNumber: c.applicationNumber,
    justiceNotes:
      'Sursis probatoire avec obligation de soins et de travail ; rendez-vous mensuel avec la CPIP du SPIP de Saint-Aubin.',
  },
  finances: {
    monthlyIncomeCents: c.incomeCents,
    debtsTotalCents: 0,
    overindebtedness: 'none',
    narrative: 'Ressources faibles mais régulières. Monsieur tient un carnet de dépenses depuis le CHRS.',
  },
  employment: {
    status: 'job_seeker',
    contractType: 'none',
    narrative:
      'Inscrit à France Travail, parcours avec un conseiller emploi renforcé. Piste en espaces verts.',
  },
  health: {
    followUp: true,
    followUpNotes: 'Suivi au CSAPA de Saint-Aubin tous les quinze jours, traitement de substitution stable.',
    addictionNotes: 'Abstinence à l’alcool depuis deux ans selon monsieur et le CSAPA.',
  },
  residentialProject: {
    housingType: 'social_rental',
    typology: 't2',
    preferredAreas: 'Les Aulnes-sur-Brenne, près de la ligne de bus vers Saint-Aubin',
    maxRentCents: 36_000,
    narrative:
      'Le T2 proposé aux Aulnes correspond au projet ; monsieur souhaite un rez-de-chaussée ou un 1er étage.',
  },
  rights: [
    { benefit: 'rsa', status: 'opened' },
    { benefit: 'housing_benefit', status: 'to_open', note: 'Dossier APL à déposer dès la signature du bail' },
    { benefit: 'css', status: 'opened' },
    { benefit: 'fsl', status: 'pending', note: 'FSL accès : dépôt de garantie et premier mois' },
  ],
  housingHistory: {
    shelters: [{ name: 'CHRS Les Tilleuls', from: c.month(40), to: c.month(18) }],
    narrative: 'Aucun bail à son nom avant l’entrée dans le logement. Pas de dette locative.',
  },
  currentDwelling: {
    hasDwelling: true,
    status: 'social_tenant',
    decency: 'decent',
    overcrowded: false,
    fitsHousehold: true,
    rentCents: 33_500,
    narrative: 'Entrée dans les lieux le mois dernier. Logement meublé avec l’aide d’une ressourcerie.',
  },
  needsAndExpectations: {
    inHouseholdWords:
      'Avoir enfin mes clés et tenir le coup. Je veux payer mon loyer tous les mois et trouver un travail dehors, pas enfermé.',
  },
  conclusion: {
    needVsMarket:
      'Besoin d’un T2 à loyer modéré, disponible sur le parc Habitat Brenne des Aulnes : l’attribution est faite.',
    tactic:
      'Accompagnement AVDL de six mois puis gestion locative adaptée : rendez-vous mensuel, point loyer, lien avec le CSAPA et le SPIP.',
    capacityToActAlone: 'partly',
    capacityNotes: 'Autonome pour le quotidien ; a besoin d’appui pour les courriers administratifs.',
  },
});

const h11Version2 = (c: DiagnosticContext): TDiagnosticContent => {
  const v1 = h11Version1(c);
  return {
    ...v1,
    finances: {
      monthlyIncomeCents: c.incomeCents,
      debtsTotalCents: c.debtsCents,
      repaymentPlan: false,
      overindebtedness: 'none',
      narrative:
        'Impayé apparu il y a quatre mois après une suspension du RSA (déclaration trimestrielle oubliée). Droits rétablis.',
    },
    housingHistory: {
      ...v1.housingHistory,
      arrearsCents: c.debtsCents,
      arrearsSince: c.month(4),
      arrearsRepaymentPlan: false,
    },
  };
};

export const DIAGNOSTIC_SPECS: readonly DiagnosticSpec[] = [
  // ---- Shared: landlord version to Habitat Brenne (its tenant) ----
  {
    household: 'h07',
    caseworker: 'passage-cw1',
    status: 'shared',
    startedDaysAgo: 55,
    lastSavedDaysAgo: 26,
    saves: 9,
    content: (c) => ({
      familySituation: {
        maritalStatus: 'separated',
        adults: c.adults,
        children: c.children,
        custodyArrangements: 'Résidence des trois enfants chez madame ; pas de droit de visite en cours.',
        familyConflictNotes:
          'Séparation avec violences conjugales en 2025. Ordonnance de protection : l’adresse ne doit pas être communiquée à l’ex-conjoint.',
        narrative:
          'Madame élève seule ses trois enfants (14, 10 et 3 ans). Les deux aînés sont scolarisés à Montreval, le plus jeune va à la crèche deux jours par semaine.',
      },
      lifePath: {
        keyEvents: [
          { date: c.month(96), event: 'Attribution du logement actuel' },
          { date: c.month(15), event: 'Départ du conjoint, baisse des ressources du foyer' },
        ],
      },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'css',
        bankAccount: true,
        daloRecognised: false,
      },
      finances: {
        monthlyIncomeCents: c.incomeCents,
        monthlyExpensesCents: c.expensesCents,
        debtsTotalCents: c.debtsCents,
        repaymentPlan: true,
        overindebtedness: 'none',
        narrative:
          'La dette vient des mois qui ont suivi la séparation (un seul revenu, APL recalculée tardivement). Le loyer courant est repris depuis deux mois.',
      },
      employment: {
        status: 'inactive',
        narrative:
          'Madame souhaite une formation d’auxiliaire de puériculture quand le plus jeune entrera à l’école.',
      },
      health: {
        followUp: true,
        followUpNotes: 'Suivi au CMP de Montreval pour madame et son fils aîné, une fois par mois.',
        mentalHealthNotes:
          'Fatigue importante, sommeil perturbé depuis la séparation ; madame en parle librement.',
      },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't4',
        preferredAreas: 'Montreval-la-Rivière (logement actuel)',
        constraints: 'Maintien dans le logement : les enfants sont scolarisés dans le quartier.',
        narrative:
          'Le projet est de rester dans le logement en soldant la dette par le plan signé et une aide du FSL.',
      },
      stepsUnderWay: {
        items: [
          {
            label: 'Dossier FSL maintien (aide au paiement de la dette)',
            startedOn: c.day(50),
            status: 'in_progress',
          },
          { label: 'Révision de l’APL après séparation', startedOn: c.day(52), status: 'done' },
        ],
      },
      rights: [
        { benefit: 'rsa', status: 'opened', note: 'RSA majoré parent isolé' },
        { benefit: 'family_benefits', status: 'opened' },
        { benefit: 'housing_benefit', status: 'opened' },
        { benefit: 'fsl', status: 'pending' },
      ],
      housingHistory: {
        arrearsCents: c.debtsCents,
        arrearsSince: c.month(14),
        arrearsRepaymentPlan: true,
        previousTenancies: [
          { landlordName: 'Bailleur privé', from: c.month(130), to: c.month(96), endReason: 'moved' },
        ],
        narrative: 'Locataire Habitat Brenne depuis huit ans sans incident avant la séparation.',
      },
      currentDwelling: {
        hasDwelling: true,
        status: 'social_tenant',
        decency: 'decent',
        overcrowded: false,
        fitsHousehold: true,
        rentCents: 51_700,
        narrative: 'Logement bien entretenu, visite à domicile faite.',
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Je veux garder mon appartement, c’est chez nous, les enfants ont leurs amis ici. Je paie ce que je peux chaque mois, j’ai besoin qu’on m’aide pour la dette.',
      },
      conclusion: {
        needVsMarket:
          'Le logement actuel est adapté à la famille et le loyer reste soutenable avec l’APL recalculée.',
        tactic:
          'Maintien : plan d’apurement de 60 € par mois respecté, dossier FSL maintien pour réduire la dette, accompagnement budgétaire mensuel pendant six mois.',
        capacityToActAlone: 'partly',
        capacityNotes: 'Madame gère son budget mais les démarches l’épuisent en ce moment.',
      },
      notes: [
        {
          text: 'Madame a apporté tous les justificatifs demandés dès le deuxième rendez-vous.',
          confidential: false,
        },
        { text: 'Ne jamais laisser de message vocal sur le téléphone fixe.', confidential: true },
      ],
    }),
    urgentActions: [
      action('h07-fsl', 'Déposer le dossier FSL maintien', { user: 'passage-cw1' }, 40, true),
      action('h07-serrure', 'Changement de serrure demandé', { org: 'habitat' }, 35, true),
      action(
        'h07-caf',
        'Transmettre à la CAF le jugement de résidence des enfants',
        { user: 'passage-cw1' },
        4,
        false,
      ),
    ],
    // A step the referral did not report, on the procedure it opened.
    evictionSteps: [
      {
        step: 'ccapex_referral',
        daysAgo: 45,
        note: 'Saisine de la CCAPEX par Le Passage, avec le dossier FSL maintien.',
      },
    ],
    presented: {
      daysAgo: 24,
      method: 'home_visit',
      explanation:
        'Relecture de chaque rubrique au domicile. Explication de ce que verra Habitat Brenne : la situation du logement, la dette et le plan, pas la santé ni la séparation.',
    },
    approved: { daysAgo: 21, method: 'typed_name' },
    shares: [{ audience: 'landlord', to: 'habitat', daysAgo: 20 }],
  },
  // ---- Shared: committee version to the SIAO (CHRS, prête à sortir, DALO) ----
  {
    household: 'h20',
    caseworker: 'escale-cw1',
    status: 'shared',
    startedDaysAgo: 70,
    lastSavedDaysAgo: 20,
    saves: 7,
    content: (c) => ({
      familySituation: {
        maritalStatus: 'single',
        adults: c.adults,
        children: c.children,
        narrative:
          'Madame vit avec sa fille de deux ans, qui va à la crèche de Montreval trois jours par semaine.',
      },
      lifePath: {
        keyEvents: [
          { date: c.month(20), event: 'Hébergée chez sa tante après la naissance de sa fille' },
          { date: c.month(14), event: 'Rupture de l’hébergement familial, accueil au CHRS Les Tilleuls' },
          { date: c.month(5), event: 'Reconnue prioritaire DALO' },
        ],
      },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'css',
        bankAccount: true,
        daloRecognised: true,
        socialHousingApplicationNumber: c.applicationNumber,
      },
      finances: {
        monthlyIncomeCents: c.incomeCents,
        debtsTotalCents: 0,
        repaymentPlan: false,
        overindebtedness: 'none',
        narrative: 'Participation au CHRS toujours payée. Épargne de 400 € constituée pour l’installation.',
      },
      employment: {
        status: 'training',
        contractType: 'none',
        narrative: 'Formation d’agente de restauration collective en cours, fin prévue dans deux mois.',
      },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't2',
        preferredAreas: 'Brenne Métropole : Montreval-la-Rivière, Saint-Aubin-sur-Brenne',
        maxRentCents: 36_000,
        constraints: 'Proche d’une ligne de bus et de la crèche.',
        narrative: 'Projet stable et réaliste, travaillé depuis l’entrée au CHRS.',
      },
      rights: [
        { benefit: 'rsa', status: 'opened' },
        { benefit: 'family_benefits', status: 'opened', note: 'PAJE' },
        { benefit: 'housing_benefit', status: 'to_open' },
        { benefit: 'fsl', status: 'to_open', note: 'FSL accès à demander à l’attribution' },
      ],
      housingHistory: {
        shelters: [{ name: 'CHRS Les Tilleuls', from: c.month(14) }],
        narrative: 'Jamais titulaire d’un bail. Aucune dette locative.',
      },
      currentDwelling: {
        hasDwelling: false,
        status: 'shelter',
        withoutHousingSince: c.month(14),
        shelterApplications: 'Hébergée au CHRS Les Tilleuls (chambre avec kitchenette).',
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Un appartement à moi pour ma fille et moi, pas trop loin de la crèche. Je suis prête, je sais faire mon budget.',
      },
      conclusion: {
        needVsMarket:
          'T2 à loyer PLAI ou PLUS recherché sur Brenne Métropole, secteur où l’offre de T2 se libère plusieurs fois par trimestre.',
        tactic:
          'Proposition sur le contingent préfectoral (DALO) ; accompagnement vers et dans le logement de six mois à la sortie.',
        capacityToActAlone: 'alone',
      },
      budgetSummary: {
        monthlyIncomeCents: c.incomeCents,
        estimatedHousingBenefitCents: 29_500,
        remainingToLiveCents: 74_000,
        effortRatePercent: 9.8,
      },
    }),
    urgentActions: [
      action('h20-visale', 'Demander la garantie Visale', { user: 'escale-cw1' }, 30, true),
      action('h20-dalo', 'Relancer la préfecture sur le relogement DALO', { user: 'escale-cw1' }, 3, false),
    ],
    presented: {
      daysAgo: 18,
      method: 'face_to_face',
      explanation:
        'Diagnostic relu ensemble au CHRS. Madame sait que la version comité va au SIAO, avec la grille de capacité à habiter mais sans les commentaires.',
    },
    approved: { daysAgo: 17, method: 'signature' },
    shares: [{ audience: 'committee', to: 'siao', daysAgo: 12 }],
  },
  // ---- Shared: committee version to the SIAO (DALO, violences) ----
  {
    household: 'h24',
    caseworker: 'escale-cw1',
    status: 'shared',
    startedDaysAgo: 90,
    lastSavedDaysAgo: 48,
    saves: 11,
    content: (c) => ({
      familySituation: {
        maritalStatus: 'separated',
        adults: c.adults,
        children: c.children,
        custodyArrangements:
          'Garde exclusive à madame, procédure en cours devant le juge aux affaires familiales.',
        familyConflictNotes:
          'Victime de violences conjugales, plainte déposée. Éloignement géographique nécessaire : aucun logement sur Villemarsan.',
      },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'css',
        bankAccount: true,
        daloRecognised: true,
        socialHousingApplicationNumber: c.applicationNumber,
      },
      finances: {
        monthlyIncomeCents: c.incomeCents,
        debtsTotalCents: 0,
        overindebtedness: 'none',
      },
      employment: { status: 'job_seeker', contractType: 'none' },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't3',
        preferredAreas: 'Saint-Aubin-sur-Brenne, Montreval-la-Rivière, Les Aulnes-sur-Brenne',
        maxRentCents: 45_000,
        constraints:
          'Pas de logement sur Villemarsan (motif connu de l’accompagnante). Écoles des enfants à Montreval.',
      },
      rights: [
        { benefit: 'rsa', status: 'opened' },
        { benefit: 'family_benefits', status: 'opened' },
        { benefit: 'housing_benefit', status: 'to_open' },
      ],
      housingHistory: {
        shelters: [{ name: 'CHRS Les Tilleuls', from: c.month(13) }],
        narrative: 'Ancien logement au nom du conjoint, quitté en urgence.',
      },
      currentDwelling: {
        hasDwelling: false,
        status: 'shelter',
        withoutHousingSince: c.month(13),
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Être en sécurité avec mes enfants, loin de lui. Un T3 avec une porte qui ferme bien.',
      },
      conclusion: {
        needVsMarket:
          'T3 recherché sur Brenne Métropole hors Villemarsan ; offre suffisante sur le contingent préfectoral.',
        tactic: 'Relogement prioritaire DALO et PDALPD, accompagnement dans le logement de douze mois.',
        capacityToActAlone: 'partly',
      },
      notes: [{ text: 'Visites de logement : toujours accompagnée par l’éducatrice.', confidential: false }],
    }),
    urgentActions: [
      action(
        'h24-jaf',
        'Accompagner madame à l’audience du juge aux affaires familiales',
        { user: 'escale-cw1' },
        20,
        true,
      ),
      action(
        'h24-pdalpd',
        'Mettre à jour la demande de logement (priorité PDALPD)',
        { user: 'escale-cw1' },
        -15,
        false,
      ),
    ],
    presented: {
      daysAgo: 46,
      method: 'face_to_face',
      explanation:
        'Présentation au CHRS, hors présence des enfants. Madame a demandé que rien sur la plainte n’apparaisse dans la version transmise : c’est le cas.',
    },
    approved: { daysAgo: 45, method: 'typed_name' },
    shares: [{ audience: 'committee', to: 'siao', daysAgo: 30 }],
  },
  // ---- Approved by typed name, not shared yet ----
  {
    household: 'h21',
    caseworker: 'escale-cw1',
    status: 'approved',
    startedDaysAgo: 40,
    lastSavedDaysAgo: 12,
    saves: 6,
    content: (c) => ({
      familySituation: { maritalStatus: 'single', adults: c.adults, children: c.children },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'general',
        bankAccount: true,
        daloRecognised: false,
        socialHousingApplicationNumber: c.applicationNumber,
      },
      finances: {
        monthlyIncomeCents: c.incomeCents,
        debtsTotalCents: 0,
        overindebtedness: 'none',
        narrative: 'Épargne de 650 € pour le dépôt de garantie et les premiers meubles.',
      },
      employment: {
        status: 'employed',
        contractType: 'subsidised',
        weeklyHours: 26,
        narrative: 'Chantier d’insertion en maraîchage, renouvelé pour six mois. Encadrant très positif.',
      },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't2',
        preferredAreas: 'Montreval-la-Rivière, Les Aulnes-sur-Brenne',
        maxRentCents: 34_000,
      },
      rights: [
        { benefit: 'activity_bonus', status: 'opened' },
        { benefit: 'housing_benefit', status: 'to_open' },
      ],
      currentDwelling: { hasDwelling: false, status: 'shelter', withoutHousingSince: c.month(11) },
      needsAndExpectations: {
        inHouseholdWords:
          'Un petit appartement pas loin du chantier, pour avoir mon chez-moi et recevoir mon fils le week-end.',
      },
      conclusion: {
        needVsMarket:
          'Petit T2 sur Brenne Métropole, typologie la plus demandée mais délais raisonnables en PLAI.',
        tactic:
          'Demande de logement active, présentation en commission d’attribution avec la garantie Visale.',
        capacityToActAlone: 'alone',
      },
    }),
    urgentActions: [action('h21-visale', 'Obtenir le visa Visale', { user: 'escale-cw1' }, 18, true)],
    presented: {
      daysAgo: 10,
      method: 'face_to_face',
      explanation:
        'Diagnostic relu ligne à ligne au bureau du CHRS ; monsieur a fait corriger la date d’entrée au chantier.',
    },
    approved: { daysAgo: 9, method: 'typed_name' },
  },
  // ---- Version 1 approved with a tablet signature, version 2 in progress ----
  {
    household: 'h11',
    caseworker: 'passage-cw2',
    status: 'approved',
    startedDaysAgo: 295,
    lastSavedDaysAgo: 282,
    saves: 8,
    content: h11Version1,
    urgentActions: [
      action('h11-apl', 'Déposer la demande d’APL à la CAF', { user: 'passage-cw2' }, 280, true),
      action('h11-energie', 'Ouvrir le contrat d’électricité', { user: 'passage-cw2' }, 285, true),
    ],
    presented: {
      daysAgo: 280,
      method: 'face_to_face',
      explanation:
        'Présentation au bureau du Passage à l’entrée dans le logement ; la version bailleur a été expliquée.',
    },
    approved: { daysAgo: 279, method: 'signature' },
  },
  {
    household: 'h11',
    caseworker: 'passage-cw2',
    status: 'draft',
    version: 2,
    startedDaysAgo: 12,
    lastSavedDaysAgo: 3,
    saves: 4,
    content: h11Version2,
    urgentActions: [
      action('h11-plan', 'Proposer un plan d’apurement à Habitat Brenne', { user: 'passage-cw2' }, 10, false),
      action(
        'h11-rsa-rappel',
        'Mettre en place un rappel pour la déclaration trimestrielle RSA',
        { user: 'passage-cw2' },
        6,
        true,
      ),
    ],
    // The arrears open a procedure the file did not know of yet.
    evictionSteps: [
      { step: 'first_unpaid_rent', daysAgo: 120 },
      { step: 'caf_signal', daysAgo: 60, note: 'Signalement fait par Habitat Brenne, selon monsieur.' },
    ],
  },
  // ---- Presented, waiting for the household's answer ----
  {
    household: 'h37',
    caseworker: 'passage-cw1',
    status: 'presented',
    startedDaysAgo: 35,
    lastSavedDaysAgo: 5,
    saves: 10,
    content: (c) => ({
      familySituation: {
        maritalStatus: 'single',
        adults: c.adults,
        children: c.children,
        narrative:
          'Madame vit avec ses trois enfants de 13, 10 et 6 ans. L’aîné a de l’asthme aggravé par l’humidité.',
      },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'css',
        bankAccount: true,
        daloRecognised: true,
        socialHousingApplicationNumber: c.applicationNumber,
      },
      finances: { monthlyIncomeCents: c.incomeCents, debtsTotalCents: 0, overindebtedness: 'none' },
      employment: { status: 'inactive' },
      health: {
        followUp: true,
        followUpNotes:
          'Asthme du fils aîné suivi par le pneumologue ; certificat médical joint au recours DALO.',
      },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't4',
        preferredAreas: 'Saint-Aubin-sur-Brenne',
        maxRentCents: 52_000,
        constraints: 'Logement sain et sec, chauffage collectif de préférence.',
      },
      housingHistory: {
        previousTenancies: [{ landlordName: 'M. Dubreuil (bailleur privé)', from: c.month(48) }],
        narrative: 'Loyer toujours payé malgré l’état du logement.',
      },
      currentDwelling: {
        hasDwelling: true,
        status: 'private_tenant',
        decency: 'insalubrious',
        overcrowded: false,
        fitsHousehold: false,
        rentCents: 61_000,
        narrative:
          'Humidité dans toutes les pièces, installation électrique dangereuse ; arrêté du maire pris.',
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Partir de cet appartement qui rend mon fils malade. Rester à Saint-Aubin pour l’école, et payer un loyer qui ne nous prend pas tout.',
      },
      conclusion: {
        needVsMarket: 'T4 social sur Saint-Aubin : offre rare, délai estimé de six à neuf mois hors DALO.',
        tactic:
          'Relogement DALO prioritaire ; en attente, travaux d’urgence exigés du propriétaire et APL consignée.',
        capacityToActAlone: 'alone',
      },
    }),
    urgentActions: [
      action(
        'h37-consignation',
        'Demander la consignation de l’APL à la CAF',
        { user: 'passage-cw1' },
        20,
        true,
      ),
      action('h37-relogement', 'Signaler le ménage au contingent préfectoral', { org: 'passage' }, 2, false),
      action('h37-visite', 'Visite du logement proposé rue des Acacias', { user: 'passage-cw1' }, -7, false),
    ],
    presented: {
      daysAgo: 3,
      method: 'home_visit',
      explanation:
        'Relecture au domicile. Madame souhaite en parler avec sa sœur avant de signer ; nouveau rendez-vous dans une semaine.',
    },
  },
  // ---- Disagreement, in the household's words ----
  {
    household: 'h31',
    caseworker: 'passage-cw1',
    status: 'disagreed',
    startedDaysAgo: 50,
    lastSavedDaysAgo: 16,
    saves: 8,
    content: (c) => ({
      familySituation: {
        maritalStatus: 'separated',
        adults: c.adults,
        children: c.children,
        familyConflictNotes: 'Tensions fortes avec sa mère qui l’héberge ; disputes devant les enfants.',
      },
      administrative: {
        identityPapersValid: true,
        socialSecurity: 'css',
        bankAccount: true,
        daloRecognised: true,
        socialHousingApplicationNumber: c.applicationNumber,
      },
      finances: { monthlyIncomeCents: c.incomeCents, debtsTotalCents: 0, overindebtedness: 'none' },
      employment: { status: 'job_seeker' },
      residentialProject: {
        housingType: 'social_rental',
        typology: 't3',
        preferredAreas: 'Castelbrenne, Haut-Val',
        maxRentCents: 42_000,
      },
      currentDwelling: {
        hasDwelling: true,
        status: 'hosted_by_third_party',
        overcrowded: true,
        fitsHousehold: false,
        narrative: 'Quatre personnes dans le T2 de sa mère ; les enfants dorment dans le salon.',
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Un T3 à Castelbrenne, mes enfants sont à l’école ici. Je ne veux pas repartir en foyer.',
      },
      conclusion: {
        needVsMarket:
          'Peu de T3 libérés à Castelbrenne ; le délai peut dépasser un an. Les Aulnes et Montreval offrent davantage de logements.',
        tactic:
          'Élargir la demande à Brenne Métropole et envisager une résidence sociale en attendant, pour sortir de la sur-occupation.',
        capacityToActAlone: 'alone',
      },
    }),
    // The CCAS is no party to the file: the caseworker makes the request.
    urgentActions: [
      action('h31-ccas', 'Demande d’aide alimentaire au CCAS', { user: 'passage-cw1' }, 10, true),
    ],
    presented: {
      daysAgo: 14,
      method: 'face_to_face',
      explanation:
        'Présentation au bureau ; discussion longue sur le secteur et sur la résidence sociale proposée en attendant.',
    },
    disagreed: {
      daysAgo: 14,
      inHouseholdWords:
        'Je ne suis pas d’accord avec la conclusion. Je ne veux pas aller en résidence sociale ni à Montreval : les enfants sont à l’école à Castelbrenne et ma mère garde la petite. Le reste est juste.',
    },
  },
  // ---- Drafts in progress ----
  {
    household: 'h27',
    caseworker: 'escale-cw1',
    status: 'draft',
    startedDaysAgo: 18,
    lastSavedDaysAgo: 6,
    saves: 4,
    content: (c) => ({
      familySituation: { maritalStatus: 'single', adults: c.adults, children: c.children },
      administrative: { identityPapersValid: true, socialSecurity: 'css' },
      currentDwelling: {
        hasDwelling: false,
        status: 'hotel',
        withoutHousingSince: c.month(7),
        shelterApplications: 'Hôtel de la Gare, nuitées 115 renouvelées chaque semaine. Pas de cuisine.',
      },
      needsAndExpectations: {
        inHouseholdWords: 'Pouvoir faire à manger à mon bébé. Une chambre ailleurs qu’à l’hôtel.',
      },
    }),
    urgentActions: [
      action('h27-pmi', 'Rendez-vous PMI pour le bébé', { user: 'escale-cw1' }, 6, false),
      action('h27-dls', 'Déposer une demande de logement social', { user: 'escale-cw1' }, -12, false),
    ],
  },
  {
    household: 'h30',
    caseworker: 'passage-cw2',
    status: 'draft',
    startedDaysAgo: 24,
    lastSavedDaysAgo: 2,
    saves: 5,
    content: (c) => ({
      familySituation: { maritalStatus: 'single', adults: c.adults, children: c.children },
      employment: {
        status: 'employed',
        contractType: 'interim',
        weeklyHours: 35,
        narrative: 'Missions régulières chez le même logisticien depuis huit mois ; embauche en CDI évoquée.',
      },
      currentDwelling: {
        hasDwelling: true,
        status: 'hosted_by_third_party',
        overcrowded: true,
        narrative: 'Dort sur le canapé du salon chez sa sœur, qui a deux enfants.',
      },
      residentialProject: {
        housingType: 'social_rental',
        preferredAreas: 'Villemarsan, près de la zone d’activités',
      },
      needsAndExpectations: {
        inHouseholdWords:
          'Avoir mon studio ou un petit T2 pour ne plus déranger ma sœur. Je peux payer, je travaille.',
      },
    }),
    urgentActions: [
      action('h30-dls', 'Créer la demande de logement social en ligne', { user: 'passage-cw2' }, -5, false),
    ],
  },
  {
    household: 'h22',
    caseworker: 'escale-cw1',
    status: 'draft',
    startedDaysAgo: 30,
    lastSavedDaysAgo: 9,
    saves: 3,
    content: (c) => ({
      familySituation: { maritalStatus: 'couple', adults: c.adults, children: c.children },
      finances: {
        monthlyIncomeCents: c.incomeCents,
        narrative: 'ARE de monsieur jusqu’à la fin de l’année.',
      },
      currentDwelling: { hasDwelling: false, status: 'shelter', withoutHousingSince: c.month(9) },
      residentialProject: { housingType: 'social_rental', typology: 't3' },
    }),
  },
];
