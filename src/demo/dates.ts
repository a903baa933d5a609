import { createHash } from 'node:crypto';

/** Date and amount helpers shared by the demo builders: everything is relative to the load date. */
export const DAY = 86_400_000;
export const cents = (euros: number) => Math.round(euros * 100);
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const monthsAgo = (now: Date, months: number) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  d.setUTCDate(Math.min(now.getUTCDate(), 28));
  return isoDate(d);
};
/** A PRNG seed derived from a label, so each builder draws its own stable sequence. */
export const seedOf = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0);
