import { rentCollector } from '../../shared/access/lease-policy.ts';
import type { TPlan, TPosting, TRentAccount } from '../../shared/contracts/rent-accounts.ts';
import { monthOf } from '../../shared/evaluations/monthly-point.ts';
import { arrearsByMonth, totals } from '../../shared/rent-accounts/ledger.ts';
import { checkInstalments, instalmentSchedule } from '../../shared/rent-accounts/plans.ts';
import type { Posting } from '../../shared/rent-accounts/postings.ts';
import type { ContractRow } from './rent-accounts.repository.ts';
import type { RentAccountRow, RentPostingRow, RepaymentPlanRow } from './schema.ts';

export const asPosting = (row: RentPostingRow): Posting => ({
  id: row.id,
  kind: row.kind,
  amountCents: row.amountCents,
  postedOn: row.postedOn,
  reversesPostingId: row.reversesPostingId,
});

export function presentPostings(
  rows: readonly RentPostingRow[],
  names: ReadonlyMap<string, string>,
): TPosting[] {
  const reversed = new Set(rows.map((r) => r.reversesPostingId).filter((id): id is string => id !== null));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amountCents: r.amountCents,
    postedOn: r.postedOn,
    periodMonth: r.periodMonth,
    method: r.method,
    label: r.label,
    reversesPostingId: r.reversesPostingId,
    reversed: reversed.has(r.id),
    recordedByName: r.recordedByUserId ? (names.get(r.recordedByUserId) ?? null) : null,
    recordedAt: r.recordedAt.toISOString(),
  }));
}

/** A plan with each instalment checked against the account's lines (months before `currentMonth` are judged). */
export function presentPlan(plan: RepaymentPlanRow, lines: readonly Posting[], currentMonth: string): TPlan {
  return {
    id: plan.id,
    version: plan.version,
    status: plan.status,
    debtCents: plan.debtCents,
    instalmentCount: plan.instalmentCount,
    startMonth: plan.startMonth,
    note: plan.note,
    createdAt: plan.createdAt.toISOString(),
    instalments: checkInstalments(instalmentSchedule(plan), lines, currentMonth),
  };
}

export function presentAccount(input: {
  contract: ContractRow;
  occupant: string;
  account: RentAccountRow | null;
  rows: readonly RentPostingRow[];
  plans: readonly RepaymentPlanRow[];
  calledMonths: string[];
  canPost: boolean;
  now: Date;
}): TRentAccount {
  const { contract, account } = input;
  const lines = input.rows.map(asPosting);
  const t = totals(lines);
  const currentMonth = monthOf(input.now);
  const until = account?.closedOn ? monthOf(account.closedOn) : currentMonth;
  return {
    contractId: contract.id,
    exists: account !== null,
    status: account?.status ?? null,
    openedOn: account?.openedOn ?? null,
    closedOn: account?.closedOn ?? null,
    occupant: input.occupant,
    dwelling: contract.dwellingAddress,
    collector: collectorName(contract),
    canPost: input.canPost,
    ...t,
    arrears: arrearsByMonth(lines, until),
    calledMonths: input.calledMonths,
    plans: input.plans.map((p) => presentPlan(p, lines, currentMonth)),
  };
}

/** Whom the occupant pays, by name. */
export const collectorName = (contract: ContractRow): string =>
  (contract.intermediaryOrganisationId !== null &&
  rentCollector(contract) === contract.intermediaryOrganisationId
    ? contract.intermediaryName
    : contract.lessorName) ?? '—';
