import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TImportRun } from '../../../shared/contracts/dwellings.ts';
import { IMPORT_FIELDS, missingRequired } from '../../../shared/dwellings/import-lines.ts';
import { alreadyApplied, requireOwnRun } from '../import-access.ts';
import { presentRun } from '../import.presenter.ts';
import { deleteLines, findRun, saveMapping, updateRun } from '../stock-imports.repository.ts';

/**
 * Sets which column of the file gives each Relais field, saves it for the landlord's next import, and
 * starts the dry run over (its earlier reading no longer holds).
 */
export async function mapImport(
  ctx: Context,
  runId: string,
  mapping: Record<string, string>,
): Promise<TImportRun> {
  const run = await requireOwnRun(ctx, runId, true);
  if (run.state === 'applied') throw alreadyApplied();
  const fields = new Map(IMPORT_FIELDS[run.kind].map((f) => [f.key, f]));
  const errors: Record<string, string> = {};
  const kept: Record<string, string> = {};
  for (const [key, column] of Object.entries(mapping)) {
    if (column === '') continue;
    if (!fields.has(key)) errors[`mapping.${key}`] = 'Champ inconnu.';
    else if (!run.columns.includes(column))
      errors[`mapping.${key}`] = `Le fichier n’a pas de colonne « ${column} ».`;
    else kept[key] = column;
  }
  for (const f of IMPORT_FIELDS[run.kind])
    if (missingRequired(run.kind, kept, run.columns).includes(f.label))
      errors[`mapping.${f.key}`] ??= `Choisissez la colonne qui donne « ${f.label} ».`;
  if (Object.keys(errors).length > 0)
    throw invalid(errors, 'Chaque champ obligatoire doit correspondre à une colonne du fichier.');
  await deleteLines(ctx.db, runId);
  await updateRun(ctx.db, runId, { mapping: kept, state: 'uploaded', checkedLines: 0, rejectedLines: 0 });
  await saveMapping(ctx.db, run.landlordOrganisationId, run.kind, kept, ctx.now);
  return presentRun(ctx.db, (await findRun(ctx.db, runId))!);
}
