import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TImportCounts, TImportRun } from '../../../shared/contracts/dwellings.ts';
import { parisDate } from '../../../shared/time.ts';
import { alreadyApplied, requireOwnRun } from '../import-access.ts';
import { presentRun } from '../import.presenter.ts';
import { writeArrears, writeStock } from '../imported-stock.ts';
import { deleteLines, findRun, updateRun } from '../stock-imports.repository.ts';

/**
 * Applies a dry run that refused no line, all of it in the request's one transaction: a failure leaves
 * the database as it was. The report (who, when, which file, how many) stays on the run's row.
 */
export async function applyImport(ctx: Context, runId: string): Promise<TImportRun> {
  const run = await requireOwnRun(ctx, runId, true);
  if (run.state === 'applied') throw alreadyApplied();
  if (run.state !== 'checked')
    throw new AppError(
      'INVALID_STATE',
      run.state === 'rejected'
        ? 'Des lignes sont refusées : corrigez le fichier et envoyez-le à nouveau. Rien n’a été importé.'
        : 'Terminez d’abord l’essai à blanc : toutes les lignes doivent être vérifiées.',
    );
  const counts: TImportCounts = {
    dwellingsCreated: 0,
    dwellingsUpdated: 0,
    tenantsCreated: 0,
    tenantsUpdated: 0,
    balances: 0,
  };
  const write = {
    runId,
    landlordId: run.landlordOrganisationId,
    userId: ctx.actor.userId,
    day: parisDate(ctx.now),
    at: ctx.now,
  };
  if (run.kind === 'stock') await writeStock(ctx.db, write, counts);
  else await writeArrears(ctx.db, write, counts);
  await deleteLines(ctx.db, runId);
  await updateRun(ctx.db, runId, {
    state: 'applied',
    counts,
    appliedAt: ctx.now,
    cells: [],
    lineNumbers: [],
  });
  await audit(ctx.db, ctx.actor, {
    action: 'stock_import.apply',
    entityType: 'stock_import',
    entityId: runId,
    details: { fileName: run.fileName, kind: run.kind, lines: run.totalLines, ...counts },
  });
  return presentRun(ctx.db, (await findRun(ctx.db, runId))!);
}
