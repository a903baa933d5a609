import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';
import { yearWindow, type DayRange } from './review.ts';

/**
 * The yearly plan of a dwelling under adapted rental management (GLA, briques 3.2–3.4): a contact
 * with the household every month (3.2, relation locative personnalisée), a visit of the dwelling
 * (3.2), a technical check (3.4, gestion technique) and a review of the consumption (3.3–3.4), over
 * the part of the year the dwelling is managed.
 */
export const GLA_TASK_KINDS = [
  'monthly_contact',
  'yearly_visit',
  'technical_check',
  'consumption_review',
] as const;
export type GlaTaskKind = (typeof GLA_TASK_KINDS)[number];
export const GLA_TASK_LABELS: Record<GlaTaskKind, string> = {
  monthly_contact: 'Contact mensuel avec le ménage',
  yearly_visit: 'Visite annuelle du logement',
  technical_check: 'Contrôle technique du logement',
  consumption_review: 'Point sur les consommations (énergie, eau)',
};
/** The brique of the référentiel each task serves. */
export const GLA_TASK_BRIQUES: Record<GlaTaskKind, string> = {
  monthly_contact: '3.2',
  yearly_visit: '3.2',
  technical_check: '3.4',
  consumption_review: '3.3',
};

export interface GlaTask {
  kind: GlaTaskKind;
  dueOn: string;
}

/**
 * The tasks of `year` for a dwelling managed over `managed`: a contact due by the end of each month
 * (or the last managed day of a month cut short), the visit three months and the technical check six
 * months after the start of the managed part of the year, the consumption review on its last day —
 * each no later than that day. Empty when the dwelling is not managed that year.
 */
export function glaPlan(year: number, managed: DayRange): GlaTask[] {
  const window = yearWindow(year, managed);
  if (!window) return [];
  const cap = (day: string) => (day < window.to ? day : window.to);
  const tasks: GlaTask[] = [];
  for (let month = `${window.from.slice(0, 7)}-01`; month <= window.to; month = addMonths(month, 1))
    tasks.push({ kind: 'monthly_contact', dueOn: cap(addDays(addMonths(month, 1), -1)) });
  tasks.push({ kind: 'yearly_visit', dueOn: cap(addMonths(window.from, 3)) });
  tasks.push({ kind: 'technical_check', dueOn: cap(addMonths(window.from, 6)) });
  tasks.push({ kind: 'consumption_review', dueOn: window.to });
  return tasks;
}
