import { atLeast, type HouseholdAccessLevel } from '../shared/access/household-access.ts';
import type { HouseholdScope } from '../shared/routes/define.ts';
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
 * actor's level there, throwing the 404 of an unknown record or of a household the actor's
 * organisation is no current party to. The households module provides it (it knows the parties),
 * given each module's lookup from its records to their household.
 */
export type HouseholdAccessPort = (
  ctx: Context,
  via: NonNullable<HouseholdScope['via']>,
  id: string,
) => Promise<HouseholdAccess>;

/**
 * The check every household-scoped route passes before its handler runs, from its contract's
 * declaration: resolved through the port, then the declared level. The handler's guard reuses the
 * answer (see `Context.householdAccess`).
 */
export async function checkHouseholdScope(
  ctx: Context<Actor>,
  scope: HouseholdScope,
  params: Readonly<Record<string, unknown>>,
  port: HouseholdAccessPort,
): Promise<HouseholdAccess> {
  const access = await port(ctx, scope.via ?? 'household', String(params[scope.param]));
  if (!atLeast(access.level, scope.level)) {
    if (scope.below === 404) throw notFound();
    throw forbidden(scope.refusal ?? 'Votre accès à ce dossier ne permet pas cette action.');
  }
  return access;
}
