import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TReferralPrefill } from '../../../shared/contracts/referrals.ts';
import { parisDate } from '../../../shared/time.ts';
import { contractToRefer } from '../../leases/index.ts';
import { arrearsHistory } from '../../stock-imports/index.ts';

/**
 * The referral form of a tenant the landlord's arrears file flagged, filled from its contract and the
 * latest balance of its files so that the landlord refers it early, before any procedure: the lessor's
 * staff only (lease policy). The read is audited.
 */
export async function referralPrefill(ctx: Context, contractId: string): Promise<TReferralPrefill> {
  const contract = await contractToRefer(ctx, contractId);
  const latest = (await arrearsHistory(ctx.db, contract.id, parisDate(ctx.now))).at(-1);
  const due = contract.rent ? contract.rent.monthlyRentCents + contract.rent.monthlyChargesCents : 0;
  // The months the file gives, else those the balance stands for; at least one for a debt.
  const months = latest?.months ?? (due > 0 && latest ? latest.balanceCents / due : 1);
  await audit(ctx.db, ctx.actor, {
    action: 'referral.prefill.read',
    entityType: 'occupancy_contract',
    entityId: contract.id,
    householdId: contract.householdId,
    details: { tenantReference: contract.tenantReference },
  });
  return {
    contractId: contract.id,
    tenantName: contract.tenantName,
    tenantReference: contract.tenantReference,
    dwellingAddress: contract.address,
    landlordName: contract.lessorName,
    householdId: contract.readsHousehold ? contract.householdId : null,
    monthlyRentCents: contract.rent?.monthlyRentCents ?? null,
    monthlyChargesCents: contract.rent?.monthlyChargesCents ?? null,
    arrears:
      latest && latest.balanceCents > 0
        ? {
            asOf: latest.asOf,
            amountCents: latest.balanceCents,
            months: Math.min(240, Math.max(1, Math.ceil(months))),
          }
        : null,
  };
}
