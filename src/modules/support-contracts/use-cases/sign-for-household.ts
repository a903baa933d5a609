import type { Context } from '../../../kernel/context.ts';
import type {
  TSupportContractAnswer,
  ZHouseholdSignature,
} from '../../../shared/contracts/support-contracts.ts';
import type { z } from 'zod';
import { checkSignaturePng } from '../../diagnostics/index.ts';
import { recordSignature, reloadContract, requireContract, scopeToWrite } from '../contract-writes.ts';

type SignInput = z.output<typeof ZHouseholdSignature> & { householdId: string; measureId: string };

/**
 * The household signs on the caseworker's tablet: drawn, or its name typed; the staff member who
 * records it is the witness named on the contract.
 */
export async function signForHousehold(ctx: Context, input: SignInput): Promise<TSupportContractAnswer> {
  const scope = await scopeToWrite(ctx, input.householdId, input.measureId);
  const terms = requireContract(scope).versions[0]!.terms;
  await recordSignature(ctx, scope, {
    rowVersion: input.rowVersion,
    party: 'household',
    values: {
      method: input.method,
      signerName: input.method === 'typed' ? input.typedName : (terms.householdName ?? 'Le ménage'),
      signaturePng: input.method === 'drawn' ? checkSignaturePng(input.signaturePng) : null,
      userId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      witnessName: ctx.actor.fullName,
    },
  });
  return reloadContract(ctx, input.householdId, input.measureId);
}
