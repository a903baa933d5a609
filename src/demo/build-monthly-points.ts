import type { monthlyPoints } from '../modules/evaluations/schema.ts';
import type { measures } from '../modules/measures/schema.ts';
import { monthBounds, monthFigures, monthlyPointMonths } from '../shared/evaluations/monthly-point.ts';
import type { JournalDemoRows } from './build-journal.ts';
import { DAY, seedOf } from './dates.ts';
import { stableId } from './ids.ts';
import { createPrng } from './prng.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface MonthlyPointDemoRows {
  monthlyPoints: Row<typeof monthlyPoints>[];
}

const REPORTS = [
  'Point fait au domicile avec le ménage : le loyer du mois est payé, le plan d’apurement tenu. Prochaine étape : le renouvellement de la complémentaire santé.',
  'Point fait au bureau : le dossier FSL maintien est déposé, le ménage attend la réponse. Il garde la main sur la déclaration CAF du trimestre.',
  'Point par téléphone puis au domicile : le budget du mois est tenu, un retard de facture d’énergie est réglé avec le fournisseur.',
  'Point fait avec le ménage : les démarches de la mutation sont lancées, le bailleur est informé. Le ménage a repris contact avec l’assistante sociale de secteur.',
];

/**
 * The monthly points of the measures under way, from the demo journal: the months before the
 * current one validated by the référent a few days after the month's end, the last one of every
 * other measure still a draft. The current month has none yet.
 */
export function buildMonthlyPointRows(
  now: Date,
  data: { measures: Row<typeof measures>[] } & JournalDemoRows,
): MonthlyPointDemoRows {
  const rows: MonthlyPointDemoRows = { monthlyPoints: [] };
  data.measures.forEach((m, i) => {
    if (m.status !== 'active' || !m.startOn || !m.caseworkerUserId) return;
    const prng = createPrng(seedOf(`monthly-points:${m.id}`));
    const past = monthlyPointMonths({ startOn: m.startOn, endedOn: null }, now).slice(0, -1).slice(-3);
    past.forEach((month, k) => {
      const { from, to } = monthBounds(month);
      const figures = monthFigures(
        data.journalEntries
          .filter(
            (e) =>
              e.measureId === m.id &&
              e.status !== 'cancelled' &&
              (e.occurredAt as Date) >= from &&
              (e.occurredAt as Date) < to,
          )
          .map((e) => ({
            kind: e.kind,
            durationMinutes: e.durationMinutes,
            briques: e.briques ?? [],
            objectives: e.objectives ?? [],
          })),
      );
      const draft = k === past.length - 1 && i % 2 === 0;
      const at = new Date(to.getTime() + prng.int(1, 5) * DAY + 9 * 3_600_000);
      const when = at < now ? at : new Date(now.getTime() - DAY);
      rows.monthlyPoints.push({
        id: stableId(`monthly-point:${m.id}:${month}`),
        householdId: m.householdId,
        measureId: m.id!,
        month,
        status: draft ? 'draft' : 'validated',
        report: prng.pick(REPORTS)!,
        ...figures,
        organisationId: m.operatorOrganisationId,
        preparedByUserId: m.caseworkerUserId,
        validatedByUserId: draft ? null : m.caseworkerUserId,
        validatedAt: draft ? null : when,
        createdAt: when,
        updatedAt: when,
      });
    });
  });
  return rows;
}
