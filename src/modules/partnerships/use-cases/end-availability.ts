import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import { householdAccessLevel } from '../../../shared/access/household-access.ts';
import { leaseRefusal } from '../../../shared/access/lease-policy.ts';
import {
  AVAILABILITY_END_REASON_LABELS,
  STATUS_AFTER_AVAILABILITY,
  type TConvention,
  type ZAvailabilityEnd,
} from '../../../shared/contracts/partnerships.ts';
import { OCCUPANCY_KIND_LABELS } from '../../../shared/contracts/housing-stock.ts';
import { formatDate } from '../../../shared/format.ts';
import { updateDwelling } from '../../dwellings/index.ts';
import { activeParties } from '../../households/index.ts';
import { dismissGlaTasksAfter } from '../../tasks/index.ts';
import { requireConvention } from '../convention-access.ts';
import {
  availableElsewhere,
  contractsInForceAfter,
  conventionDwellingsOf,
  lockConvention,
  updateConventionDwelling,
} from '../partnerships.repository.ts';
import { getConvention } from './get-convention.ts';

type EndInput = z.output<typeof ZAvailabilityEnd> & { conventionId: string; entryId: string };

/**
 * The occupant of a contract as far as the actor may see it: named for a party to the contract or
 * whoever reads the household's file, « un ménage » otherwise.
 */
async function occupantWords(
  ctx: Context,
  contract: Awaited<ReturnType<typeof contractsInForceAfter>>[number],
): Promise<string> {
  const readsHousehold =
    contract.householdId !== null &&
    householdAccessLevel(ctx.actor, await activeParties(ctx.db, contract.householdId, ctx.now)) !== 'none';
  const named = leaseRefusal(ctx.actor, 'read_contract', contract, readsHousehold) === null;
  return named && contract.occupantName ? contract.occupantName : 'un ménage';
}

/**
 * A dwelling leaves the convention after its last day, for a reason (returned to the landlord, sold,
 * works…), recorded by either side's staff: refused while a signed occupancy contract runs beyond that
 * day; its status in the landlord's stock goes back (through the dwellings module) unless another
 * convention still has it, the GLA plan's tasks
 * due after the day are dismissed, and the review counts its days up to it.
 */
export async function endAvailability(ctx: Context, input: EndInput): Promise<TConvention> {
  const { db, actor } = ctx;
  await lockConvention(db, input.conventionId);
  const { convention } = await requireConvention(ctx, input.conventionId, 'amend');
  const entry = (await conventionDwellingsOf(db, convention.id)).find((e) => e.id === input.entryId);
  if (!entry) throw notFound('Ce logement n’est pas mis à disposition au titre de la convention.');
  if (entry.availableUntil !== null)
    throw new AppError(
      'INVALID_STATE',
      `La mise à disposition de ce logement a déjà pris fin le ${formatDate(entry.availableUntil)}.`,
    );
  if (input.lastDay < entry.availableFrom)
    throw invalid({
      lastDay: `Le logement est mis à disposition depuis le ${formatDate(entry.availableFrom)} : son dernier jour ne peut pas le précéder.`,
    });
  const [contract] = await contractsInForceAfter(db, entry.dwellingId, input.lastDay);
  if (contract)
    throw new AppError(
      'INVALID_STATE',
      `Le logement est occupé par ${await occupantWords(ctx, contract)} (${OCCUPANCY_KIND_LABELS[contract.kind].toLowerCase()} depuis le ${formatDate(contract.startOn)}${contract.endOn ? `, jusqu’au ${formatDate(contract.endOn)}` : ', sans date de fin'}) : mettez d’abord fin à ce contrat d’occupation.`,
      { lastDay: 'Un contrat d’occupation est en cours après ce jour.' },
    );
  await updateConventionDwelling(db, entry.id, {
    availableUntil: input.lastDay,
    endReason: input.reason,
    endNote: input.note,
    endedByUserId: actor.userId,
  });
  // Still made available under another convention, it keeps its status.
  if (!(await availableElsewhere(db, entry.dwellingId, entry.id)))
    await updateDwelling(db, entry.dwellingId, { status: STATUS_AFTER_AVAILABILITY[input.reason] }, ctx.now);
  const dismissed = await dismissGlaTasksAfter(db, {
    sourceId: entry.id,
    lastDay: input.lastDay,
    reason: `Le logement a quitté la convention le ${formatDate(input.lastDay)} (${AVAILABILITY_END_REASON_LABELS[input.reason].toLowerCase()}).`,
    userId: actor.userId,
    at: ctx.now,
  });
  await audit(db, actor, {
    action: 'partnership_convention.dwelling_end',
    entityType: 'partnership_convention',
    entityId: convention.id,
    details: { address: entry.address, lastDay: input.lastDay, reason: input.reason, dismissed },
  });
  return getConvention(ctx, convention.id);
}
