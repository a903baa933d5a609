import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../kernel/errors.ts';
import { householdAccessLevel, type HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { leaseRefusal, type LeaseAction } from '../../shared/access/lease-policy.ts';
import {
  actionRefusal,
  overlappingContract,
  type ContractAction,
  type ContractSpan,
  type FieldProblems,
} from '../../shared/leases/contract-rules.ts';
import { formatDate } from '../../shared/format.ts';
import { activeParties } from '../households/index.ts';
import { dwellingSpans, findContract, lockDwelling, type ContractRow } from './leases.repository.ts';

/** A contract as read, with the reader's level on its household ('none' without a file or access). */
export interface ReadableContract {
  row: ContractRow;
  householdLevel: HouseholdAccessLevel;
}

export const CONTRACT_NOT_FOUND = 'Contrat d’occupation introuvable.';

/** The actor's level on a household (none without one): whether it reads the file decides the lease policy. */
export async function householdLevelOf(
  ctx: Context,
  householdId: string | null,
): Promise<HouseholdAccessLevel> {
  if (!householdId) return 'none';
  if (ctx.householdAccess?.householdId === householdId) return ctx.householdAccess.level;
  return householdAccessLevel(ctx.actor, await activeParties(ctx.db, householdId, ctx.now));
}

const policyRefusal = (ctx: Context, action: LeaseAction, r: ReadableContract) =>
  leaseRefusal(ctx.actor, action, r.row.contract, r.householdLevel !== 'none');

/**
 * The contract, when the actor may read it (a party, or a reader of the household's file); the 404
 * of an unknown contract otherwise, so that nothing tells what exists.
 */
export async function requireReadableContract(ctx: Context, id: string): Promise<ReadableContract> {
  const row = await findContract(ctx.db, id);
  if (!row) throw notFound(CONTRACT_NOT_FOUND);
  const readable = { row, householdLevel: await householdLevelOf(ctx, row.contract.householdId) };
  if (policyRefusal(ctx, 'read_contract', readable)) throw notFound(CONTRACT_NOT_FOUND);
  return readable;
}

/** The contract, when the actor may do this with it (403 with the policy's reason or the state's). */
export async function requireContractAction(
  ctx: Context,
  id: string,
  policy: LeaseAction,
  action: ContractAction,
): Promise<ReadableContract> {
  const readable = await requireReadableContract(ctx, id);
  const refusal = policyRefusal(ctx, policy, readable);
  if (refusal) throw forbidden(refusal);
  const state = actionRefusal(readable.row.contract, action);
  if (state) throw new AppError('INVALID_STATE', state);
  return readable;
}

export const staleContract = versionConflict;

export function rejectProblems(problems: FieldProblems): void {
  if (Object.keys(problems).length > 0) throw invalid(problems);
}

/**
 * Refuses a span sharing a day with another contract of the dwelling. Takes the dwelling's row lock
 * first (ADR 0024), so that two writers cannot both see the dwelling free; answers the dwelling's
 * landlord.
 */
export async function requireDwellingFree(
  ctx: Context,
  dwellingId: string,
  span: ContractSpan,
): Promise<{ landlordOrganisationId: string | null }> {
  const dwelling = await lockDwelling(ctx.db, dwellingId);
  if (!dwelling) throw invalid({ dwellingId: 'Logement introuvable.' });
  const clash = overlappingContract(span, await dwellingSpans(ctx.db, dwellingId));
  if (clash)
    throw new AppError(
      'CONFLICT',
      `Ce logement est déjà occupé sous un autre contrat du ${formatDate(clash.startOn)}${
        clash.endOn ? ` au ${formatDate(clash.endOn)}` : ', sans date de fin'
      } : deux contrats d’un même logement ne peuvent pas partager un jour.`,
      { startOn: 'Le logement est déjà occupé à ces dates.' },
    );
  return dwelling;
}
