import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { versionConflict } from '../../kernel/errors.ts';
import { assertCanWrite, assertNotFrozen, requireDiagnostic } from './diagnostic-access.ts';
import {
  updateDiagnosticIfRowVersion,
  type DiagnosticPatch,
  type DiagnosticRow,
} from './diagnostics.repository.ts';

/** The diagnostic a request names: its household (from the path) and its id. */
export interface DiagnosticRef {
  householdId: string;
  diagnosticId: string;
}

/** Every write to a diagnostic starts here: caseworker level, not frozen, at the rowVersion read. */
export async function loadForWrite(
  ctx: Context,
  input: DiagnosticRef & { rowVersion: number },
): Promise<DiagnosticRow> {
  const { diagnostic, level } = await requireDiagnostic(ctx, input);
  assertCanWrite(level);
  assertNotFrozen(diagnostic);
  if (diagnostic.rowVersion !== input.rowVersion) throw versionConflict();
  return diagnostic;
}

/** Writes the change if nobody wrote in between, and audits it in the same transaction. */
export async function applyDiagnosticChange(
  ctx: Context,
  input: {
    diagnostic: DiagnosticRow;
    patch: DiagnosticPatch;
    action: string;
    details?: Record<string, unknown>;
  },
): Promise<DiagnosticRow> {
  const row = await updateDiagnosticIfRowVersion(ctx.db, {
    id: input.diagnostic.id,
    expectedRowVersion: input.diagnostic.rowVersion,
    patch: input.patch,
    at: ctx.now,
  });
  if (!row) throw versionConflict();
  await audit(ctx.db, ctx.actor, {
    action: input.action,
    entityType: 'diagnostic',
    entityId: row.id,
    householdId: row.householdId,
    details: { version: row.version, rowVersion: row.rowVersion, status: row.status, ...input.details },
  });
  return row;
}

export const savedOf = (d: DiagnosticRow) => ({
  id: d.id,
  version: d.version,
  rowVersion: d.rowVersion,
  status: d.status,
});
