import {
  CAPACITY_CRITERION_KEYS,
  type Benefit,
  type CapacityAxis,
  type CapacityCriterion,
  type PartnerAudience,
  type ReadinessOpinion,
  type TCapacityScores,
  type TDiagnosticContent,
  type TPartnerCapacity,
  type TPartnerEvictionStep,
} from '../contracts/diagnostics.ts';
import type { EvictionStep } from '../contracts/household-enums.ts';

/**
 * Need-to-know sharing of the diagnostic (référentiel: "le contenu des bilans transmis doit être
 * adapté selon le destinataire", limited to what bears on housing). Every leaf field of the
 * content has a class; partner versions are built by copying only the fields their class allows.
 *  - landlord: housing history, current dwelling, residential project, budget summary, the
 *    conclusion's need and tactic, household size — both partner versions carry it — and, beside
 *    the content, the eviction procedure's steps and their dates;
 *  - committee: also administrative rights status, employment summary, non-confidential notes
 *    (and the capacity grid, shared beside the content);
 *  - caseworker_only: health, justice, family conflict, life path, narratives of personal
 *    sections, the notes of eviction steps, free notes of any section not listed.
 * A field missing from this table is never copied: a new field stays private until classified.
 * Urgent actions are tasks of the household, never part of a partner version.
 */
export type DiagnosticFieldClass = 'landlord' | 'committee' | 'caseworker_only';

export const DIAGNOSTIC_FIELD_CLASSES = {
  'familySituation.maritalStatus': 'committee',
  'familySituation.adults': 'landlord',
  'familySituation.children': 'landlord',
  'familySituation.expectingChild': 'landlord',
  'familySituation.custodyArrangements': 'caseworker_only',
  'familySituation.familyConflictNotes': 'caseworker_only',
  'familySituation.narrative': 'caseworker_only',
  'lifePath.keyEvents[].date': 'caseworker_only',
  'lifePath.keyEvents[].event': 'caseworker_only',
  'lifePath.narrative': 'caseworker_only',
  'administrative.identityPapersValid': 'committee',
  'administrative.residencePermitUntil': 'committee',
  'administrative.residencePermitPending': 'committee',
  'administrative.socialSecurity': 'committee',
  'administrative.bankAccount': 'committee',
  'administrative.daloRecognised': 'committee',
  'administrative.socialHousingApplicationNumber': 'landlord',
  'administrative.justiceNotes': 'caseworker_only',
  'administrative.narrative': 'caseworker_only',
  'finances.monthlyIncomeCents': 'caseworker_only',
  'finances.monthlyExpensesCents': 'caseworker_only',
  'finances.debtsTotalCents': 'committee',
  'finances.repaymentPlan': 'committee',
  'finances.overindebtedness': 'committee',
  'finances.narrative': 'caseworker_only',
  'employment.status': 'committee',
  'employment.contractType': 'committee',
  'employment.weeklyHours': 'committee',
  'employment.narrative': 'caseworker_only',
  'health.followUp': 'caseworker_only',
  'health.followUpNotes': 'caseworker_only',
  'health.disabilityRecognition': 'caseworker_only',
  'health.addictionNotes': 'caseworker_only',
  'health.mentalHealthNotes': 'caseworker_only',
  'health.narrative': 'caseworker_only',
  'residentialProject.housingType': 'landlord',
  'residentialProject.typology': 'landlord',
  'residentialProject.preferredAreas': 'landlord',
  'residentialProject.maxRentCents': 'landlord',
  'residentialProject.constraints': 'landlord',
  'residentialProject.narrative': 'landlord',
  'stepsUnderWay.items[].label': 'caseworker_only',
  'stepsUnderWay.items[].startedOn': 'caseworker_only',
  'stepsUnderWay.items[].status': 'caseworker_only',
  'stepsUnderWay.narrative': 'caseworker_only',
  'rights[].benefit': 'committee',
  'rights[].status': 'committee',
  'rights[].note': 'caseworker_only',
  'housingHistory.arrearsCents': 'landlord',
  'housingHistory.arrearsSince': 'landlord',
  'housingHistory.arrearsRepaymentPlan': 'landlord',
  'housingHistory.previousTenancies[].landlordName': 'landlord',
  'housingHistory.previousTenancies[].from': 'landlord',
  'housingHistory.previousTenancies[].to': 'landlord',
  'housingHistory.previousTenancies[].endReason': 'landlord',
  // A shelter's name can reveal a refuge (domestic violence): committee only.
  'housingHistory.shelters[].name': 'committee',
  'housingHistory.shelters[].from': 'landlord',
  'housingHistory.shelters[].to': 'landlord',
  'housingHistory.narrative': 'landlord',
  'currentDwelling.hasDwelling': 'landlord',
  'currentDwelling.status': 'landlord',
  'currentDwelling.decency': 'landlord',
  'currentDwelling.overcrowded': 'landlord',
  'currentDwelling.fitsHousehold': 'landlord',
  'currentDwelling.rentCents': 'landlord',
  'currentDwelling.withoutHousingSince': 'landlord',
  'currentDwelling.shelterApplications': 'landlord',
  'currentDwelling.narrative': 'landlord',
  'needsAndExpectations.inHouseholdWords': 'caseworker_only',
  'conclusion.needVsMarket': 'landlord',
  'conclusion.tactic': 'landlord',
  'conclusion.capacityToActAlone': 'committee',
  'conclusion.capacityNotes': 'caseworker_only',
  'conclusion.narrative': 'caseworker_only',
  'budgetSummary.monthlyIncomeCents': 'landlord',
  'budgetSummary.monthlyExpensesCents': 'landlord',
  'budgetSummary.estimatedHousingBenefitCents': 'landlord',
  'budgetSummary.remainingToLiveCents': 'landlord',
  'budgetSummary.effortRatePercent': 'landlord',
  'notes[].text': 'committee',
  'notes[].confidential': 'committee',
} as const satisfies Record<string, DiagnosticFieldClass>;

