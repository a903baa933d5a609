import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { partnerPartyOf } from '../../../shared/access/support-contract-policy.ts';
import type { TSupportContractAnswer } from '../../../shared/contracts/support-contracts.ts';
import { contractScope, recordSignature, reloadContract, requireContract } from '../contract-writes.ts';

/**
 * A partner signs in the app for its own organisation: the association that runs the measure (its
 * social workers) or the landlord the contract names (its staff).
 */
export async function signForPartner(
  ctx: Context,
  input: { householdId: string; measureId: string; rowVersion: number },
): Promise<TSupportContractAnswer> {
  const scope = await contractScope(ctx, input.householdId, input.measureId);
  const party = partnerPartyOf(ctx.actor, {
    operatorOrganisationId: scope.measure.operatorOrganisationId,
    landlordOrganisationId: requireContract(scope).versions[0]!.landlordOrganisationId,
  });
  if (!party)
    throw forbidden(
      'Seuls l’association qui porte la mesure et le bailleur nommé au contrat le signent, chacun pour son organisation.',
    );
  await recordSignature(ctx, scope, {
    rowVersion: input.rowVersion,
    party,
    values: {
      method: 'in_app',
      signerName: ctx.actor.fullName,
      signaturePng: null,
      userId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      witnessName: null,
    },
  });
  return reloadContract(ctx, input.householdId, input.measureId);
}
