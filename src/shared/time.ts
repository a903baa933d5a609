/**
 * Calendar days and clock times as people in France read them (Europe/Paris), for the server,
 * the PDFs and the browser alike: a date computed in UTC is a day off every evening after 23:00
 * (00:00 in summer).
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

// One formatter per process: building one per call is a measurable cost on every request.
const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: PARIS_TIME_ZONE });

/** The Paris calendar day of an instant, as YYYY-MM-DD. */
export const parisDate = (at: Date): string => isoDay.format(at);

/** Today in Paris (YYYY-MM-DD); the server passes its clock, the browser its own. */
export const parisToday = (now: Date = new Date()): string => parisDate(now);

const clockParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** How far Paris clocks are ahead of UTC at an instant, in ms (one or two hours). */
function parisOffset(at: number): number {
  const p = Object.fromEntries(clockParts.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000;
}

/**
 * `YYYY-MM-DDTHH:mm` read on a Paris clock → the ISO instant, whatever the machine's time zone;
 * '' when incomplete, so that a schema reports it on the field.
 */
export function parisInstant(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset is taken again at the first guess: near a clock change the wall time decides it.
  const guess = wall - parisOffset(wall);
  return new Date(wall - parisOffset(guess)).toISOString();
}

/** The instant a Paris calendar day (YYYY-MM-DD) begins: 00:00 on Paris clocks. */
export const parisDayStart = (day: string): Date => new Date(parisInstant(`${day}T00:00`));

/** A calendar day (YYYY-MM-DD) moved by whole days, as calendars count them. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** An instant as `YYYY-MM-DDTHH:mm` on a Paris clock (what a datetime-local input holds). */
export function parisLocal(at: Date | string): string {
  const p = Object.fromEntries(clockParts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const two = (v: string | undefined) => String(v).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
