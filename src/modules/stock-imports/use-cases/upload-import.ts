import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { UploadedFile } from '../../../kernel/routes.ts';
import type { TImportRun } from '../../../shared/contracts/dwellings.ts';
import type { ImportKind } from '../../../shared/dwellings/import-lines.ts';
import { requireStockRight } from '../../dwellings/index.ts';
import { presentRun } from '../import.presenter.ts';
import { readExport } from '../read-file.ts';
import { findRun, insertRun } from '../stock-imports.repository.ts';

/** Reads an uploaded export into a new import run: its columns, then the mapping step. */
export async function uploadImport(
  ctx: Context,
  input: { kind: ImportKind; encoding: 'utf-8' | 'windows-1252'; file: UploadedFile },
): Promise<TImportRun> {
  requireStockRight(ctx, 'import_stock');
  const read = await readExport(input.file.content, input.encoding);
  const id = await insertRun(ctx.db, {
    landlordOrganisationId: ctx.actor.organisationId,
    kind: input.kind,
    fileName: input.file.fileName,
    columns: read.columns,
    cells: read.lines,
    lineNumbers: read.lineNumbers,
    totalLines: read.lines.length,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'stock_import.upload',
    entityType: 'stock_import',
    entityId: id,
    details: { fileName: input.file.fileName, kind: input.kind, lines: read.lines.length },
  });
  return presentRun(ctx.db, (await findRun(ctx.db, id))!);
}
