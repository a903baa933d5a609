import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type { TDwelling, TDwellingCreate, TDwellingInput } from '../../../shared/contracts/dwellings.ts';
import { requireOwnDwelling, requireStockRight } from '../dwelling-access.ts';
import {
  findDwellingByReference,
  insertDwelling,
  isCommune,
  updateDwelling,
  upsertRent,
} from '../dwellings.repository.ts';
import { reloadDwelling } from './get-dwelling.ts';

/** The values a form gives, checked: a known commune, a reference no other dwelling of the stock has. */
async function checkInput(ctx: Context, input: TDwellingInput, dwellingId: string | null) {
  if (!(await isCommune(ctx.db, input.communeId))) throw invalid({ communeId: 'Commune inconnue.' });
  const reference = input.reference || null;
  if (reference) {
    const other = await findDwellingByReference(ctx.db, ctx.actor.organisationId, reference);
    if (other && other !== dwellingId)
      throw new AppError('CONFLICT', 'Un autre logement de votre parc a déjà cette référence.', {
        reference: 'Référence déjà prise par un autre logement.',
      });
  }
  return {
    externalReference: reference,
    address: input.address,
    communeId: input.communeId,
    typology: input.typology,
    surfaceM2: input.surfaceM2,
    floor: input.floor,
    lift: input.lift,
    accessibility: input.accessibility,
    financing: input.financing,
  };
}

/** What the audit keeps of a dwelling: where and what it is (no tenant). */
const dwellingDetails = (v: { externalReference: string | null; address: string }) => ({
  reference: v.externalReference,
  address: v.address,
});

/** Adds a dwelling to the actor's stock, with its first rent when given. */
export async function createDwelling(ctx: Context, input: TDwellingCreate): Promise<TDwelling> {
  requireStockRight(ctx, 'manage_stock');
  const values = await checkInput(ctx, input, null);
  const id = await insertDwelling(
    ctx.db,
    { ...values, status: input.status, landlordOrganisationId: ctx.actor.organisationId },
    ctx.now,
  );
  if (input.rent) await upsertRent(ctx.db, id, input.rent, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'dwelling.create',
    entityType: 'dwelling',
    entityId: id,
    details: dwellingDetails(values),
  });
  return reloadDwelling(ctx, id);
}

/** Edits a dwelling of the actor's stock (its status and rents have their own actions). */
export async function changeDwelling(
  ctx: Context,
  dwellingId: string,
  input: TDwellingInput,
): Promise<TDwelling> {
  await requireOwnDwelling(ctx, dwellingId, 'manage_stock');
  const values = await checkInput(ctx, input, dwellingId);
  await updateDwelling(ctx.db, dwellingId, values, ctx.now);
  await audit(ctx.db, ctx.actor, {
    action: 'dwelling.update',
    entityType: 'dwelling',
    entityId: dwellingId,
    details: dwellingDetails(values),
  });
  return reloadDwelling(ctx, dwellingId);
}
