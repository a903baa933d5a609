import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, type FieldErrors } from '../../../kernel/errors.ts';
import type {
  TAmendmentChanges,
  TConvention,
  ZAmendmentCreate,
} from '../../../shared/contracts/partnerships.ts';
import { formatDate } from '../../../shared/format.ts';
import { sameFee } from '../../../shared/partnerships/terms.ts';
import { requireConvention } from '../convention-access.ts';
import { feeOf } from '../partnerships.presenter.ts';
import {
  amendmentsOf,
  conventionDwellingsOf,
  insertAmendment,
  lockConvention,
  updateConvention,
  updateConventionDwelling,
} from '../partnerships.repository.ts';
import { getConvention } from './get-convention.ts';

type AmendmentInput = z.output<typeof ZAmendmentCreate> & { conventionId: string };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * An amendment (avenant) agreed by the two parties, recorded by either side's staff: numbered after the
 * last one, effective from a day within the convention and not before the last one's, it changes the terms
 * given that differ from those in force — the convention's row then holds the new terms, the amendment
 * what each was before. The yearly review reads the terms in force each day from them.
 */
export async function amendConvention(ctx: Context, input: AmendmentInput): Promise<TConvention> {
  const { db, actor } = ctx;
  await lockConvention(db, input.conventionId);
  const { convention: c } = await requireConvention(ctx, input.conventionId, 'amend');
  const [entries, amendments] = await Promise.all([conventionDwellingsOf(db, c.id), amendmentsOf(db, c.id)]);
  const changes: TAmendmentChanges = {};
  const errors: FieldErrors = {};
  const fee = feeOf(c);
  if (input.fee && !sameFee(fee, input.fee)) changes.fee = { before: fee, after: input.fee };
  if (input.commitments && !sameList(c.commitments, input.commitments))
    changes.commitments = { before: c.commitments, after: input.commitments };
  const startOn = input.startOn ?? c.startOn;
  const endOn = input.endOn === undefined ? c.endOn : input.endOn;
  if (startOn !== c.startOn) changes.startOn = { before: c.startOn, after: startOn };
  if (endOn !== c.endOn) changes.endOn = { before: c.endOn, after: endOn };
  // A dwelling made available before the new start, or from after the new end, would fall outside.
  const starts = entries.map((e) => e.availableFrom).sort();
  const [firstAvailable] = starts;
  const lastAvailable = starts.at(-1);
  if (changes.startOn && firstAvailable && startOn > firstAvailable)
    errors.startOn = `Un logement est mis à disposition dès le ${formatDate(firstAvailable)} : la convention ne peut pas commencer après.`;
  if (endOn !== null && endOn < startOn) errors.endOn = 'La fin ne peut pas précéder le début.';
  else if (changes.endOn && endOn !== null && lastAvailable && endOn < lastAvailable)
    errors.endOn = `Un logement est mis à disposition à partir du ${formatDate(lastAvailable)} : la convention ne peut pas finir avant.`;

  const last = amendments.at(-1)?.amendment;
  if (input.effectiveOn < startOn || (endOn !== null && input.effectiveOn > endOn))
    errors.effectiveOn = 'L’avenant prend effet pendant la convention.';
  else if (last && input.effectiveOn < last.effectiveOn)
    errors.effectiveOn = `L’avenant n° ${last.number} prend effet le ${formatDate(last.effectiveOn)} : celui-ci ne peut pas prendre effet avant.`;

  const dwellingChanges: NonNullable<TAmendmentChanges['dwellings']> = [];
  input.dwellings?.forEach((d, i) => {
    const entry = entries.find((e) => e.id === d.entryId);
    if (!entry) {
      errors[`dwellings.${i}.entryId`] = 'Ce logement n’est pas mis à disposition au titre de la convention.';
      return;
    }
    if (entry.availableUntil !== null && entry.availableUntil < input.effectiveOn) {
      errors[`dwellings.${i}.occupancyKind`] =
        `${entry.address} a quitté la convention le ${formatDate(entry.availableUntil)}.`;
      return;
    }
    if (d.occupancyKind !== entry.occupancyKind && !dwellingChanges.some((x) => x.entryId === entry.id))
      dwellingChanges.push({
        entryId: entry.id,
        address: entry.address,
        before: entry.occupancyKind,
        after: d.occupancyKind,
      });
  });
  if (dwellingChanges.length > 0) changes.dwellings = dwellingChanges;
  if (Object.keys(errors).length > 0) throw invalid(errors);
  if (Object.keys(changes).length === 0)
    throw invalid({}, 'Cet avenant ne change aucun terme de la convention : modifiez au moins un terme.');

  const number = (last?.number ?? 0) + 1;
  await insertAmendment(db, {
    conventionId: c.id,
    number,
    effectiveOn: input.effectiveOn,
    changes,
    createdByUserId: actor.userId,
    createdAt: ctx.now,
  });
  await updateConvention(db, c.id, {
    startOn,
    endOn,
    ...(changes.fee && {
      feeMode: changes.fee.after.mode,
      feePerDwellingYearCents:
        changes.fee.after.mode === 'per_dwelling_year' ? changes.fee.after.perDwellingYearCents : null,
      feeRentSharePerMille: changes.fee.after.mode === 'rent_share' ? changes.fee.after.perMille : null,
    }),
    ...(changes.commitments && { commitments: changes.commitments.after }),
  });
  for (const d of dwellingChanges) await updateConventionDwelling(db, d.entryId, { occupancyKind: d.after });
  await audit(db, actor, {
    action: 'partnership_convention.amend',
    entityType: 'partnership_convention',
    entityId: c.id,
    details: { number, effectiveOn: input.effectiveOn, changes },
  });
  return getConvention(ctx, c.id);
}