export type DiagnosticFieldPath = keyof typeof DIAGNOSTIC_FIELD_CLASSES;

/** Benefits whose mere mention reveals health (AAH = recognised disability). */
const HEALTH_REVEALING_BENEFITS: readonly Benefit[] = ['aah'];

/** Rows of a list that are left out whatever their fields' class. */
const ROW_FILTERS: Record<string, (row: Record<string, unknown>) => boolean> = {
  'rights[]': (row) => !HEALTH_REVEALING_BENEFITS.includes(row.benefit as Benefit),
  'notes[]': (row) => row.confidential === false,
};

const VISIBLE: Record<PartnerAudience, readonly DiagnosticFieldClass[]> = {
  landlord: ['landlord'],
  committee: ['landlord', 'committee'],
};

/** Class of a path; an unclassified path is caseworker-only. */
export function diagnosticFieldClass(path: string): DiagnosticFieldClass {
  return (DIAGNOSTIC_FIELD_CLASSES as Record<string, DiagnosticFieldClass>)[path] ?? 'caseworker_only';
}

export const audienceMaySee = (audience: PartnerAudience, path: string) =>
  VISIBLE[audience].includes(diagnosticFieldClass(path));

/** Every prefix under which some classified leaf sits ("housingHistory", "housingHistory.shelters[]"). */
const CONTAINERS = new Set(
  Object.keys(DIAGNOSTIC_FIELD_CLASSES).flatMap((path) => {
    const parts = path.split('.');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
  }),
);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeafValue = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function projectObject(value: Record<string, unknown>, prefix: string, audience: PartnerAudience) {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const projected = project(child, path, audience);
    if (projected !== undefined) out[key] = projected;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function project(value: unknown, path: string, audience: PartnerAudience): unknown {
  if (path in DIAGNOSTIC_FIELD_CLASSES) {
    return isLeafValue(value) && audienceMaySee(audience, path) ? value : undefined;
  }
  if (Array.isArray(value)) {
    const rowPath = `${path}[]`;
    if (!CONTAINERS.has(rowPath)) return undefined;
    const keep = ROW_FILTERS[rowPath] ?? (() => true);
    const rows = value
      .filter((row): row is Record<string, unknown> => isPlainObject(row) && keep(row))
      .map((row) => projectObject(row, rowPath, audience))
      .filter((row) => row !== undefined);
    return rows.length > 0 ? rows : undefined;
  }
  if (isPlainObject(value) && CONTAINERS.has(path)) return projectObject(value, path, audience);
  return undefined;
}

/** The diagnostic as one partner may receive it: only the fields its audience's classes allow. */
export function derivePartnerVersion(
  content: TDiagnosticContent,
  audience: PartnerAudience,
): TDiagnosticContent {
  return (projectObject(content as Record<string, unknown>, '', audience) ?? {}) as TDiagnosticContent;
}

/** The capacity grid for the committee: scores, averages and the caseworker's opinion, no comment. */
export function partnerCapacity(assessment: {
  assessedOn: string;
  scores: TCapacityScores;
  axisAverages: Record<CapacityAxis, number>;
  opinion: ReadinessOpinion;
}): TPartnerCapacity {
  const scores = Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k) => [k, assessment.scores[k].score]),
  ) as Record<CapacityCriterion, 1 | 2 | 3 | 4>;
  return {
    assessedOn: assessment.assessedOn,
    scores,
    axisAverages: assessment.axisAverages,
    opinion: assessment.opinion,
  };
}

/** The procedure's steps as every partner receives them: the step and its date, never its note. */
export const partnerEvictionSteps = (
  steps: readonly { step: EvictionStep; occurredOn: string }[],
): TPartnerEvictionStep[] => steps.map(({ step, occurredOn }) => ({ step, occurredOn }));

/** Which audiences receive the capacity grid beside the content. */
export const audienceGetsCapacity = (audience: PartnerAudience) => audience === 'committee';
