import { PARIS_TIME_ZONE } from './time.ts';

/**
 * French display formats, one set for the browser, the server's history and audit sentences and
 * the PDFs: dates in Europe/Paris, money from integer cents.
 */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, dateStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'short',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, timeStyle: 'short' });
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** `2026-03-05` or an ISO date-time (or a Date) → `05/03/2026`, the day as seen in Paris. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (value instanceof Date) return dateFormat.format(value);
  // A bare calendar date has no time zone: format it as written.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  return dateFormat.format(new Date(value));
}

export const formatDateTime = (value: string | Date | null | undefined): string =>
  value ? dateTimeFormat.format(new Date(value)) : '—';

export const formatTime = (iso: string): string => timeFormat.format(new Date(iso));

/** Narrow no-break spaces (Intl's thousands separator) become plain ones: PDFs' fonts lack them. */
export const formatCents = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '—' : euroFormat.format(cents / 100).replace(/\u202f/g, ' ');

const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** A calendar month `2026-03` (or a day in it) → `mars 2026`. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/** A calendar day `2026-04-05` → `5 avril 2026` (`1er` for the first of the month), as written in letters. */
export function formatLongDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !name) return day;
  const date = Number(m[3]);
  return `${date === 1 ? '1er' : date} ${name} ${m[1]}`;
}
