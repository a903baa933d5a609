import type { capacityAssessments } from '../modules/diagnostics/schema.ts';
import type { dwellingRents, dwellings } from '../modules/dwellings/schema.ts';
import type { householdMembers, households } from '../modules/households/schema.ts';
import type { housingProjects } from '../modules/housing-pool/schema.ts';
import type { vacancies } from '../modules/vacancies/schema.ts';
import type { Typology } from '../shared/contracts/household-enums.ts';
import type { PriorityCategory, TIncomeFigure } from '../shared/contracts/housing-pool.ts';
import type { ReservationChannel } from '../shared/contracts/vacancies.ts';
import { addDays, parisDate } from '../shared/time.ts';
import type { GridScores } from './assessment-specs.ts';
import { buildCapacity } from './build-diagnostics.ts';
import { cents, daysAgo } from './dates.ts';
import { householdId, stableId } from './ids.ts';
import {
  DEMO_DEPARTEMENT,
  communeByKey,
  organisationId,
  territoryId,
  userId,
  type DemoOrgKey,
} from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface HousingPoolDemoRows {
  poolCapacityAssessments: Row<typeof capacityAssessments>[];
  housingProjects: Row<typeof housingProjects>[];
  vacancies: Row<typeof vacancies>[];
}

/**
 * The households ready to leave, in the pools of L’Escale, Le Passage and the SIAO: their grid
 * confirmed ready (a new one when they had none), their wishes, priorities, demand renewal (one
 * expired, two to renew soon), income figures with their source, and their consent (two without,
 * one withdrawn).
 */
const POOL: readonly {
  household: string;
  holder: Extract<DemoOrgKey, 'escale' | 'passage' | 'siao'>;
  worker: string;
  communes: string[];
  categories: PriorityCategory[];
  /** Days from today to the demand's anniversary (negative: expired). */
  renewalIn: number;
  income: 'rfr' | 'rfr_and_n1' | 'declared' | 'twelve_months';
  annual: number;
  consent: 'given' | 'none' | 'withdrawn';
  /** A grid to add: the household had none. */
  grid?: GridScores;
  accessibility?: 'reduced_mobility' | 'wheelchair';
  support: 'none' | 'light' | 'reinforced';
  /**
   * Days since the project was opened, for a household in the pool for months (it was put forward on
   * past vacancies: see build-designations.ts); its grid has been assessed again since. Otherwise the
   * project is opened three days after the grid.
   */
  inPoolSince?: number;
}[] = [
  {
    household: 'h17',
    holder: 'passage',
    worker: 'passage-cw1',
    communes: ['saint-aubin'],
    categories: ['c'],
    renewalIn: 160,
    income: 'rfr',
    annual: 14_800,
    consent: 'given',
    support: 'light',
    inPoolSince: 230,
  },
  {
    household: 'h18',
    holder: 'passage',
    worker: 'passage-cw2',
    communes: ['montreval', 'saint-aubin'],
    categories: ['c', 'i'],
    renewalIn: 21,
    income: 'rfr_and_n1',
    annual: 19_600,
    consent: 'given',
    grid: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    support: 'light',
    inPoolSince: 100,
  },
  {
    household: 'h20',
    holder: 'escale',
    worker: 'escale-cw1',
    communes: ['montreval', 'saint-aubin'],
    categories: ['c'],
    renewalIn: 240,
    income: 'rfr',
    annual: 11_200,
    consent: 'given',
    support: 'light',
    inPoolSince: 290,
  },
  {
    household: 'h21',
    holder: 'escale',
    worker: 'escale-cw1',
    communes: ['montreval'],
    categories: ['c', 'j'],
    renewalIn: 95,
    income: 'declared',
    annual: 9_400,
    consent: 'given',
    support: 'none',
  },
  {
    household: 'h22',
    holder: 'escale',
    worker: 'escale-cw1',
    communes: [],
    categories: ['c', 'f'],
    renewalIn: 12,
    income: 'twelve_months',
    annual: 13_900,
    consent: 'given',
    support: 'reinforced',
  },
  {
    household: 'h23',
    holder: 'escale',
    worker: 'escale-cw1',
    communes: ['montreval', 'les-aulnes'],
    categories: ['c'],
    renewalIn: 300,
    income: 'rfr',
    annual: 8_700,
    consent: 'none',
    grid: [3, 3, 2, 3, 3, 3, 3, 2, 3, 3, 3, 3],
    support: 'reinforced',
  },
  {
    household: 'h24',
    holder: 'escale',
    worker: 'escale-cw1',
    communes: ['saint-aubin', 'villemarsan'],
    categories: ['c', 'b'],
    renewalIn: 180,
    income: 'rfr',
    annual: 16_300,
    consent: 'given',
    support: 'reinforced',
    accessibility: 'reduced_mobility',
    inPoolSince: 285,
  },
  {
    household: 'h26',
    holder: 'siao',
    worker: 'siao-cw',
    communes: ['saint-aubin'],
    categories: ['c', 'i'],
    renewalIn: -9,
    income: 'rfr',
    annual: 21_400,
    consent: 'given',
    grid: [3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3],
    support: 'light',
    inPoolSince: 310,
  },
  {
    household: 'h27',
    holder: 'siao',
    worker: 'siao-cw',
    communes: ['saint-aubin', 'les-aulnes'],
    categories: ['c'],
    renewalIn: 130,
    income: 'declared',
    annual: 12_000,
    consent: 'given',
    grid: [3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3],
    support: 'reinforced',
  },
  {
    household: 'h28',
    holder: 'siao',
    worker: 'siao-cw',
    communes: ['les-aulnes'],
    categories: ['c', 'b'],
    renewalIn: 200,
    income: 'rfr_and_n1',
    annual: 17_800,
    consent: 'withdrawn',
    grid: [4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    support: 'light',
    inPoolSince: 240,
  },
  {
    household: 'h29',
    holder: 'siao',
    worker: 'siao-cw',
    communes: ['saint-aubin'],
    categories: ['c', 'j'],
    renewalIn: 75,
    income: 'rfr',
    annual: 15_100,
    consent: 'given',
    grid: [3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3],
    support: 'light',
    inPoolSince: 130,
  },
  {
    household: 'h30',
    holder: 'passage',
    worker: 'passage-cw2',
    communes: ['villemarsan'],
    categories: ['j'],
    renewalIn: 260,
    income: 'twelve_months',
    annual: 10_500,
    consent: 'given',
    grid: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    support: 'none',
  },
  {
    household: 'h31',
    holder: 'passage',
    worker: 'passage-cw1',
    communes: ['castelbrenne', 'roche-vieille'],
    categories: ['j', 'a'],
    renewalIn: 45,
    income: 'rfr',
    annual: 18_200,
    consent: 'given',
    grid: [3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3],
    support: 'light',
    accessibility: 'wheelchair',
  },
  {
    household: 'h32',
    holder: 'escale',
    worker: 'escale-cw2',
    communes: ['saint-aubin'],
    categories: ['j'],
    renewalIn: 150,
    income: 'declared',
    annual: 7_900,
    consent: 'none',
    grid: [3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3],
    support: 'reinforced',
  },
  {
    household: 'h33',
    holder: 'passage',
    worker: 'passage-cw1',
    communes: ['lamarque', 'castelbrenne'],
    categories: ['j', 'k'],
    renewalIn: 110,
    income: 'rfr',
    annual: 12_600,
    consent: 'given',
    grid: [3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3],
    support: 'light',
    inPoolSince: 270,
  },
  {
    household: 'h36',
    holder: 'escale',
    worker: 'escale-cw2',
    communes: ['montreval'],
    categories: ['c', 'f'],
    renewalIn: 220,
    income: 'rfr',
    annual: 13_300,
    consent: 'given',
    grid: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3],
    support: 'reinforced',
  },
];

