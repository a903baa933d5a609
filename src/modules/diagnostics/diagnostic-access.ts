import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { SCOPE_NOT_FOUND } from '../../shared/routes/define.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { unsafeLoadDiagnostic, type DiagnosticRow } from './diagnostics.repository.ts';

/**
 * Access to the diagnostic (ADR note): only the household's caseworker level (its association)
 * reads the full diagnostic and writes it. Every other party — landlord and SIAO alike — reads
 * only the partner versions explicitly shared with its organisation (need-to-know: sharing is a
 * deliberate act recorded in diagnostic_shares, never implied by being a party). A full
 * diagnostic asked for by a non-caseworker answers 404, like an unknown one.
 */
export const canWriteDiagnostic = (level: HouseholdAccessLevel) => level === 'caseworker';
export const canReadFullDiagnostic = (level: HouseholdAccessLevel) => level === 'caseworker';

const FROZEN = new Set(['approved', 'disagreed', 'shared']);
export const isFrozen = (d: Pick<DiagnosticRow, 'status'>) => FROZEN.has(d.status);

/**
 * When a frozen version was frozen: its approval, or else its disagreement (a disagreed row is never
 * written again, so its last update is that moment). Null while it is still being written.
 */
export const frozenAt = (d: Pick<DiagnosticRow, 'status' | 'approvedAt' | 'updatedAt'>): Date | null =>
  isFrozen(d) ? (d.approvedAt ?? d.updatedAt) : null;

/** The diagnostic and the actor's level on its household; 404 for unknown or foreign ids. */
export async function requireDiagnostic(
  ctx: Context,
  input: { diagnosticId: string; householdId?: string },
): Promise<{ diagnostic: DiagnosticRow; level: HouseholdAccessLevel }> {
  const diagnostic = await unsafeLoadDiagnostic(ctx.db, input.diagnosticId);
  if (!diagnostic || (input.householdId && diagnostic.householdId !== input.householdId)) {
    throw notFound(SCOPE_NOT_FOUND.diagnostic);
  }
  const level = await requireHouseholdAccess(ctx, diagnostic.householdId);
  return { diagnostic, level };
}

/** The full diagnostic for its caseworker; anyone else gets the same 404 as an unknown id. */
export async function requireFullDiagnostic(
  ctx: Context,
  input: { diagnosticId: string; householdId?: string },
): Promise<DiagnosticRow> {
  const { diagnostic, level } = await requireDiagnostic(ctx, input);
  if (!canReadFullDiagnostic(level)) throw notFound(SCOPE_NOT_FOUND.diagnostic);
  return diagnostic;
}

export function assertCanWrite(level: HouseholdAccessLevel): void {
  if (!canWriteDiagnostic(level)) {
    throw forbidden('Seul le travailleur social référent du ménage peut rédiger le diagnostic.');
  }
}

/** A diagnostic approved (or refused) by the household is kept as it was: changes go to a new version. */
export function assertNotFrozen(d: Pick<DiagnosticRow, 'status'>): void {
  if (isFrozen(d)) {
    throw new AppError(
      'INVALID_STATE',
      d.status === 'disagreed'
        ? 'Le ménage a exprimé son désaccord sur ce diagnostic : il ne peut plus être modifié. Créez une nouvelle version.'
        : 'Ce diagnostic a été approuvé par le ménage : il ne peut plus être modifié. Créez une nouvelle version.',
    );
  }
}

export const invalidState = (message: string) => new AppError('INVALID_STATE', message);
