import type { CapacityCriterion, CapacityScore, ReadinessOpinion } from '../shared/contracts/diagnostics.ts';
import type { Typology } from '../shared/contracts/budget.ts';

/**
 * Scores in the grid's criterion order: occupy (upkeep, rights and duties, equipment and energy,
 * technical incidents), finance (resources, debts, rent payment, rent guarantee, paperwork),
 * environment (collective rules, neighbours, local services).
 */
export type GridScores = [
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
  CapacityScore,
];

export interface CapacitySpec {
  household: string;
  assessor: string;
  daysAgo: number;
  scores: GridScores;
  comments: Partial<Record<CapacityCriterion, string>>;
  /** The caseworker's opinion when it differs from the grid's; the reason is then required. */
  override?: { opinion: ReadinessOpinion; reason: string };
  /** Attached to the household's diagnostic (version 1). */
  withDiagnostic?: boolean;
}

/** Dated grids: two dates show the progress made with the household. */
export const CAPACITY_SPECS: readonly CapacitySpec[] = [
  {
    household: 'h20',
    assessor: 'escale-cw1',
    daysAgo: 150,
    scores: [3, 2, 2, 3, 3, 3, 3, 1, 2, 3, 3, 2],
    comments: {
      rights_and_duties: 'Ne connaît pas encore les obligations du locataire : atelier collectif prévu.',
      equipment_and_energy: 'Consommations électriques élevées dans le studio du CHRS.',
      rent_guarantee: 'Aucun garant familial, Visale pas encore demandée.',
      local_services: 'Se repère à Montreval, pas encore à Saint-Aubin.',
    },
  },
  {
    household: 'h20',
    assessor: 'escale-cw1',
    daysAgo: 22,
    scores: [4, 3, 3, 3, 3, 4, 4, 3, 3, 4, 4, 3],
    comments: {
      rights_and_duties: 'Atelier « droits et devoirs du locataire » suivi en entier.',
      rent_payment: 'Participation au CHRS payée chaque mois sans relance depuis un an.',
      rent_guarantee: 'Visa Visale obtenu.',
    },
    withDiagnostic: true,
  },
  {
    household: 'h21',
    assessor: 'escale-cw1',
    daysAgo: 200,
    scores: [3, 2, 2, 2, 2, 3, 3, 2, 2, 3, 3, 3],
    comments: {
      resources: 'Sans emploi à l’entrée, RSA seul.',
      paperwork: 'Courriers ouverts avec l’éducatrice.',
    },
  },
  {
    household: 'h21',
    assessor: 'escale-cw1',
    daysAgo: 14,
    scores: [3, 3, 3, 3, 3, 4, 4, 3, 3, 4, 3, 3],
    comments: {
      resources: 'Chantier d’insertion renouvelé, prime d’activité ouverte.',
      rent_guarantee: 'Épargne pour le dépôt de garantie, Visale en cours.',
    },
    withDiagnostic: true,
  },
  {
    household: 'h24',
    assessor: 'escale-cw1',
    daysAgo: 60,
    scores: [3, 3, 3, 3, 3, 4, 3, 2, 2, 3, 3, 2],
    comments: {
      paperwork: 'Démarches judiciaires lourdes en cours, besoin d’appui.',
      local_services: 'Ne connaît pas Saint-Aubin ; visites du quartier prévues.',
    },
    withDiagnostic: true,
  },
  {
    household: 'h25',
    assessor: 'escale-cw1',
    daysAgo: 35,
    scores: [3, 2, 3, 2, 3, 4, 4, 3, 2, 3, 2, 1],
    comments: {
      technical_incidents: 'N’ose pas signaler une panne ; l’équipe le fait avec lui.',
      neighbours: 'Évite les espaces collectifs, peu d’échanges avec les autres résidents.',
      local_services: 'Ne sort presque pas seul du CHRS en dehors des rendez-vous médicaux.',
    },
    override: {
      opinion: 'not_yet',
      reason:
        'Monsieur dit son angoisse à l’idée de vivre seul. Le projet travaillé est une pension de famille, pas un logement autonome : avis à revoir après l’admission.',
    },
  },
  {
    household: 'h22',
    assessor: 'escale-cw1',
    daysAgo: 45,
    scores: [3, 3, 2, 3, 2, 3, 3, 2, 2, 3, 3, 3],
    comments: {
      resources: 'ARE de monsieur jusqu’à la fin de l’année ; madame cherche un emploi.',
      equipment_and_energy: 'Première installation, ne connaît pas les compteurs.',
    },
  },
  {
    household: 'h17',
    assessor: 'passage-cw1',
    daysAgo: 270,
    scores: [3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 3, 3],
    comments: {
      rights_and_duties: 'Entrée en sous-location : règlement intérieur et bail glissant expliqués.',
      rent_payment: 'Premier loyer payé en retard (APL pas encore versée).',
    },
  },
  {
    household: 'h17',
    assessor: 'passage-cw1',
    daysAgo: 20,
    scores: [4, 3, 4, 3, 3, 4, 4, 3, 3, 4, 4, 4],
    comments: {
      rent_payment: 'Redevance payée à date depuis huit mois.',
      neighbours: 'Bonnes relations avec le gardien et les voisins de palier.',
    },
  },
];