/** Habitat Brenne's vacant dwellings it publishes (references of its stock). */
const VACANCIES: readonly {
  reference: string;
  channel: ReservationChannel;
  answerIn: number;
  publishedAgo: number;
  visits: string;
}[] = [
  {
    reference: 'HB-0007',
    channel: 'prefectoral',
    answerIn: 8,
    publishedAgo: 2,
    visits: 'Visite avec le gardien de la résidence, sur rendez-vous auprès de l’agence.',
  },
  {
    reference: 'HB-0014',
    channel: 'action_logement',
    answerIn: 5,
    publishedAgo: 6,
    visits: 'Visite collective organisée par l’agence Rive Nord.',
  },
  {
    reference: 'HB-0021',
    channel: 'bailleur',
    answerIn: 12,
    publishedAgo: 1,
    visits: 'Clés disponibles à l’agence du Haut-Val.',
  },
];

/** Years from the first demand to its next anniversary: at least `years`, and filed before `openedAgo`. */
function demandYears(renewalIn: number, openedAgo: number, years: number): number {
  return renewalIn - 365 * years > -openedAgo ? demandYears(renewalIn, openedAgo, years + 1) : years;
}

function incomesOf(kind: (typeof POOL)[number]['income'], annual: number, year: number): TIncomeFigure[] {
  const amount = cents(annual);
  switch (kind) {
    case 'rfr':
      return [{ source: 'rfr_n2', year: year - 2, annualCents: amount }];
    case 'rfr_and_n1':
      return [
        { source: 'rfr_n2', year: year - 2, annualCents: amount },
        { source: 'rfr_n1', year: year - 1, annualCents: Math.round(amount * 0.82) },
      ];
    case 'twelve_months':
      return [{ source: 'last_12_months', year: null, annualCents: amount }];
    case 'declared':
      return [{ source: 'declared', year: null, annualCents: amount }];
  }
}

