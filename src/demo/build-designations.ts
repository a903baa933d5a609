import type { dwellingRents, dwellings } from '../modules/dwellings/schema.ts';
import type {
  householdExpenses,
  householdMembers,
  householdResources,
  households,
} from '../modules/households/schema.ts';
import type { housingProjects } from '../modules/housing-pool/schema.ts';
import type { designations, vacancyProposals } from '../modules/matching/schema.ts';
import type { measures } from '../modules/measures/schema.ts';
import type { territories } from '../modules/organisations/schema.ts';
import type { vacancies } from '../modules/vacancies/schema.ts';
import { loadDefaultConvention, scalesOf } from '../modules/budget/index.ts';
import { loadFileScales } from '../modules/calculators/index.ts';
import {
  budgetsIn,
  dwellingFacts,
  householdFacts,
  type MatchingVacancy,
  type PoolHousehold,
  type PoolProposal,
} from '../modules/matching/index.ts';
import { buildScaleSet } from '../shared/calculators/housing-benefit-scales.ts';
import type {
  CommissionDecision,
  ProposedOccupancy,
  RefusalReason,
} from '../shared/contracts/designations.ts';
import type { ReservationChannel } from '../shared/contracts/vacancies.ts';
import {
  allocatedVacancyReason,
  decisionErrors,
  isAllocating,
  offerDeadline,
} from '../shared/designations/rules.ts';
import { DEFAULT_POLICY } from '../shared/matching/policy.ts';
import { assess } from '../shared/matching/ranking.ts';
import { addDays, parisDate } from '../shared/time.ts';
import { DAY, daysAgo } from './dates.ts';
import { householdId, stableId } from './ids.ts';
import { DEMO_DEPARTEMENT, organisationId, territoryId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DesignationDemoRows {
  designations: Row<typeof designations>[];
  vacancyProposals: Row<typeof vacancyProposals>[];
}

/** What a candidate did with the offer, and what the commission made of it. */
interface CandidateSpec {
  household: string;
  occupancy: ProposedOccupancy;
  /** Null: awaiting the household's answer (the period still runs). */
  answer:
    { kind: 'accepted' | 'refused'; after: number; reason?: RefusalReason; note?: string } | 'silence' | null;
  decision?: {
    kind: CommissionDecision;
    rank?: number;
    condition?: string;
    reason?: RefusalReason;
    note?: string;
  };
}

/** A vacancy put forward on by the SIAO or an association, with its designation and what came of it. */
interface VacancySpec {
  /** Habitat Brenne's reference of the dwelling. */
  reference: string;
  channel: ReservationChannel;
  /** The designating organisation's social worker (its organisation is a party to every candidate). */
  designatedBy: 'siao-cw' | 'passage-cw1';
  /** Days ago the candidates were designated and notified. */
  designatedAgo: number;
  fewerReason?: string;
  candidates: CandidateSpec[];
  /** How a past vacancy ended when no candidate of the pool was given the dwelling. */
  ended?: { status: 'closed' | 'withdrawn'; reason: string };
}

const ELSEWHERE = 'Logement attribué à un candidat présenté hors du vivier, par un autre réservataire.';

/**
 * Twelve past vacancies of Habitat Brenne over the last ten months, each with the households of the
 * pool put forward on it and what came of it, then one of today's open vacancies with a designation
 * whose answers are awaited. The refusals respect the default policy's cool-off (no dwelling of a
 * typology refused less than 90 days before); the dwellings given to households of the pool were given
 * in the last weeks (the households wait for the lease), the older ones went to other réservataires'
 * candidates.
 */
const PAST: readonly VacancySpec[] = [
  {
    reference: 'HB-0016',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 290,
    fewerReason: 'Un seul ménage du vivier pour un T5 à Montreval-la-Rivière.',
    candidates: [
      {
        household: 'h26',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 5 },
        decision: {
          kind: 'non_allocation',
          reason: 'cost',
          note: 'Loyer PLS élevé pour les ressources du ménage : taux d’effort jugé trop lourd.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0015',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 270,
    fewerReason: 'Deux ménages du vivier seulement pour un T2 à Saint-Aubin-sur-Brenne.',
    candidates: [
      {
        household: 'h20',
        occupancy: 'direct_lease',
        answer: {
          kind: 'refused',
          after: 4,
          reason: 'location',
          note: 'Souhaite rester près du CHRS et de l’école de son fils à Montreval.',
        },
      },
      { household: 'h24', occupancy: 'direct_lease', answer: 'silence' },
    ],
    ended: {
      status: 'withdrawn',
      reason: 'Logement repris pour le relogement d’un locataire de la résidence (mutation interne).',
    },
  },
  {
    reference: 'HB-0003',
    channel: 'bailleur',
    designatedBy: 'passage-cw1',
    designatedAgo: 250,
    fewerReason: 'Un seul ménage suivi par l’association pour un T1.',
    candidates: [
      {
        household: 'h33',
        occupancy: 'bail_glissant',
        answer: { kind: 'accepted', after: 3 },
        decision: {
          kind: 'landlord_refusal',
          reason: 'incomplete_file',
          note: 'Avis d’imposition et justificatif d’identité manquants à l’instruction.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0010',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 225,
    candidates: [
      {
        household: 'h24',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 6 },
        decision: {
          kind: 'non_allocation',
          reason: 'cost',
          note: 'Reste à vivre insuffisant avec un loyer PLS.',
        },
      },
      {
        household: 'h20',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 7 },
        decision: { kind: 'non_allocation', reason: 'other_candidate_preferred' },
      },
      {
        household: 'h28',
        occupancy: 'direct_lease',
        answer: {
          kind: 'refused',
          after: 5,
          reason: 'schooling_work',
          note: 'Trop loin du lieu de travail de Madame à Castelbrenne.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0026',
    channel: 'bailleur',
    designatedBy: 'passage-cw1',
    designatedAgo: 200,
    fewerReason: 'Deux ménages suivis par l’association pour un T2 à Castelbrenne.',
    candidates: [
      {
        household: 'h17',
        occupancy: 'bail_glissant',
        answer: {
          kind: 'refused',
          after: 4,
          reason: 'location',
          note: 'Ne souhaite pas quitter Saint-Aubin-sur-Brenne.',
        },
      },
      { household: 'h33', occupancy: 'bail_glissant', answer: 'silence' },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0019',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 170,
    candidates: [
      {
        household: 'h28',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 3 },
        decision: {
          kind: 'rejection',
          reason: 'incomplete_file',
          note: 'Demande de logement social sans pièce d’identité de Monsieur.',
        },
      },
      {
        household: 'h24',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 5 },
        decision: { kind: 'non_allocation', reason: 'other_candidate_preferred' },
      },
      {
        household: 'h26',
        occupancy: 'direct_lease',
        answer: {
          kind: 'refused',
          after: 6,
          reason: 'size',
          note: 'Un T4 pour cinq personnes : le ménage attend un T5.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0006',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 140,
    fewerReason: 'Deux ménages du vivier pour un T2 adaptable en rez-de-chaussée.',
    candidates: [
      {
        household: 'h24',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 2 },
        decision: {
          kind: 'landlord_refusal',
          reason: 'size',
          note: 'Un T2 pour un adulte et deux enfants : le bailleur propose d’attendre un T3.',
        },
      },
      {
        household: 'h20',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 4 },
        decision: { kind: 'non_allocation', reason: 'other_candidate_preferred' },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0029',
    channel: 'bailleur',
    designatedBy: 'passage-cw1',
    designatedAgo: 110,
    fewerReason: 'Deux ménages suivis par l’association souhaitent Castelbrenne.',
    candidates: [
      {
        household: 'h33',
        occupancy: 'bail_glissant',
        answer: { kind: 'accepted', after: 3 },
        decision: {
          kind: 'non_allocation',
          reason: 'size',
          note: 'Un T3 pour une personne seule : sous-occupation.',
        },
      },
      {
        household: 'h17',
        occupancy: 'bail_glissant',
        answer: {
          kind: 'refused',
          after: 4,
          reason: 'schooling_work',
          note: 'Pas de transport vers l’école de sa fille à Saint-Aubin.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0025',
    channel: 'bailleur',
    designatedBy: 'passage-cw1',
    designatedAgo: 80,
    fewerReason: 'Deux ménages suivis par l’association pour un T4 à Montreval-la-Rivière.',
    candidates: [
      {
        household: 'h18',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 2 },
        decision: { kind: 'non_allocation', reason: 'other_candidate_preferred' },
      },
      { household: 'h17', occupancy: 'bail_glissant', answer: 'silence' },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0030',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 55,
    fewerReason: 'Deux ménages du vivier pour un T5 à Saint-Aubin-sur-Brenne.',
    candidates: [
      {
        household: 'h26',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 3 },
        decision: { kind: 'allocation_by_rank', rank: 1 },
      },
      {
        household: 'h28',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 6 },
        decision: { kind: 'allocation_by_rank', rank: 2 },
      },
    ],
  },
  {
    // Refused forty days ago: the cool-off keeps h33 off today's T1 (HB-0021) for now.
    reference: 'HB-0032',
    channel: 'bailleur',
    designatedBy: 'passage-cw1',
    designatedAgo: 45,
    fewerReason: 'Un seul ménage suivi par l’association pour un T1 à Castelbrenne.',
    candidates: [
      {
        household: 'h33',
        occupancy: 'bail_glissant',
        answer: {
          kind: 'refused',
          after: 5,
          reason: 'schooling_work',
          note: 'Pas de transport en commun vers son chantier d’insertion à Lamarque.',
        },
      },
    ],
    ended: { status: 'closed', reason: ELSEWHERE },
  },
  {
    reference: 'HB-0013',
    channel: 'prefectoral',
    designatedBy: 'siao-cw',
    designatedAgo: 40,
    candidates: [
      {
        household: 'h24',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 2 },
        decision: {
          kind: 'non_allocation',
          reason: 'other_candidate_preferred',
          note: 'La commission retient le ménage proposé au rang 2, sur place depuis plus longtemps à Montreval.',
        },
      },
      {
        household: 'h29',
        occupancy: 'direct_lease',
        answer: { kind: 'accepted', after: 5 },
        decision: {
          kind: 'conditional',
          condition: 'Production de l’avis d’imposition de l’année en cours.',
        },
      },
      {
        household: 'h36',
        occupancy: 'direct_lease',
        answer: {
          kind: 'refused',
          after: 4,
          reason: 'dwelling_condition',
          note: 'Humidité constatée dans la chambre lors de la visite.',
        },
      },
    ],
  },
];

/** Today's open vacancy with a designation whose answers are awaited. */
const LIVE: VacancySpec = {
  reference: 'HB-0007',
  channel: 'prefectoral',
  designatedBy: 'siao-cw',
  designatedAgo: 1,
  fewerReason: 'Deux ménages du vivier seulement pour un T2 à Montreval-la-Rivière.',
  candidates: [
    { household: 'h20', occupancy: 'direct_lease', answer: null },
    { household: 'h36', occupancy: 'direct_lease', answer: null },
  ],
};

/** The commission meets three weeks after the designation. */
const COMMISSION_AFTER = 21;

export function buildDesignationRows(
  now: Date,
  data: {
    households: Row<typeof households>[];
    members: Row<typeof householdMembers>[];
    resources: Row<typeof householdResources>[];
    expenses: Row<typeof householdExpenses>[];
    measures: Row<typeof measures>[];
    housingProjects: Row<typeof housingProjects>[];
    stockDwellings: Row<typeof dwellings>[];
    dwellingRents: Row<typeof dwellingRents>[];
    territories: Row<typeof territories>[];
    vacancies: Row<typeof vacancies>[];
  },
): DesignationDemoRows & { pastVacancies: Row<typeof vacancies>[] } {
  const rows: DesignationDemoRows & { pastVacancies: Row<typeof vacancies>[] } = {
    designations: [],
    vacancyProposals: [],
    pastVacancies: [],
  };
  const day = (ago: number) => parisDate(daysAgo(now, ago));
  const scales = scalesOf(buildScaleSet(loadFileScales()));
  const convention = loadDefaultConvention().values;
  /** The proposals written so far, with their dwelling's typology: the later ones read them. */
  const written: (Row<typeof vacancyProposals> & { typology: PoolProposal['typology'] })[] = [];

  /** A pool household as the matching reads it, on `today`: its consent and proposals as they stood. */
  const poolHousehold = (key: string, today: string): PoolHousehold => {
    const hId = householdId(key);
    const household = data.households.find((h) => h.id === hId);
    const project = data.housingProjects.find((p) => p.householdId === hId);
    if (!household || !project) throw new Error(`Désignations : ${key} n’est pas dans le vivier.`);
    if (project.openedOn > today)
      throw new Error(`Désignations : ${key} n’était pas encore dans le vivier le ${today}.`);
    const asOf = (on: string | null | undefined) => (on && on <= today ? on : null);
    return {
      project: {
        ...project,
        consentGivenOn: asOf(project.consentGivenOn),
        consentWithdrawnOn: asOf(project.consentWithdrawnOn),
      } as PoolHousehold['project'],
      poolName: '',
      fileNumber: 0,
      applicationNumber: household.applicationNumber ?? null,
      housingSince: household.housingSince ?? null,
      // Recognised by then, or not yet.
      daloRecognised: (household.daloRecognised ?? false) && (household.daloDecisionDate ?? '') <= today,
      daloDecisionDate: asOf(household.daloDecisionDate),
      name: null,
      members: data.members
        .filter((m) => m.householdId === hId)
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
        .map((m) => ({ relationship: m.relationship, birthDate: m.birthDate ?? null })),
      resources: data.resources
        .filter((r) => r.householdId === hId)
        .map((r) => ({ type: r.type, monthlyAmountCents: r.monthlyAmountCents })),
      expenses: data.expenses
        .filter((e) => e.householdId === hId)
        .map((e) => ({ category: e.category, monthlyAmountCents: e.monthlyAmountCents })),
      // Today's measures: the demo does not date their validation against the designation.
      supportInPlace: data.measures.some(
        (m) => m.householdId === hId && (m.status === 'validated' || m.status === 'active'),
      ),
      proposals: written
        .filter((p) => p.householdId === hId)
        .map((p) => {
          const answered = p.answer !== 'silence' && asOf(p.answeredOn) !== null;
          const decided = asOf(p.decidedOn) !== null;
          return {
            vacancyId: p.vacancyId,
            typology: p.typology,
            // A silence is read from the deadline, as the rules do for one not yet recorded.
            answer: answered ? p.answer! : null,
            answerReason: answered ? (p.answerReason ?? null) : null,
            answeredOn: answered ? p.answeredOn! : null,
            answerDue: p.answerDue,
            decision: decided ? p.decision! : null,
            decisionReason: decided ? (p.decisionReason ?? null) : null,
            decidedOn: decided ? p.decidedOn! : null,
            ranksAhead:
              decided && p.decision === 'allocation_by_rank'
                ? written
                    .filter(
                      (s) =>
                        s.vacancyId === p.vacancyId &&
                        s.decision === 'allocation_by_rank' &&
                        asOf(s.decidedOn) !== null &&
                        (s.decisionRank ?? 0) < (p.decisionRank ?? 0),
                    )
                    .map((s) => ({
                      answer: s.answer !== 'silence' && asOf(s.answeredOn) !== null ? s.answer! : null,
                      answerDue: s.answerDue,
                    }))
                : [],
          };
        }),
    };
  };

  const place = (spec: VacancySpec, past: boolean) => {
    const dwellingId = stableId(`stock-dwelling:${spec.reference}`);
    const dwelling = data.stockDwellings.find((d) => d.id === dwellingId);
    if (!dwelling) throw new Error(`Désignations : ${spec.reference} n’est pas au parc.`);
    const vacancyId = stableId(`vacancy:${spec.reference}${past ? `:${spec.designatedAgo}` : ''}`);
    const designatedOn = day(spec.designatedAgo);
    let vacancy = data.vacancies.find((v) => v.id === vacancyId);
    if (past) {
      if (dwelling.status !== 'let')
        throw new Error(`Désignations : ${spec.reference} devrait être loué depuis sa vacance.`);
      const publishedAgo = spec.designatedAgo + 12;
      const published = day(publishedAgo);
      const rent = data.dwellingRents
        .filter((r) => r.dwellingId === dwellingId && r.effectiveFrom <= published)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]!;
      vacancy = {
        id: vacancyId,
        dwellingId,
        landlordOrganisationId: organisationId('habitat'),
        departementId: territoryId(DEMO_DEPARTEMENT.code),
        channel: spec.channel,
        answerBy: addDays(published, 15),
        visitDetails: 'Visite sur rendez-vous auprès de l’agence.',
        visitDates: [addDays(published, 5), addDays(published, 9)],
        monthlyRentCents: rent.monthlyRentCents,
        monthlyChargesCents: rent.monthlyChargesCents,
        publishedByUserId: userId('habitat-rental'),
        publishedAt: daysAgo(now, publishedAgo),
      };
      rows.pastVacancies.push(vacancy);
    }
    if (!vacancy) throw new Error(`Désignations : pas de vacance ouverte pour ${spec.reference}.`);
    if (parisDate(vacancy.publishedAt as Date) > designatedOn)
      throw new Error(`Désignations : ${spec.reference} désigné avant sa publication.`);

    const commune = data.territories.find((t) => t.id === dwelling.communeId);
    const matching: MatchingVacancy = {
      id: vacancyId,
      status: 'open',
      departementId: vacancy.departementId ?? null,
      landlordOrganisationId: vacancy.landlordOrganisationId,
      monthlyRentCents: vacancy.monthlyRentCents,
      monthlyChargesCents: vacancy.monthlyChargesCents,
      financing: dwelling.financing ?? null,
      surfaceM2: dwelling.surfaceM2 ?? null,
      typology: dwelling.typology ?? null,
      accessibility: dwelling.accessibility ?? null,
      floor: dwelling.floor ?? null,
      lift: dwelling.lift ?? null,
      communeId: dwelling.communeId ?? null,
      communeCode: commune?.code ?? null,
      communeName: commune?.name ?? null,
      benefitZone: commune?.housingBenefitZone ?? null,
    };
    const pool = new Map(
      spec.candidates.map((c) => [householdId(c.household), poolHousehold(c.household, designatedOn)]),
    );
    const budgetOf = budgetsIn(matching, pool, convention, scales, designatedOn);
    const dwellingSeen = dwellingFacts(matching);

    const designationId = stableId(`designation:${vacancyId}`);
    const designator = spec.designatedBy === 'siao-cw' ? 'siao' : 'passage';
    rows.designations.push({
      id: designationId,
      vacancyId,
      meetingId: null,
      designatedOn,
      policyVersion: 0,
      fewerReason: spec.candidates.length < 3 ? (spec.fewerReason ?? null) : null,
      designatedByOrganisationId: organisationId(designator),
      designatedByUserId: userId(spec.designatedBy),
      createdAt: daysAgo(now, spec.designatedAgo),
    });
    if (spec.candidates.length < 3 && !spec.fewerReason)
      throw new Error(`Désignations : ${spec.reference} sans motif pour moins de trois ménages.`);

    const answerDue = offerDeadline(designatedOn, { departementCode: DEMO_DEPARTEMENT.code });
    const decidedOn = day(spec.designatedAgo - COMMISSION_AFTER);
    const today = day(0);
    const mine: (typeof written)[number][] = [];
    for (const [i, c] of spec.candidates.entries()) {
      const hId = householdId(c.household);
      const row = pool.get(hId)!;
      const facts = householdFacts(row, designatedOn);
      const assessed = assess(facts, dwellingSeen, budgetOf, DEFAULT_POLICY, 0, designatedOn);
      const explanation = assessed.explain();
      if (!assessed.eligible)
        throw new Error(
          `Désignations : ${c.household} ne passe pas les filtres de ${spec.reference} : ${explanation.filters
            .filter((f) => !f.passed)
            .map((f) => f.detail)
            .join(' ; ')}`,
        );
      const answer = c.answer;
      const answeredOn = answer && answer !== 'silence' ? addDays(designatedOn, answer.after) : null;
      if (answeredOn && (answeredOn > answerDue || answeredOn > today))
        throw new Error(`Désignations : réponse de ${c.household} hors délai sur ${spec.reference}.`);
      if (!answer && answerDue < today)
        throw new Error(`Désignations : ${c.household} sans réponse après le délai sur ${spec.reference}.`);
      const d = c.decision;
      if (d) {
        const conditionDue = d.kind === 'conditional' ? addDays(decidedOn, 30) : null;
        const checked = decisionErrors(
          {
            decision: d.kind,
            decisionRank: d.rank ?? null,
            condition: d.condition ?? null,
            conditionDue,
            reason: d.reason ?? null,
            decidedOn,
          },
          {
            answer: answer === 'silence' ? 'silence' : (answer?.kind ?? null),
            answerReason: answer && answer !== 'silence' ? (answer.reason ?? null) : null,
            answeredOn,
            answerDue,
            decision: null,
            decisionRank: null,
            decisionReason: null,
            decidedOn: null,
            proposedOn: designatedOn,
          },
          {
            today,
            siblings: mine.map((s) => ({
              rank: s.rank,
              decision: s.decision ?? null,
              decisionRank: s.decisionRank ?? null,
            })),
          },
        );
        const problems = [checked.conflict, checked.inconsistent, ...Object.values(checked.fields)];
        if (problems.some(Boolean))
          throw new Error(
            `Désignations : décision sur ${c.household} (${spec.reference}) : ${problems.join(' ')}`,
          );
      }
      const updates = (answer ? 1 : 0) + (d ? 1 : 0);
      const lastAgo = d
        ? spec.designatedAgo - COMMISSION_AFTER
        : answer === 'silence'
          ? Math.max(0, Math.round((now.getTime() - Date.parse(`${addDays(answerDue, 1)}T05:05:00Z`)) / DAY))
          : answer
            ? spec.designatedAgo - answer.after
            : spec.designatedAgo;
      const proposal: (typeof written)[number] = {
        id: stableId(`vacancy-proposal:${vacancyId}:${c.household}`),
        designationId,
        vacancyId,
        householdId: hId,
        projectId: row.project.id,
        poolOrganisationId: row.project.poolOrganisationId,
        rank: i + 1,
        occupancy: c.occupancy,
        notifiedOn: designatedOn,
        answerDue,
        explanation,
        answer: answer === 'silence' ? 'silence' : (answer?.kind ?? null),
        answerReason: answer === 'silence' ? 'no_answer' : (answer?.reason ?? null),
        answerNote: answer && answer !== 'silence' ? (answer.note ?? null) : null,
        answeredOn,
        answerRecordedByUserId: answer && answer !== 'silence' ? row.project.openedByUserId : null,
        decision: d?.kind ?? null,
        decisionRank: d?.rank ?? null,
        decisionCondition: d?.condition ?? null,
        conditionDue: d?.kind === 'conditional' ? addDays(decidedOn, 30) : null,
        decisionReason: d?.reason ?? null,
        decisionNote: d?.note ?? null,
        decidedOn: d ? decidedOn : null,
        decidedByUserId: d ? userId('habitat-rental') : null,
        rowVersion: 1 + updates,
        createdAt: daysAgo(now, spec.designatedAgo),
        updatedAt: daysAgo(now, lastAgo),
        typology: dwelling.typology ?? null,
      };
      mine.push(proposal);
    }
    written.push(...mine);
    rows.vacancyProposals.push(...mine.map(({ typology: _typology, ...p }) => p));

    if (past) {
      const allocated = mine.find((p) => p.decision && isAllocating(p.decision));
      if (allocated) {
        vacancy.status = 'closed';
        vacancy.endedAt = daysAgo(now, spec.designatedAgo - COMMISSION_AFTER);
        vacancy.endedByUserId = userId('habitat-rental');
        vacancy.endReason = allocatedVacancyReason(allocated.decision!, allocated.rank);
      } else {
        if (!spec.ended) throw new Error(`Désignations : ${spec.reference} sans fin.`);
        vacancy.status = spec.ended.status;
        vacancy.endedAt = daysAgo(now, spec.designatedAgo - COMMISSION_AFTER - 3);
        vacancy.endedByUserId = userId('habitat-rental');
        vacancy.endReason = spec.ended.reason;
      }
    }
  };

  for (const spec of PAST) place(spec, true);
  place(LIVE, false);
  return rows;
}
