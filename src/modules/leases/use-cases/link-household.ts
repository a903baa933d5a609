import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid } from '../../../kernel/errors.ts';
import { leaseRefusal } from '../../../shared/access/lease-policy.ts';
import type {
  TContract,
  TContractHouseholdLink,
  TContractHouseholdUnlink,
} from '../../../shared/contracts/leases.ts';
import { parisDate } from '../../../shared/time.ts';
import type { ReferredContractPort } from '../../referrals/index.ts';
import { householdLevelOf, requireReadableContract, staleContract } from '../lease-access.ts';
import {
  findContract,
  insertEvent,
  insertReferralContract,
  rentInForce,
  setContractHousehold,
  type ContractRow,
} from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

const LINKED_ELSEWHERE = 'Ce contrat est déjà rattaché au dossier d’un autre ménage.';

/**
 * Attaches a contract without a file (an imported tenant's) to a household's file, with its event and
 * audit entry: the file's « Logement » tab lists it from then on, documents can be joined to it, and the
 * eviction work reads the landlord's arrears files of it. Null `rowVersion`: whatever the version (a
 * referral attaches the contract it is about). Throws when the contract has meanwhile another file.
 */
async function attach(
  ctx: Context,
  row: ContractRow,
  householdId: string,
  how: { rowVersion: number | null; referralId: string | null },
): Promise<void> {
  const c = row.contract;
  const done = await setContractHousehold(ctx.db, {
    id: c.id,
    householdId,
    expectedHouseholdId: null,
    rowVersion: how.rowVersion,
    at: ctx.now,
  });
  if (!done) {
    if (how.rowVersion !== null) throw staleContract();
    throw invalid({ occupancyContractId: LINKED_ELSEWHERE });
  }
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'household_linked',
    occurredOn: parisDate(ctx.now),
    note: how.referralId ? 'Par la saisine du ménage' : null,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.household.link',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId,
    details: { kind: c.kind, ...(how.referralId ? { referralId: how.referralId } : {}) },
  });
}

/**
 * « Rattacher au dossier du ménage »: a party to the contract attaches it to the file of a household
 * it reads (the lease policy with the household-access rules: nobody attaches a contract to a file it
 * cannot see), at the version read.
 */
export async function linkContractHousehold(
  ctx: Context,
  input: TContractHouseholdLink & { id: string },
): Promise<TContract> {
  const { row } = await requireReadableContract(ctx, input.id);
  const readsTarget = (await householdLevelOf(ctx, input.householdId)) !== 'none';
  const refusal = leaseRefusal(ctx.actor, 'link_household', row.contract, readsTarget);
  if (refusal) throw forbidden(refusal);
  if (row.contract.householdId !== null)
    throw new AppError(
      'INVALID_STATE',
      row.contract.householdId === input.householdId
        ? 'Ce contrat est déjà rattaché à ce dossier.'
        : `${LINKED_ELSEWHERE} Détachez-le d’abord.`,
    );
  await attach(ctx, row, input.householdId, { rowVersion: input.rowVersion, referralId: null });
  return contractAnswer(ctx, input.id);
}

/**
 * « Détacher »: the contract leaves the file it was attached to, with the reason in its history and in
 * the audit log. It keeps the occupant's name (the file's reference person's when it had none of its
 * own), so that it still says who lives there.
 */
export async function unlinkContractHousehold(
  ctx: Context,
  input: TContractHouseholdUnlink & { id: string },
): Promise<TContract> {
  const { row, householdLevel } = await requireReadableContract(ctx, input.id);
  const c = row.contract;
  const refusal = leaseRefusal(ctx.actor, 'unlink_household', c, householdLevel !== 'none');
  if (refusal) throw forbidden(refusal);
  if (c.householdId === null)
    throw new AppError('INVALID_STATE', 'Ce contrat n’est rattaché au dossier d’aucun ménage.');
  const done = await setContractHousehold(ctx.db, {
    id: c.id,
    householdId: null,
    expectedHouseholdId: c.householdId,
    rowVersion: input.rowVersion,
    tenantName: c.tenantName ?? row.occupantName ?? 'Occupant',
    at: ctx.now,
  });
  if (!done) throw staleContract();
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'household_unlinked',
    occurredOn: parisDate(ctx.now),
    note: input.reason,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.household.unlink',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, reason: input.reason },
  });
  return contractAnswer(ctx, input.id);
}

/** The contract a referral is about, as its form shows it: the occupant, the dwelling, the lessor. */
export interface ContractToRefer {
  id: string;
  dwellingId: string;
  address: string;
  tenantName: string | null;
  tenantReference: string | null;
  lessorName: string | null;
  /** The household's file it is attached to, and whether the actor reads it. */
  householdId: string | null;
  readsHousehold: boolean;
  /** The dwelling's rent and charges in force today (null: none known). */
  rent: { monthlyRentCents: number; monthlyChargesCents: number } | null;
}

/**
 * A contract whose occupant the actor refers (the lease policy's `refer_occupant`: its lessor's
 * staff): the 404 of an unknown contract for one it does not concern, 403 for a reader who may not.
 */
export async function contractToRefer(ctx: Context, id: string): Promise<ContractToRefer> {
  const { row, householdLevel } = await requireReadableContract(ctx, id);
  const refusal = leaseRefusal(ctx.actor, 'refer_occupant', row.contract, householdLevel !== 'none');
  if (refusal) throw forbidden(refusal);
  return {
    id: row.contract.id,
    dwellingId: row.contract.dwellingId,
    address: row.address,
    tenantName: row.occupantName,
    tenantReference: row.contract.tenantReference,
    lessorName: row.lessorOrganisationName ?? row.contract.lessorName,
    householdId: row.contract.householdId,
    readsHousehold: householdLevel !== 'none',
    rent: await rentInForce(ctx.db, row.contract.dwellingId, parisDate(ctx.now)),
  };
}

/**
 * Inside a referral's transaction: attaches the contract it is about to the household's file, once
 * that file exists (created by the referral or chosen in it). Nothing to do when it is already that
 * file's; refused (on the referral's field) when it is another's.
 */
export async function linkContractOnReferral(
  ctx: Context,
  input: { contractId: string; householdId: string; referralId: string },
): Promise<void> {
  const row = await findContract(ctx.db, input.contractId);
  if (!row) throw invalid({ occupancyContractId: 'Contrat d’occupation introuvable.' });
  if (row.contract.householdId !== null && row.contract.householdId !== input.householdId)
    throw invalid({ occupancyContractId: LINKED_ELSEWHERE });
  if (row.contract.householdId === null)
    await attach(ctx, row, input.householdId, { rowVersion: null, referralId: input.referralId });
  await insertReferralContract(ctx.db, input.referralId, row.contract.id);
}

/** The referrals' port (wired in app.ts): the contract a referral starts from, and its attachment. */
export const referredContractPort: ReferredContractPort = {
  check: contractToRefer,
  attach: linkContractOnReferral,
};
