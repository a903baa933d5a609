import type { Context } from '../../../kernel/context.ts';
import { PARTY_BASIS_LABELS } from '../../../shared/contracts/household-enums.ts';
import { formatDate } from '../../../shared/format.ts';
import type { TParty } from '../../../shared/contracts/households.ts';
import { currentPartyRows } from '../parties.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** Who has access to the file today, and why (every party may see this, landlords included). */
export async function listHouseholdParties(ctx: Context, householdId: string): Promise<TParty[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  await auditTabRead(ctx, householdId, 'household.parties.read', level);
  const rows = await currentPartyRows(ctx.db, householdId, ctx.now);
  return rows.map(({ consentGivenOn, ...r }) => ({
    ...r,
    basisLabel: PARTY_BASIS_LABELS[r.basis],
    since: r.since.toISOString(),
    consentLabel: consentGivenOn ? `Accord du ménage du ${formatDate(consentGivenOn)}` : null,
  }));
}
