import type { Queryable } from '../../kernel/db.ts';
import type { TAid } from '../../shared/contracts/housing-aids.ts';
import { contractLabel, presentAid } from './housing-aids.presenter.ts';
import {
  contractsByIds,
  eventsOf,
  householdAids,
  repaymentsOf,
  type AidRow,
} from './housing-aids.repository.ts';

/**
 * Aids as answered: each with its payee's name, its contract in words, its events, its renewal and,
 * for a loan, its repayments and instalments as they stand on the Paris day `today`.
 */
export async function viewAids(
  q: Queryable,
  rows: { aid: AidRow; payeeName: string | null }[],
  renewals: ReadonlyMap<string, string>,
  today: string,
): Promise<TAid[]> {
  const ids = rows.map((r) => r.aid.id);
  const [events, contracts, repayments] = await Promise.all([
    eventsOf(q, ids),
    contractsByIds(q, [...new Set(rows.flatMap((r) => (r.aid.contractId ? [r.aid.contractId] : [])))]),
    repaymentsOf(q, ids),
  ]);
  const labels = new Map(contracts.map((c) => [c.id, contractLabel(c)]));
  return rows.map(({ aid, payeeName }) =>
    presentAid(aid, {
      payeeName,
      contractLabel: aid.contractId ? (labels.get(aid.contractId) ?? null) : null,
      events: events.filter((e) => e.aidId === aid.id),
      renewedByAidId: renewals.get(aid.id) ?? null,
      repayments: repayments.filter((r) => r.aidId === aid.id),
      today,
    }),
  );
}

/** One aid of the household as answered after a change. */
export async function viewAid(
  q: Queryable,
  householdId: string,
  aidId: string,
  today: string,
): Promise<TAid> {
  const rows = await householdAids(q, householdId);
  const renewals = new Map(rows.flatMap((r) => (r.aid.renewsAidId ? [[r.aid.renewsAidId, r.aid.id]] : [])));
  const [aid] = await viewAids(
    q,
    rows.filter((r) => r.aid.id === aidId),
    renewals,
    today,
  );
  return aid!;
}
