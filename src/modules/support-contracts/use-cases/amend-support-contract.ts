import type { Context } from '../../../kernel/context.ts';
import type { TSupportContractAnswer } from '../../../shared/contracts/support-contracts.ts';
import { generateTerms } from '../contract-terms.ts';
import {
  auditContract,
  claim,
  invalidState,
  reloadContract,
  requireContract,
  scopeToWrite,
} from '../contract-writes.ts';
import { insertVersion } from '../support-contracts.repository.ts';

/**
 * An amendment: a new draft version copied from the contract in force, its terms read again from
 * their sources (a renewal, a new référent), to be signed again by every party. The version in
 * force stays so until the new one is.
 */
export async function amendSupportContract(
  ctx: Context,
  input: { householdId: string; measureId: string; rowVersion: number },
): Promise<TSupportContractAnswer> {
  const scope = await scopeToWrite(ctx, input.householdId, input.measureId);
  const record = requireContract(scope);
  const latest = record.versions[0]!;
  if (latest.status !== 'in_force')
    throw invalidState(
      latest.status === 'replaced'
        ? 'Ce contrat n’a pas de version en vigueur.'
        : 'Une version est déjà en préparation : terminez-la avant d’en ouvrir une autre.',
    );
  await claim(ctx, record, input.rowVersion);
  const terms = await generateTerms(ctx.db, scope.measure);
  await insertVersion(ctx.db, {
    contractId: record.contract.id,
    number: latest.number + 1,
    terms,
    landlordOrganisationId: terms.landlordOrganisationId,
    objectives: latest.objectives,
    commitments: latest.commitments,
    modalities: latest.modalities,
    clauses: latest.clauses,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await auditContract(ctx, record.contract, scope, {
    action: 'support_contract.amend',
    details: { version: latest.number + 1 },
  });
  return reloadContract(ctx, input.householdId, input.measureId);
}
