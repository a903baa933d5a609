import type { Actor } from '../../kernel/actor.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import {
  canWriteContract,
  partnerPartyOf,
  readsPersonalTerms,
} from '../../shared/access/support-contract-policy.ts';
import {
  CONTRACT_PARTIES,
  type TContractVersion,
  type TSupportContract,
} from '../../shared/contracts/support-contracts.ts';
import { briqueLabel } from '../../shared/referentiel/referentiel.ts';
import { missingForSignature, requiredSignatories } from '../../shared/support-contracts/signatures.ts';
import { referentielVersion } from '../referentiel/index.ts';
import type { ContractRecord } from './support-contracts.repository.ts';

type VersionRecord = ContractRecord['versions'][number];

export interface Reader {
  actor: Actor;
  level: HouseholdAccessLevel;
}

export const signatoriesOf = (
  version: { landlordOrganisationId: string | null },
  operatorOrganisationId: string,
) => requiredSignatories({ landlordOrganisationId: version.landlordOrganisationId, operatorOrganisationId });

function presentVersion(
  v: VersionRecord,
  operatorOrganisationId: string,
  reader: Reader,
  writer: boolean,
): TContractVersion {
  const referentiel = referentielVersion(v.terms.referentielVersion);
  const brique = (code: string) => ({ code, label: referentiel ? briqueLabel(referentiel, code) : code });
  const personal = readsPersonalTerms(reader.level);
  const open = v.status === 'draft' || v.status === 'signing';
  return {
    number: v.number,
    status: v.status,
    terms: v.terms,
    ...(personal ? { objectives: v.objectives.map((o) => ({ ...o, briques: o.briques.map(brique) })) } : {}),
    briques: [...new Set(v.objectives.flatMap((o) => o.briques))].sort().map(brique),
    commitments: {
      ...(personal ? { household: v.commitments.household } : {}),
      landlord: v.commitments.landlord,
      association: v.commitments.association,
    },
    modalities: v.modalities,
    clauses: v.clauses,
    requiredSignatories: signatoriesOf(v, operatorOrganisationId),
    signatures: [...v.signatures]
      .sort((a, b) => CONTRACT_PARTIES.indexOf(a.party) - CONTRACT_PARTIES.indexOf(b.party))
      .map((s) => ({
        party: s.party,
        method: s.method,
        signerName: s.signerName,
        organisationName:
          s.party === 'association'
            ? v.terms.operatorName
            : s.party === 'landlord'
              ? v.terms.landlordName
              : null,
        witnessName: s.witnessName,
        signedAt: s.signedAt.toISOString(),
        signaturePng: s.signaturePng,
      })),
    ...(writer && open ? { missingForSignature: missingForSignature(v.objectives) } : {}),
    createdAt: v.createdAt.toISOString(),
    inForceAt: v.inForceAt?.toISOString() ?? null,
    replacedAt: v.replacedAt?.toISOString() ?? null,
  };
}

/**
 * The contract as its reader may see it: the household's objectives and commitments only for the
 * caseworker level (ADR 0013); what the reader may do on the latest version.
 */
export function presentContract(
  record: ContractRecord,
  measure: { operatorOrganisationId: string },
  reader: Reader,
): TSupportContract {
  const writer = canWriteContract(reader.actor, measure);
  const latest = record.versions[0]!;
  const party = partnerPartyOf(reader.actor, {
    operatorOrganisationId: measure.operatorOrganisationId,
    landlordOrganisationId: latest.landlordOrganisationId,
  });
  const awaited =
    party !== null &&
    (latest.status === 'draft' || latest.status === 'signing') &&
    signatoriesOf(latest, measure.operatorOrganisationId).includes(party) &&
    !latest.signatures.some((s) => s.party === party) &&
    Object.keys(missingForSignature(latest.objectives)).length === 0;
  return {
    id: record.contract.id,
    householdId: record.contract.householdId,
    measureId: record.contract.measureId,
    rowVersion: record.contract.rowVersion,
    versions: record.versions.map((v) => presentVersion(v, measure.operatorOrganisationId, reader, writer)),
    canWrite: writer,
    canSignFor: awaited ? party : null,
  };
}
