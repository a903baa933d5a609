import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { canSeeSensitivity } from '../../shared/access/household-fields.ts';
import { canDoLease, type LeaseActor } from '../../shared/access/lease-policy.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { TContract, TContractSummary } from '../../shared/contracts/leases.ts';
import type { Sensitivity } from '../../shared/contracts/household-enums.ts';
import type { ContractEvent, EndOutcome, LeaseParty } from '../../shared/leases/contract-rules.ts';
import { partiesSpokenFor, type SlidingRatings } from '../../shared/leases/sliding.ts';
import type { ContractRow } from './leases.repository.ts';

export const presentSummary = (row: ContractRow): TContractSummary => ({
  id: row.contract.id,
  kind: row.contract.kind,
  status: row.contract.status,
  dwelling: { id: row.contract.dwellingId, address: row.address },
  household:
    row.contract.householdId && row.fileNumber !== null
      ? { id: row.contract.householdId, name: formatFileNumber(row.fileNumber) }
      : null,
  occupantName: row.occupantName,
  lessorName: row.lessorOrganisationName ?? row.contract.lessorName,
  intermediaryName: row.intermediaryName,
  startOn: row.contract.startOn,
  endOn: row.contract.endOn,
  slidingReviewOn: row.contract.slidingReviewOn,
});

export interface ContractDetails {
  events: {
    id: string;
    event: string;
    occurredOn: string;
    note: string | null;
    party: string | null;
    recordedByName: string | null;
  }[];
  documents: {
    id: string;
    label: string;
    householdDocumentId: string;
    fileName: string;
    sensitivity: Sensitivity;
    createdAt: Date;
  }[];
  evaluations: {
    id: string;
    party: string;
    reviewOn: string;
    evaluatedOn: string;
    ratings: Record<string, { rating: string; comment: string | null }>;
    comment: string | null;
    rowVersion: number;
    recordedByName: string | null;
  }[];
}

/**
 * The whole contract for its reader: the documents only as far as the reader's level on the
 * household's file shows them, and what the reader may do.
 */
export function presentContract(
  row: ContractRow,
  details: ContractDetails,
  reader: { actor: LeaseActor; householdLevel: HouseholdAccessLevel },
): TContract {
  const c = row.contract;
  const readsHousehold = reader.householdLevel !== 'none';
  return {
    ...presentSummary(row),
    lessorKind: c.lessorKind,
    lessorOrganisationId: c.lessorOrganisationId,
    intermediaryOrganisationId: c.intermediaryOrganisationId,
    tenantReference: c.tenantReference,
    signedOn: c.signedOn,
    endOutcome: c.endOutcome as EndOutcome | null,
    endReason: c.endReason,
    endedByParty: c.endedByParty as LeaseParty | null,
    objectives: c.objectives,
    previousContractId: c.previousContractId,
    nextContractId: row.nextContractId,
    rowVersion: c.rowVersion,
    events: details.events.map((e) => ({
      ...e,
      event: e.event as ContractEvent,
      party: e.party as LeaseParty | null,
    })),
    documents: details.documents
      .filter((d) => readsHousehold && canSeeSensitivity(reader.householdLevel, d.sensitivity))
      .map((d) => ({
        id: d.id,
        label: d.label,
        fileName: d.fileName,
        householdDocumentId: d.householdDocumentId,
        attachedOn: d.createdAt.toISOString(),
      })),
    evaluations: details.evaluations.map((e) => ({
      ...e,
      party: e.party as LeaseParty,
      ratings: e.ratings as SlidingRatings,
    })),
    canManage: canDoLease(reader.actor, 'manage_contract', c, readsHousehold),
    evaluatesFor: canDoLease(reader.actor, 'evaluate_sliding', c, readsHousehold)
      ? partiesSpokenFor(reader.actor.organisationId, c)
      : [],
    // To a file the reader will choose among those it reads.
    canLinkHousehold: c.householdId === null && canDoLease(reader.actor, 'link_household', c, true),
    canUnlinkHousehold:
      c.householdId !== null && canDoLease(reader.actor, 'unlink_household', c, readsHousehold),
  };
}
