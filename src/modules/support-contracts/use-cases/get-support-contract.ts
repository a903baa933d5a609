import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TSupportContractAnswer } from '../../../shared/contracts/support-contracts.ts';
import { contractAnswer, contractScope } from '../contract-writes.ts';

/** The measure's contract with its versions, as the reader's level allows; the read is audited. */
export async function getSupportContract(
  ctx: Context,
  input: { householdId: string; measureId: string },
): Promise<TSupportContractAnswer> {
  const scope = await contractScope(ctx, input.householdId, input.measureId);
  const contract = scope.record?.contract;
  await audit(ctx.db, ctx.actor, {
    action: 'support_contract.read',
    ...(contract
      ? { entityType: 'support_contract', entityId: contract.id }
      : { entityType: 'measure', entityId: scope.measure.id }),
    householdId: input.householdId,
    details: { scheme: scope.measure.schemeName, accessLevel: scope.level },
  });
  return contractAnswer(ctx, scope);
}