export interface ScenarioSpec {
  household: string;
  author: string;
  daysAgo: number;
  label: string;
  typology: Typology;
  surfaceM2: number;
  rentEuros: number;
  /** null: estimated with the territory's FSL rule. */
  chargesEuros: number | null;
  /** The demo commune: its housing-benefit zone is the scenario's. */
  commune: string;
}

/**
 * Target dwellings of Habitat Brenne, conventioned: 2026 rents of about 6 to 6.8 €/m² of living
 * area in zone 2 (PLAI lower, PLUS higher) and 5.6 to 6 €/m² in zone 3.
 */
export const SCENARIO_SPECS: readonly ScenarioSpec[] = [
  {
    household: 'h20',
    author: 'escale-cw1',
    daysAgo: 25,
    label: 'T2 résidence Les Peupliers, Montreval (PLUS)',
    typology: 'T2',
    surfaceM2: 47.5,
    rentEuros: 318.4,
    chargesEuros: 62,
    commune: 'montreval',
  },
  {
    household: 'h20',
    author: 'escale-cw1',
    daysAgo: 8,
    label: 'T2 neuf rue des Tanneurs, Saint-Aubin (PLAI)',
    typology: 'T2',
    surfaceM2: 49,
    rentEuros: 294,
    chargesEuros: null,
    commune: 'saint-aubin',
  },
  {
    household: 'h24',
    author: 'escale-cw1',
    daysAgo: 40,
    label: 'T3 quartier de la Gare, Saint-Aubin',
    typology: 'T3',
    surfaceM2: 64.2,
    rentEuros: 421.5,
    chargesEuros: 88,
    commune: 'saint-aubin',
  },
  {
    household: 'h24',
    author: 'escale-cw1',
    daysAgo: 15,
    label: 'T3 Les Aulnes, résidence du Moulin (PLAI)',
    typology: 'T3',
    surfaceM2: 66,
    rentEuros: 396,
    chargesEuros: null,
    commune: 'les-aulnes',
  },
  {
    household: 'h21',
    author: 'escale-cw1',
    daysAgo: 11,
    label: 'Petit T2 Montreval, rue du Pressoir',
    typology: 'T2',
    surfaceM2: 41,
    rentEuros: 268,
    chargesEuros: 54,
    commune: 'montreval',
  },
  {
    household: 'h31',
    author: 'passage-cw1',
    daysAgo: 19,
    label: 'T3 Castelbrenne, cité du Haut-Val',
    typology: 'T3',
    surfaceM2: 68,
    rentEuros: 388,
    chargesEuros: null,
    commune: 'castelbrenne',
  },
  {
    household: 'h30',
    author: 'passage-cw2',
    daysAgo: 4,
    label: 'T2 Villemarsan, près de la zone d’activités',
    typology: 'T2',
    surfaceM2: 43.5,
    rentEuros: 289,
    chargesEuros: 58,
    commune: 'villemarsan',
  },
];
