import type { capacityAssessments } from '../modules/diagnostics/schema.ts';
import type { evaluations, evaluationShares } from '../modules/evaluations/schema.ts';
import type { householdParties } from '../modules/households/schema.ts';
import type { measures } from '../modules/measures/schema.ts';
import { deriveLandlordVersion } from '../shared/access/evaluation-sharing.ts';
import { CAPACITY_CRITERION_KEYS, type TCapacityScores } from '../shared/contracts/diagnostics.ts';
import type { TEvaluationContent } from '../shared/contracts/evaluations.ts';
import { evaluationsDue } from '../shared/evaluations/due.ts';
import { parisDate } from '../shared/time.ts';
import { DAY } from './dates.ts';
import { stableId } from './ids.ts';
import { organisationId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface EvaluationDemoRows {
  evaluations: Row<typeof evaluations>[];
  evaluationShares: Row<typeof evaluationShares>[];
}

/** A plausible grid when the household has none: mostly « with occasional help ». */
const FALLBACK_GRID = Object.fromEntries(
  CAPACITY_CRITERION_KEYS.map((k, i) => [k, { score: i % 4 === 0 ? 2 : 3 }]),
) as TCapacityScores;

/**
 * One measure of Le Passage with a validated interim evaluation (bilan d'étape) shared with the
 * landlord Habitat Brenne: the measure under way, begun before the renewals, whose household has
 * Habitat Brenne among its parties — the one whose interim date has come first. Its grid is the
 * diagnostic's, a little better; the comments are the caseworker's and stay out of the share.
 */
export function buildEvaluationRows(
  now: Date,
  data: {
    measures: Row<typeof measures>[];
    parties: Row<typeof householdParties>[];
    capacityAssessments: Row<typeof capacityAssessments>[];
  },
): EvaluationDemoRows {
  const rows: EvaluationDemoRows = { evaluations: [], evaluationShares: [] };
  const today = parisDate(now);
  const landlord = organisationId('habitat');
  const candidates = data.measures
    .filter(
      (m) =>
        m.status === 'active' &&
        m.startOn &&
        m.plannedEndOn &&
        (m.renewals ?? 0) === 0 &&
        m.caseworkerUserId &&
        m.operatorOrganisationId === organisationId('passage') &&
        data.parties.some(
          (p) => p.householdId === m.householdId && p.organisationId === landlord && !p.endedAt,
        ),
    )
    .map((m) => ({ m, due: evaluationsDue({ periodStart: m.startOn!, plannedEndOn: m.plannedEndOn! })! }))
    .sort((a, b) => a.due.interimDueOn.localeCompare(b.due.interimDueOn) || a.m.id!.localeCompare(b.m.id!));
  const chosen = candidates.find((c) => c.due.interimDueOn <= today) ?? candidates[0];
  if (!chosen) return rows;
  const { m } = chosen;
  const baseline = data.capacityAssessments
    .filter((a) => a.householdId === m.householdId)
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
  const before = baseline?.scores ?? null;
  const start = before ?? FALLBACK_GRID;
  const grid = Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k, i) => [
      k,
      {
        score: (i % 3 === 0 ? Math.min(4, start[k].score + 1) : start[k].score) as 1 | 2 | 3 | 4,
        comment:
          k === 'rent_payment'
            ? 'Loyer payé à date depuis trois mois, après un retard en début de mesure.'
            : '',
      },
    ]),
  ) as TCapacityScores;
  const content: TEvaluationContent = {
    objectives: [
      {
        title: 'Payer le loyer et les charges chaque mois',
        briques: ['3.3'],
        outcome: 'reached',
        comment: 'Prélèvement mis en place avec la CAF ; plus de retard depuis le troisième mois.',
      },
      {
        title: 'Entretenir le logement et signaler les incidents au bailleur',
        briques: ['3.4'],
        outcome: 'partly',
        comment:
          'Le ménage signale les pannes, mais l’entretien courant reste à accompagner (fatigue, horaires décalés).',
      },
      {
        title: 'Reprendre des activités au centre social du quartier',
        briques: ['2.6'],
        outcome: 'not_reached',
        comment: 'Pas encore : le ménage préfère attendre la rentrée scolaire des enfants.',
      },
    ],
    grid,
    nextStep: null,
    partnerNote:
      'Le loyer courant est réglé chaque mois ; l’accompagnement se poursuit sur l’entretien du logement.',
    notes:
      'Bilan lu avec le ménage à son domicile. Madame souhaite garder le même référent jusqu’à la fin de la mesure.',
  };
  const validatedAt = new Date(now.getTime() - 3 * DAY);
  const id = stableId(`evaluation:${m.id}:interim`);
  const frame = { kind: 'interim' as const, periodStart: m.startOn!, periodEnd: m.plannedEndOn! };
  rows.evaluations.push({
    id,
    householdId: m.householdId,
    measureId: m.id!,
    ...frame,
    status: 'shared',
    content,
    baselineScores: before,
    baselineAssessedOn: baseline?.assessedOn ?? null,
    organisationId: m.operatorOrganisationId,
    preparedByUserId: m.caseworkerUserId,
    validatedByUserId: m.caseworkerUserId,
    validatedAt,
    createdAt: new Date(validatedAt.getTime() - 2 * DAY),
    updatedAt: validatedAt,
    rowVersion: 3,
  });
  rows.evaluationShares.push({
    id: stableId(`evaluation-share:${id}:landlord`),
    evaluationId: id,
    householdId: m.householdId,
    audience: 'landlord',
    organisationId: landlord,
    snapshot: deriveLandlordVersion(frame, content),
    sharedByUserId: m.caseworkerUserId,
    sharedAt: validatedAt,
  });
  return rows;
}
