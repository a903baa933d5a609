import { atLeast, type HouseholdAccessLevel } from '../shared/access/household-access.ts';
import { SCOPE_NOT_FOUND, type HouseholdScope } from '../shared/routes/define.ts';
import type { Actor } from './actor.ts';
import type { Context } from './context.ts';
import { forbidden, notFound } from './errors.ts';

/** The household a scoped route reaches, and the actor's level on it. */
export interface HouseholdAccess {
  householdId: string;
  level: HouseholdAccessLevel;
}

/**
 * Resolves a scoped route's parameter (a household, or a record of one) to its household and the
 * actor's level there; null for an unknown record or a household the actor's organisation is no
 * current party to. The households module provides it (it knows the parties), given each module's
 * lookup from its records to their household.
 */
export type HouseholdAccessPort = (
  ctx: Context,
  via: NonNullable<HouseholdScope['via']>,
  id: string,
) => Promise<HouseholdAccess | null>;

/**
 * The check every household-scoped route passes before its handler runs, from its contract's
 * declaration: resolved through the port, then the declared level. Every 404 it throws has the
 * same body (SCOPE_NOT_FOUND). The handler's guard reuses the answer (see `Context.householdAccess`).
 */
export async function checkHouseholdScope(
  ctx: Context<Actor>,
  scope: HouseholdScope,
  params: Readonly<Record<string, unknown>>,
  port: HouseholdAccessPort,
): Promise<HouseholdAccess> {
  const via = scope.via ?? 'household';
  const access = await port(ctx, via, String(params[scope.param]));
  const below = access !== null && !atLeast(access.level, scope.level);
  if (!access || (below && scope.below === 404)) throw notFound(SCOPE_NOT_FOUND[via]);
  if (below) throw forbidden(scope.refusal ?? 'Votre accès à ce dossier ne permet pas cette action.');
  return access;
}
