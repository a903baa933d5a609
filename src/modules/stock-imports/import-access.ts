import type { Context } from '../../kernel/context.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { dwellingRefusal } from '../../shared/access/dwelling-policy.ts';
import { requireStockRight } from '../dwellings/index.ts';
import { findRun } from './stock-imports.repository.ts';

export const RUN_NOT_FOUND = 'Import introuvable.';

/** An import of the actor's organisation (locked for the transaction when it changes it). */
export async function requireOwnRun(ctx: Context, runId: string, forUpdate = false) {
  requireStockRight(ctx, 'import_stock');
  const run = await findRun(ctx.db, runId, forUpdate);
  if (
    !run ||
    dwellingRefusal(ctx.actor, 'import_stock', { landlordOrganisationId: run.landlordOrganisationId })
  )
    throw notFound(RUN_NOT_FOUND);
  return run;
}

export const alreadyApplied = () =>
  new AppError(
    'INVALID_STATE',
    'Cet import a déjà été appliqué : envoyez un nouveau fichier pour importer à nouveau.',
  );
