import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db.ts';
import { audit } from '../../kernel/audit.ts';
import { versionConflict } from '../../kernel/errors.ts';
import { assertCanWrite, assertNotFrozen, requireDiagnostic } from './diagnostic-access.ts';
import {
  updateDiagnosticIfRowVersion,
  type DiagnosticPatch,
  type DiagnosticRow,
} from './diagnostics.repository.ts';

/** What a use case writing one diagnostic receives from its route. */
export interface DiagnosticWriteRequest<Input extends { rowVersion: number }> {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  diagnosticId: string;
  input: Input;
  now: Date;
}

/** Every write to a diagnostic starts here: caseworker level, not frozen, at the rowVersion read. */
export async function loadForWrite(
  request: DiagnosticWriteRequest<{ rowVersion: number }>,
): Promise<DiagnosticRow> {
  const { diagnostic, level } = await requireDiagnostic(request.tx, request.actor, {
    householdId: request.householdId,
    diagnosticId: request.diagnosticId,
    at: request.now,
  });
  assertCanWrite(level);
  assertNotFrozen(diagnostic);
  if (diagnostic.rowVersion !== request.input.rowVersion) throw versionConflict();
  return diagnostic;
}

/** Writes the change if nobody wrote in between, and audits it in the same transaction. */
export async function applyDiagnosticChange(
  tx: Queryable,
  actor: Actor,
  input: {
    diagnostic: DiagnosticRow;
    patch: DiagnosticPatch;
    action: string;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<DiagnosticRow> {
  const row = await updateDiagnosticIfRowVersion(tx, {
    id: input.diagnostic.id,
    expectedRowVersion: input.diagnostic.rowVersion,
    patch: input.patch,
    at: input.at,
  });
  if (!row) throw versionConflict();
  await audit(tx, actor, {
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
