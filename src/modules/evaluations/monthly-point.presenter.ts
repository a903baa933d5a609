import type { TMonthFigures, TMonthlyPoint } from '../../shared/contracts/evaluations.ts';
import type { MonthFigures } from '../../shared/evaluations/monthly-point.ts';
import { briqueName } from '../referentiel/index.ts';
import type { MonthlyPointRecord } from './monthly-points.repository.ts';

/** The figures in words: each brique with its label in the measure's référentiel, each objective by its title. */
export const presentFigures = (figures: MonthFigures, referentielVersion: string): TMonthFigures => ({
  activities: figures.activities,
  minutes: figures.minutes,
  contacts: figures.contacts,
  homeVisits: figures.homeVisits,
  byBrique: figures.byBrique.map((b) => ({ ...b, label: briqueName(referentielVersion, b.code) })),
  objectives: figures.objectives.map((o) => ({ title: o.title, activities: o.activities })),
});

export function presentPoint(record: MonthlyPointRecord, referentielVersion: string): TMonthlyPoint {
  const p = record.point;
  return {
    id: p.id,
    measureId: p.measureId,
    month: p.month,
    version: p.version,
    status: p.status,
    report: p.report,
    figures: presentFigures(p, referentielVersion),
    preparedByName: record.preparedByName,
    validatedByName: record.validatedByName,
    validatedAt: p.validatedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
    rowVersion: p.rowVersion,
  };
}
