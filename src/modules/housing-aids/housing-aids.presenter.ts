import { OCCUPANCY_KIND_LABELS, type OccupancyKind } from '../../shared/contracts/housing-stock.ts';
import { AID_FORM_LABELS, AID_KIND_LABELS, type TAid } from '../../shared/contracts/housing-aids.ts';
import { loanStatus } from '../../shared/housing-aids/loans.ts';
import type { AidEventRow, AidRepaymentRow, AidRow } from './housing-aids.repository.ts';

/** A contract in words: its kind and its dwelling's address. */
export const contractLabel = (c: { kind: OccupancyKind; address: string }) =>
  `${OCCUPANCY_KIND_LABELS[c.kind]} — ${c.address}`;

/** The posting's label on the rent account: the aid in words, never a code. */
export const creditLabel = (aid: Pick<AidRow, 'kind' | 'form' | 'funderName'>) =>
  `${AID_KIND_LABELS[aid.kind]} (${AID_FORM_LABELS[aid.form].toLowerCase()}) — ${aid.funderName}`;

export function presentAid(
  row: AidRow,
  extra: {
    payeeName: string | null;
    contractLabel: string | null;
    events: AidEventRow[];
    renewedByAidId: string | null;
    repayments: AidRepaymentRow[];
    today: string;
  },
): TAid {
  const repaidCents = extra.repayments.reduce((s, r) => s + r.amountCents, 0);
  return {
    id: row.id,
    householdId: row.householdId,
    kind: row.kind,
    form: row.form,
    funderName: row.funderName,
    payee: row.payee,
    payeeOrganisationId: row.payeeOrganisationId,
    payeeName: extra.payeeName,
    contractId: row.contractId,
    contractLabel: extra.contractLabel,
    status: row.status,
    requestedOn: row.requestedOn,
    amountRequestedCents: row.amountRequestedCents,
    decidedOn: row.decidedOn,
    amountGrantedCents: row.amountGrantedCents,
    refusalReason: row.refusalReason,
    amountPaidCents: row.amountPaidCents,
    lastPaidOn: row.lastPaidOn,
    months: row.months,
    renewsAidId: row.renewsAidId,
    renewedByAidId: extra.renewedByAidId,
    repaymentSchedule: row.repaymentSchedule,
    repayments: extra.repayments.map(({ aidId: _, ...r }) => r),
    repaidCents,
    instalments:
      row.status === 'paid' && row.repaymentSchedule
        ? loanStatus(row.repaymentSchedule, row.amountPaidCents, repaidCents, extra.today)
        : [],
    note: row.note,
    rowVersion: row.rowVersion,
    events: extra.events.map(({ aidId: _, ...e }) => e),
  };
}

/** What the audit entry of a change keeps: kinds and amounts, never a name or a note. */
export const aidAuditDetails = (row: AidRow, extra: Record<string, unknown> = {}) => ({
  kind: row.kind,
  form: row.form,
  status: row.status,
  ...extra,
});
