import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TInstrumentChange, TInstrumentCreate } from '../../../shared/contracts/eviction-prevention.ts';
import { parisDate } from '../../../shared/time.ts';
import { openProcedureToEdit } from '../procedure-access.ts';
import { changeInstrumentState, insertInstrument, lockInstrument } from '../prevention.repository.ts';

const notAhead = (ctx: Context, on: string) => {
  if (on > parisDate(ctx.now)) throw invalid({ on: 'Cette date ne peut pas être dans le futur.' });
};

/** Notes an instrument of prevention used in the open procedure, in its first state. */
export async function addPreventionInstrument(
  ctx: Context,
  householdId: string,
  input: TInstrumentCreate & { note: string | null },
): Promise<{ id: string }> {
  const procedure = await openProcedureToEdit(ctx, householdId);
  notAhead(ctx, input.on);
  const id = await insertInstrument(ctx.db, procedure.id, input, ctx.actor.userId, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.instrument',
    entityType: 'prevention_instrument',
    entityId: id,
    householdId,
    details: { instrument: input.instrument, status: input.status, on: input.on },
  });
  return { id };
}

/** Moves an instrument to its next state (requested, granted, refused, ended), dated; its history keeps each. */
export async function changePreventionInstrument(
  ctx: Context,
  householdId: string,
  instrumentId: string,
  input: TInstrumentChange & { note: string | null },
): Promise<void> {
  const procedure = await openProcedureToEdit(ctx, householdId);
  notAhead(ctx, input.on);
  const current = await lockInstrument(ctx.db, procedure.id, instrumentId);
  if (!current) throw notFound('Cet outil de prévention n’existe pas dans la procédure en cours.');
  if (input.on < current.on)
    throw invalid({ on: 'Ce changement ne peut pas précéder le précédent état de l’outil.' });
  await changeInstrumentState(ctx.db, instrumentId, input, ctx.actor.userId, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.instrument',
    entityType: 'prevention_instrument',
    entityId: instrumentId,
    householdId,
    details: { instrument: current.instrument, status: input.status, on: input.on },
  });
}
