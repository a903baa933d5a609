import type { TArrearsThreshold } from '../contracts/dwellings.ts';

/** By default a tenant is signalled from two months of rent and charges owed (issue 11, point 6). */
export const DEFAULT_ARREARS_THRESHOLD: TArrearsThreshold = { months: 2, amountCents: null };

/**
 * Whether a balance crosses the landlord's threshold: an amount in euros when it set one, else a number
 * of months of the dwelling's rent and charges (no rent known: the months of arrears the file gave).
 */
export function crossesThreshold(
  b: { balanceCents: number; monthlyDueCents: number | null; months: number | null },
  t: TArrearsThreshold,
): boolean {
  if (b.balanceCents <= 0) return false;
  if (t.amountCents !== null) return b.balanceCents >= t.amountCents;
  if (b.monthlyDueCents !== null && b.monthlyDueCents > 0)
    return b.balanceCents >= t.months * b.monthlyDueCents;
  return b.months !== null && b.months >= t.months;
}
