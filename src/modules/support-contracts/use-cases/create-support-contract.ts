import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TSupportContractAnswer } from '../../../shared/contracts/support-contracts.ts';
import { firstDraft, generateTerms } from '../contract-terms.ts';
import {
  auditContract,
  CONTRACT_MEASURE_STATUSES,
  invalidState,
  reloadContract,
  scopeToWrite,
} from '../contract-writes.ts';
import { insertContract, insertVersion } from '../support-contracts.repository.ts';

const alreadyThere = () => new AppError('CONFLICT', 'Cette mesure a déjà son contrat d’accompagnement.');

/**
 * Generates the measure's contract: version 1, a draft prefilled from the measure, the file and
 * the approved diagnostic, for the caseworker to word with the household.
 */
export async function createSupportContract(
  ctx: Context,
  input: { householdId: string; measureId: string },
): Promise<TSupportContractAnswer> {
  const scope = await scopeToWrite(ctx, input.householdId, input.measureId);
  const { measure } = scope;
  if (!CONTRACT_MEASURE_STATUSES.includes(measure.status))
    throw invalidState('Le contrat se rédige une fois la mesure validée par le financeur.');
  if (scope.record) throw alreadyThere();
  const contractId = await insertContract(ctx.db, {
    householdId: input.householdId,
    measureId: measure.id,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!contractId) throw alreadyThere();
  const terms = await generateTerms(ctx.db, measure);
  await insertVersion(ctx.db, {
    contractId,
    number: 1,
    terms,
    landlordOrganisationId: terms.landlordOrganisationId,
    ...firstDraft(measure, terms.landlordName !== null),
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await auditContract(ctx, { id: contractId, householdId: input.householdId }, scope, {
    action: 'support_contract.create',
    details: { version: 1, fromDiagnostic: terms.diagnostic?.version ?? null },
  });
  return reloadContract(ctx, input.householdId, input.measureId);
}
