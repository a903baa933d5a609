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
