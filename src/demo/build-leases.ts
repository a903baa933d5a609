import type { dwellings } from '../modules/dwellings/schema.ts';
import type { householdParties, tenancies } from '../modules/households/schema.ts';
import type {
  occupancyContractEvents,
  occupancyContracts,
  slidingEvaluations,
} from '../modules/leases/schema.ts';
import type { tasks } from '../modules/tasks/schema.ts';
import type { OccupancyKind } from '../shared/contracts/housing-stock.ts';
import { defaultSlidingReview, slidLeaseStart, type ContractEvent } from '../shared/leases/contract-rules.ts';
import { SLIDING_CRITERIA, type SlidingRating } from '../shared/leases/sliding.ts';
import { addDays, parisDate } from '../shared/time.ts';
import { householdId, stableId } from './ids.ts';
import { HOUSEHOLD_SPECS } from './household-specs.ts';
import { communeByKey, managementUnitId, organisationId, territoryId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface LeaseDemoRows {
  leaseDwellings: Row<typeof dwellings>[];
  occupancyContracts: Row<typeof occupancyContracts>[];
  occupancyContractEvents: Row<typeof occupancyContractEvents>[];
  slidingEvaluations: Row<typeof slidingEvaluations>[];
  leaseTasks: Row<typeof tasks>[];
}

/** A contract of the demo, its start given in days before today. */
interface LeaseSpec {
  key: string;
  kind: OccupancyKind;
  address: string;
  commune: string;
  startedDaysAgo: number;
  /** For an ended contract: its last day, in days before today. */
  endedDaysAgo?: number;
  endOutcome?: string;
  /** A private owner's name (a mandate): the dwelling is no landlord's of Relais. */
  owner?: string;
  events?: { event: ContractEvent; daysAfterStart: number; note?: string }[];
  /** The parties who have already evaluated the coming sliding review. */
  evaluatedBy?: ('association' | 'landlord' | 'household')[];
  /** A sliding sublease that slid: its direct lease follows it. */
  slid?: boolean;
  objectives?: string;
}

const SPECS: readonly LeaseSpec[] = [
  {
    key: 'glissant-review',
    kind: 'bail_glissant',
    address: '14 rue des Tanneurs, appartement 12',
    commune: 'saint-aubin',
    // The review falls in twelve days: the three evaluations are under way.
    startedDaysAgo: 353,
    events: [{ event: 'tripartite_convention_signed', daysAfterStart: -5 }],
    evaluatedBy: ['association', 'landlord'],
    objectives: 'Régularité du loyer, déclarations à la CAF en autonomie.',
  },
  {
    key: 'glissant-slid',
    kind: 'bail_glissant',
    address: '3 allée des Peupliers, appartement 4',
    commune: 'montreval',
    startedDaysAgo: 420,
    endedDaysAgo: 40,
    endOutcome: 'slid',
    slid: true,
    events: [{ event: 'tripartite_convention_signed', daysAfterStart: -3 }],
  },
  {
    key: 'sublease',
    kind: 'sublease',
    address: '27 avenue de la Gare, appartement 8',
    commune: 'saint-aubin',
    startedDaysAgo: 200,
  },
  {
    key: 'transit',
    kind: 'transit',
    address: '5 place du Marché, logement 2',
    commune: 'castelbrenne',
    startedDaysAgo: 90,
    events: [{ event: 'visit', daysAfterStart: 30, note: 'Logement bien tenu, chauffage à surveiller.' }],
  },
  {
    key: 'transit-glissant',
    kind: 'transit_glissant',
    address: '9 rue Pasteur, appartement 3',
    commune: 'montreval',
    startedDaysAgo: 150,
  },
  {
    key: 'sauvegarde',
    kind: 'bail_sauvegarde',
    address: '41 boulevard Carnot, appartement 21',
    commune: 'saint-aubin',
    startedDaysAgo: 120,
    events: [
      { event: 'tripartite_convention_signed', daysAfterStart: -20 },
      { event: 'ccapex_validated', daysAfterStart: -12, note: 'Commission du mois : avis favorable.' },
      { event: 'eviction_suspended', daysAfterStart: -10 },
    ],
  },
  {
    key: 'mandate',
    kind: 'management_mandate',
    address: '2 impasse des Lilas',
    commune: 'castelbrenne',
    startedDaysAgo: 500,
    owner: 'M. et Mme Garnier',
  },
  {
    key: 'accompagne',
    kind: 'bail_accompagne',
    address: '18 rue Victor-Hugo, appartement 6',
    commune: 'montreval',
    startedDaysAgo: 260,
  },
];

const RATINGS: Record<string, SlidingRating[]> = {
  association: ['acquired', 'acquired', 'acquired', 'in_progress', 'acquired'],
  landlord: ['acquired', 'acquired', 'acquired', 'not_applicable', 'acquired'],
};

/**
 * The demo's occupancy contracts: a direct lease of Brenne Habitat for each of its tenants with a
 * file, and the association's subleases (one of each kind, a bail glissant near its review, one
 * that slid into a direct lease), a bail de sauvegarde after CCAPEX validation, a mandate.
 */
export function buildLeaseRows(
  now: Date,
  file: {
    tenancies: readonly Row<typeof tenancies>[];
    parties: readonly Row<typeof householdParties>[];
  },
): LeaseDemoRows {
  const today = parisDate(now);
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const rows: LeaseDemoRows = {
    leaseDwellings: [],
    occupancyContracts: [],
    occupancyContractEvents: [],
    slidingEvaluations: [],
    leaseTasks: [],
  };
  const habitat = organisationId('habitat');
  const passage = organisationId('passage');
  const event = (contractId: string, e: ContractEvent, occurredOn: string, note: string | null = null) =>
    rows.occupancyContractEvents.push({
      id: stableId(`lease-event:${contractId}:${e}:${occurredOn}`),
      contractId,
      event: e,
      occurredOn,
      note,
      recordedByUserId: userId('passage-cw1'),
      recordedAt: at(occurredOn),
    });

  // The sublet households' dwellings are under the association's bail glissant (the rent accounts' demo).
  const sublet = new Set(
    HOUSEHOLD_SPECS.filter((h) => h.situation === 'sublet').map((h) => householdId(h.key)),
  );
  for (const t of file.tenancies) {
    if (t.landlordOrganisationId !== habitat || !t.startDate || sublet.has(t.householdId)) continue;
    const id = stableId(`lease:tenancy:${t.id}`);
    rows.occupancyContracts.push({
      id,
      dwellingId: t.dwellingId!,
      kind: 'direct_lease',
      householdId: t.householdId,
      tenantReference: t.tenantReference ?? null,
      lessorOrganisationId: habitat,
      lessorKind: 'legal_person',
      status: 'active',
      signedOn: t.startDate,
      startOn: t.startDate,
      createdAt: at(t.startDate),
      updatedAt: at(t.startDate),
    });
    event(id, 'activated', t.startDate);
  }

  // The association's households that are no landlord's tenants: the subleases' occupants.
  const tenants = new Set(file.tenancies.map((t) => t.householdId));
  const followed = [
    ...new Map(
      file.parties
        .filter((p) => p.organisationId === passage && p.caseworkerUserId && !tenants.has(p.householdId))
        .map((p) => [p.householdId, p]),
    ).values(),
  ];
  SPECS.forEach((spec, i) => {
    const party = followed[i % Math.max(followed.length, 1)];
    const dwellingId = stableId(`lease-dwelling:${spec.key}`);
    const commune = communeByKey(spec.commune);
    const startOn = addDays(today, -spec.startedDaysAgo);
    rows.leaseDwellings.push({
      id: dwellingId,
      address: `${spec.address}, ${commune.postcode} ${commune.name}`,
      communeId: territoryId(commune.code),
      landlordOrganisationId: spec.owner ? null : habitat,
      managementUnitId: spec.owner
        ? null
        : managementUnitId(spec.commune === 'castelbrenne' ? 'haut-val' : 'centre'),
      typology: 't2',
      surfaceM2: 46,
      status: spec.owner || spec.kind === 'bail_accompagne' ? 'let' : 'made_available',
      createdAt: at(addDays(startOn, -30)),
      updatedAt: at(addDays(startOn, -30)),
    });
    const sliding = spec.kind === 'bail_glissant' || spec.kind === 'transit_glissant';
    const direct = spec.kind === 'bail_accompagne';
    const id = stableId(`lease:${spec.key}`);
    const endOn = spec.endedDaysAgo === undefined ? null : addDays(today, -spec.endedDaysAgo);
    const reviewOn = sliding ? defaultSlidingReview(startOn) : null;
    rows.occupancyContracts.push({
      id,
      dwellingId,
      kind: spec.kind,
      householdId: party?.householdId ?? null,
      tenantName: party ? null : 'Occupant',
      lessorOrganisationId: spec.owner ? null : habitat,
      lessorName: spec.owner ?? null,
      lessorKind: spec.owner ? 'natural_person' : 'legal_person',
      intermediaryOrganisationId: direct ? null : passage,
      status: endOn ? 'ended' : 'active',
      signedOn: addDays(startOn, -7),
      startOn,
      endOn,
      endOutcome: spec.endOutcome ?? null,
      slidingReviewOn: reviewOn,
      objectives: spec.objectives ?? null,
      createdByUserId: userId('passage-cw1'),
      createdAt: at(addDays(startOn, -7)),
      updatedAt: at(endOn ?? startOn),
    });
    event(id, 'created', addDays(startOn, -7));
    for (const e of spec.events ?? []) event(id, e.event, addDays(startOn, e.daysAfterStart), e.note ?? null);
    event(id, 'activated', startOn);
    for (const evaluator of spec.evaluatedBy ?? []) {
      const evaluatedOn = addDays(today, -3);
      rows.slidingEvaluations.push({
        id: stableId(`sliding-evaluation:${spec.key}:${evaluator}`),
        contractId: id,
        reviewOn: reviewOn!,
        party: evaluator,
        ratings: Object.fromEntries(
          SLIDING_CRITERIA.map((c, k) => [c, { rating: RATINGS[evaluator]![k]!, comment: null }]),
        ),
        comment: evaluator === 'landlord' ? 'Aucun incident signalé par le gardien.' : null,
        evaluatedOn,
        recordedByUserId: evaluator === 'landlord' ? userId('habitat-rental') : userId('passage-cw1'),
        recordedByOrganisationId: evaluator === 'landlord' ? habitat : passage,
        createdAt: at(evaluatedOn),
        updatedAt: at(evaluatedOn),
      });
      event(id, 'sliding_evaluated', evaluatedOn);
    }
    if (sliding && !endOn && party && reviewOn && reviewOn > today) {
      rows.leaseTasks.push({
        id: stableId(`lease-task:${spec.key}`),
        householdId: party.householdId,
        title: `Examen du glissement prévu le ${reviewOn.split('-').reverse().join('/')} : évaluations des trois parties et décision commune`,
        dueOn: reviewOn,
        ownerUserId: party.caseworkerUserId ?? null,
        ownerOrganisationId: null,
        source: 'measure',
        sourceId: id,
        createdByUserId: userId('passage-cw1'),
        createdByOrganisationId: passage,
        createdAt: at(startOn),
        updatedAt: at(startOn),
      });
    }
    if (spec.slid && endOn) {
      const leaseStart = slidLeaseStart(endOn);
      const leaseId = stableId(`lease:${spec.key}:direct`);
      event(id, 'sliding_decided', endOn, 'Glissement du bail au ménage');
      event(id, 'slid', endOn);
      rows.occupancyContracts.push({
        id: leaseId,
        dwellingId,
        kind: 'direct_lease',
        householdId: party?.householdId ?? null,
        tenantName: party ? null : 'Occupant',
        lessorOrganisationId: habitat,
        lessorKind: 'legal_person',
        status: 'active',
        signedOn: leaseStart,
        startOn: leaseStart,
        previousContractId: id,
        createdByUserId: userId('passage-cw1'),
        createdAt: at(leaseStart),
        updatedAt: at(leaseStart),
      });
      event(leaseId, 'slid', leaseStart);
      event(leaseId, 'activated', leaseStart);
    }
  });
  return rows;
}
