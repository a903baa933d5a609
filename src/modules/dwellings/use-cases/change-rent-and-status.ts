import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TDwelling, TRentInput } from '../../../shared/contracts/dwellings.ts';
import type { DwellingStatus } from '../../../shared/contracts/housing-stock.ts';
import { requireOwnDwelling } from '../dwelling-access.ts';
import { updateDwelling, upsertRent } from '../dwellings.repository.ts';
import { reloadDwelling } from './get-dwelling.ts';

/** A new rent and charges from a day on (the history keeps the previous ones; the same day replaces). */
export async function addRent(ctx: Context, dwellingId: string, rent: TRentInput): Promise<TDwelling> {
  const dwelling = await requireOwnDwelling(ctx, dwellingId, 'manage_stock');
  await upsertRent(ctx.db, dwellingId, rent, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'dwelling.rent.add',
    entityType: 'dwelling',
    entityId: dwellingId,
    details: { reference: dwelling.reference, address: dwelling.address, ...rent },
  });
  return reloadDwelling(ctx, dwellingId);
}

/** Vacant, let, under works, made available to an association. */
export async function changeStatus(
  ctx: Context,
  dwellingId: string,
  status: DwellingStatus,
): Promise<TDwelling> {
  const dwelling = await requireOwnDwelling(ctx, dwellingId, 'manage_stock');
  if (dwelling.status !== status) {
    await updateDwelling(ctx.db, dwellingId, { status }, ctx.now);
    await audit(ctx.db, ctx.actor, {
      action: 'dwelling.status.change',
      entityType: 'dwelling',
      entityId: dwellingId,
      details: {
        reference: dwelling.reference,
        address: dwelling.address,
        from: dwelling.status,
        to: status,
      },
    });
  }
  return reloadDwelling(ctx, dwellingId);
}
