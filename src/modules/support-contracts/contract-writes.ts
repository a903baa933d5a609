import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../kernel/errors.ts';
import { canWriteContract } from '../../shared/access/support-contract-policy.ts';
import {
  CONTRACT_PARTY_LABELS,
  type ContractParty,
  type TSupportContractAnswer,
} from '../../shared/contracts/support-contracts.ts';
import { missingForSignature, statusFromSignatures } from '../../shared/support-contracts/signatures.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { measureForContract, type MeasureForContract } from '../measures/index.ts';
import { generateTerms } from './contract-terms.ts';
import { presentContract, signatoriesOf } from './support-contract.presenter.ts';
import {
  claimContract,
  findContract,
  insertSignature,
  updateVersion,
  type ContractRecord,
} from './support-contracts.repository.ts';
import type { supportContractSignatures } from './schema.ts';

/** The measures a contract is written for: validated by the funder, running, or ended. */
export const CONTRACT_MEASURE_STATUSES: readonly MeasureForContract['status'][] = [
  'validated',
  'active',
  'ended',
];

export const invalidState = (message: string) => new AppError('INVALID_STATE', message);

/** The measure and its contract (if any), after the household check. */
export async function contractScope(ctx: Context, householdId: string, measureId: string) {
  const level = await requireHouseholdAccess(ctx, householdId);
  const measure = await measureForContract(ctx.db, householdId, measureId);
  if (!measure) throw notFound('Mesure introuvable.');
  return { level, measure, record: await findContract(ctx.db, householdId, measureId) };
}
export type ContractScope = Awaited<ReturnType<typeof contractScope>>;

/** The same, for the operator's social workers only. */
export async function scopeToWrite(ctx: Context, householdId: string, measureId: string) {
  const scope = await contractScope(ctx, householdId, measureId);
  if (!canWriteContract(ctx.actor, scope.measure))
    throw forbidden(
      'Seuls les travailleurs sociaux de l’organisation qui porte la mesure rédigent son contrat.',
    );
  return scope;
}

export function requireContract(scope: ContractScope): ContractRecord {
  if (!scope.record) throw notFound('Cette mesure n’a pas encore de contrat.');
  return scope.record;
}

/** Moves the contract's row version on from the one read (409 when someone changed it first). */
export async function claim(ctx: Context, record: ContractRecord, rowVersion: number): Promise<void> {
  if (!(await claimContract(ctx.db, { id: record.contract.id, rowVersion, at: ctx.now })))
    throw versionConflict();
}

export async function auditContract(
  ctx: Context,
  contract: { id: string; householdId: string },
  scope: ContractScope,
  entry: { action: string; details?: Record<string, unknown> },
) {
  await audit(ctx.db, ctx.actor, {
    action: entry.action,
    entityType: 'support_contract',
    entityId: contract.id,
    householdId: contract.householdId,
    details: { scheme: scope.measure.schemeName, ...entry.details },
  });
}

/**
 * The contract as the reader sees it now. A draft states its sources as they are today (the
 * measure or the file may have changed since it was saved); a signed version keeps its own.
 */
export async function contractAnswer(
  ctx: Context,
  { level, measure, record }: ContractScope,
): Promise<TSupportContractAnswer> {
  const reader = { actor: ctx.actor, level };
  if (!record)
    return {
      contract: null,
      canCreate: canWriteContract(ctx.actor, measure) && CONTRACT_MEASURE_STATUSES.includes(measure.status),
    };
  const latest = record.versions[0]!;
  if (latest.status === 'draft') {
    latest.terms = await generateTerms(ctx.db, measure);
    latest.landlordOrganisationId = latest.terms.landlordOrganisationId;
  }
  return { contract: presentContract(record, measure, reader), canCreate: false };
}

/**
 * Records one party's signature on the version in preparation: the version must be complete, the
 * party awaited and not signed yet. The first signature freezes the terms as they are now; the last
 * required one puts the version in force and the one it replaces out.
 */
export async function recordSignature(
  ctx: Context,
  scope: ContractScope,
  input: {
    rowVersion: number;
    party: ContractParty;
    values: Omit<typeof supportContractSignatures.$inferInsert, 'versionId' | 'party' | 'signedAt'>;
  },
): Promise<void> {
  const { db, now } = ctx;
  const record = requireContract(scope);
  const version = record.versions[0]!;
  if (version.status !== 'draft' && version.status !== 'signing')
    throw invalidState('Cette version est déjà en vigueur : un changement passe par une nouvelle version.');
  const missing = missingForSignature(version.objectives);
  if (Object.keys(missing).length > 0)
    throw invalid(missing, 'Le contrat n’est pas prêt à être signé : complétez ses objectifs.');
  // The first signature freezes the terms as the sources state them now.
  const terms = version.status === 'draft' ? await generateTerms(db, scope.measure) : version.terms;
  const landlordOrganisationId = terms.landlordOrganisationId;
  const required = signatoriesOf({ landlordOrganisationId }, scope.measure.operatorOrganisationId);
  if (!required.includes(input.party))
    throw forbidden('Cette organisation n’est pas signataire de ce contrat.');
  if (version.signatures.some((s) => s.party === input.party))
    throw invalidState(`${CONTRACT_PARTY_LABELS[input.party]} a déjà signé cette version.`);
  await claim(ctx, record, input.rowVersion);

  const patch: Parameters<typeof updateVersion>[2] = { terms, landlordOrganisationId, updatedAt: now };
  await insertSignature(db, { ...input.values, versionId: version.id, party: input.party, signedAt: now });
  const status = statusFromSignatures(required, [...version.signatures.map((s) => s.party), input.party]);
  if (status === 'in_force') {
    const previous = record.versions.find((v) => v.status === 'in_force');
    if (previous)
      await updateVersion(db, previous.id, { status: 'replaced', replacedAt: now, updatedAt: now });
    patch.inForceAt = now;
  }
  await updateVersion(db, version.id, { ...patch, status });
  await auditContract(ctx, record.contract, scope, {
    action: 'support_contract.sign',
    details: {
      version: version.number,
      party: input.party,
      method: input.values.method,
      inForce: status === 'in_force',
    },
  });
  // A contract in force ends its "unsigned" alert.
  await ctx.householdChanged?.(record.contract.householdId);
}

/** The contract as its writer sees it after a change. */
export const reloadContract = async (ctx: Context, householdId: string, measureId: string) =>
  contractAnswer(ctx, await contractScope(ctx, householdId, measureId));
