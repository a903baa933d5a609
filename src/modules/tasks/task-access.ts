import type { Context } from '../../kernel/context.ts';
import { forbidden } from '../../kernel/errors.ts';
import { requireHouseholdAccess } from '../households/index.ts';

/**
 * Tasks are the household's caseworker's (as the diagnostic's urgent actions were): an
 * organisation that is no party gets the 404 of an unknown file, any other party a 403.
 */
export async function requireTaskAccess(ctx: Context, householdId: string): Promise<void> {
  if ((await requireHouseholdAccess(ctx, householdId)) !== 'caseworker') {
    throw forbidden('Les tâches du dossier sont réservées au travailleur social référent.');
  }
}
