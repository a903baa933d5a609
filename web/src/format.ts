/** French display formats (dates in Europe/Paris, money from integer cents). */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' });
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** `2026-03-05` or an ISO date-time → `05/03/2026`. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  // A bare calendar date has no time zone: format it as written.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  return dateFormat.format(new Date(value));
}

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTimeFormat.format(new Date(iso)) : '—';

export const formatTime = (iso: string): string => timeFormat.format(new Date(iso));

export const formatCents = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '—' : euroFormat.format(cents / 100);
