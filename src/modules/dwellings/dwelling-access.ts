import type { Context } from '../../kernel/context.ts';
import { forbidden, notFound } from '../../kernel/errors.ts';
import { dwellingRefusal, type DwellingAction } from '../../shared/access/dwelling-policy.ts';
import { findDwelling, type DwellingRow } from './dwellings.repository.ts';

export const DWELLING_NOT_FOUND = 'Logement introuvable.';

/** The policy's refusal as a 403, in French. */
export function requireStockRight(ctx: Context, action: DwellingAction): void {
  const refusal = dwellingRefusal(ctx.actor, action);
  if (refusal) throw forbidden(refusal);
}

/** A dwelling of the actor's stock; another landlord's answers as an unknown one. */
export async function requireOwnDwelling(
  ctx: Context,
  dwellingId: string,
  action: DwellingAction,
): Promise<DwellingRow> {
  requireStockRight(ctx, action);
  const dwelling = await findDwelling(ctx.db, dwellingId);
  if (!dwelling || dwellingRefusal(ctx.actor, action, dwelling)) throw notFound(DWELLING_NOT_FOUND);
  return dwelling;
}