export function buildHousingPoolRows(
  now: Date,
  data: {
    households: Row<typeof households>[];
    members: Row<typeof householdMembers>[];
    stockDwellings: Row<typeof dwellings>[];
    dwellingRents: Row<typeof dwellingRents>[];
    capacityAssessments: Row<typeof capacityAssessments>[];
  },
  typologyFor: (people: number) => Typology,
): HousingPoolDemoRows {
  const today = parisDate(now);
  const year = Number(today.slice(0, 4));
  const rows: HousingPoolDemoRows = { poolCapacityAssessments: [], housingProjects: [], vacancies: [] };
  POOL.forEach((p, i) => {
    const hId = householdId(p.household);
    if (!data.households.some((h) => h.id === hId))
      throw new Error(`Vivier : ménage ${p.household} inconnu.`);
    const gridAgo = 10 + i * 3;
    const grid = p.grid
      ? buildCapacity(now, {
          household: p.household,
          assessor: p.worker,
          daysAgo: gridAgo,
          scores: p.grid,
          comments: {},
        })
      : data.capacityAssessments
          .filter((g) => g.householdId === hId)
          .sort((a, b) => String(b.assessedOn).localeCompare(String(a.assessedOn)))[0];
    if (p.grid) rows.poolCapacityAssessments.push(grid!);
    if (grid?.opinion !== 'ready' && grid?.opinion !== 'ready_with_support')
      throw new Error(`Vivier : ${p.household} n’a pas de grille « prêt à sortir ».`);
    const persons = data.members.filter((m) => m.householdId === hId).length;
    const size = typologyFor(persons);
    const larger = typologyFor(Math.min(persons + 1, 6));
    const openedAgo = p.inPoolSince ?? gridAgo - 3;
    const consentOn = parisDate(daysAgo(now, openedAgo - 1));
    rows.housingProjects.push({
      id: stableId(`housing-project:${p.household}`),
      householdId: hId,
      poolOrganisationId: organisationId(p.holder),
      typologies: size === larger ? [size] : [size, larger],
      communeIds: p.communes.map((c) => territoryId(communeByKey(c).code)),
      accessibilityNeed: p.accessibility ?? 'none',
      supportIntensity: p.support,
      priorityCategories: p.categories,
      demandRenewalDue: addDays(today, p.renewalIn),
      // Renewed once to three times since the first demand (its age differs across the pool), and
      // filed before the project was opened.
      demandFiledOn: addDays(today, p.renewalIn - 365 * demandYears(p.renewalIn, openedAgo, 1 + (i % 3))),
      incomes: incomesOf(p.income, p.annual, year),
      note: null,
      readinessAtOpening: grid.opinion,
      openedOn: parisDate(daysAgo(now, openedAgo)),
      openedByUserId: userId(p.worker),
      consentGivenOn: p.consent === 'none' ? null : consentOn,
      consentMethod: p.consent === 'none' ? null : 'signed_form',
      consentWithdrawnOn: p.consent === 'withdrawn' ? parisDate(daysAgo(now, 1)) : null,
      consentWithdrawalReason:
        p.consent === 'withdrawn'
          ? 'Souhaite attendre la fin de son contrat de travail à Castelbrenne.'
          : null,
      createdAt: daysAgo(now, openedAgo),
      updatedAt: daysAgo(now, openedAgo),
    });
  });
  for (const v of VACANCIES) {
    const dwellingId = stableId(`stock-dwelling:${v.reference}`);
    const dwelling = data.stockDwellings.find((d) => d.id === dwellingId);
    if (dwelling?.status !== 'vacant')
      throw new Error(`Vacance : ${v.reference} n’est pas un logement vacant.`);
    const rent = data.dwellingRents
      .filter((r) => r.dwellingId === dwellingId && r.effectiveFrom <= today)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]!;
    const publishedAt = daysAgo(now, v.publishedAgo);
    rows.vacancies.push({
      id: stableId(`vacancy:${v.reference}`),
      dwellingId,
      landlordOrganisationId: organisationId('habitat'),
      departementId: territoryId(DEMO_DEPARTEMENT.code),
      channel: v.channel,
      answerBy: addDays(today, v.answerIn),
      visitDetails: v.visits,
      visitDates: [addDays(today, Math.min(2, v.answerIn - 1)), addDays(today, v.answerIn - 1)],
      monthlyRentCents: rent.monthlyRentCents,
      monthlyChargesCents: rent.monthlyChargesCents,
      publishedByUserId: userId('habitat-rental'),
      publishedAt,
    });
  }
  return rows;
}
