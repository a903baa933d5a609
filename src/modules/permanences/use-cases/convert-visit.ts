import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid, type FieldErrors } from '../../../kernel/errors.ts';
import { canWriteJournal } from '../../../shared/access/journal-policy.ts';
import type { TVisitConversion } from '../../../shared/contracts/permanences.ts';
import { alreadyConverted, conversionBreak } from '../../../shared/permanences/rules.ts';
import { createHousehold, requireHouseholdAccess } from '../../households/index.ts';
import { recordPermanenceVisit } from '../../journal/index.ts';
import { createReferral } from '../../referrals/index.ts';
import { requireOwnVisit, staleVisit } from '../permanence-access.ts';
import { presentVisit } from '../permanence.presenter.ts';
import { claimConversion, findVisit, linkConversion, userNames } from '../permanences.repository.ts';

/** Field errors of the file or referral created, on the paths of the conversion's form. */
async function underPaths<T>(run: () => Promise<T>, path: (field: string) => string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const fields: FieldErrors = {};
      for (const [field, message] of Object.entries(error.fields)) fields[path(field)] = message;
      throw new AppError(error.code, error.message, fields);
    }
    throw error;
  }
}

/**
 * Turns a visit, once, into a referral (saisine: the household's file opens on it) or a household
 * file opened on the household's consent — never without the person's consent to the visit. The new
 * file names the visit: an entry of its journal (when the organisation keeps that journal) tells the
 * place, the advice and the steps. Everything in the request's one transaction: a refusal anywhere
 * leaves nothing behind, the claim included.
 */
export async function convertVisit(ctx: Context, input: TVisitConversion & { visitId: string }) {
  const { visit, slot } = await requireOwnVisit(ctx, input.visitId, 'convert_visit');
  const refusal = conversionBreak(visit);
  if (refusal) throw new AppError(visit.convertedTo ? 'CONFLICT' : 'INVALID_STATE', refusal);
  if (input.to === 'referral' && input.referral.householdId)
    throw invalid({
      'referral.householdId': 'Un passage devient un nouveau dossier : décrivez le ménage.',
    });
  const claimed = await claimConversion(ctx.db, {
    id: visit.id,
    rowVersion: input.rowVersion,
    to: input.to,
    at: ctx.now,
    userId: ctx.actor.userId,
  });
  if (!claimed) {
    const now = await findVisit(ctx.db, visit.id);
    if (now?.convertedTo) throw new AppError('CONFLICT', alreadyConverted(now.convertedTo, now.convertedAt));
    throw staleVisit();
  }

  let householdId: string;
  let referralId: string | null = null;
  if (input.to === 'referral') {
    const referral = input.referral;
    const created = await underPaths(
      () => createReferral(ctx, referral),
      (field) => `referral.${field}`,
    );
    householdId = created.householdId;
    referralId = created.id;
  } else {
    householdId = (
      await underPaths(
        () => createHousehold(ctx, { file: input.file, basis: { kind: 'consent', consent: input.consent } }),
        (field) => (field.startsWith('basis.consent.') ? field.slice('basis.'.length) : `file.${field}`),
      )
    ).id;
  }

  // The organisation that keeps the new file's journal finds the visit there; a SIAO, which shares
  // the file without keeping its journal, finds it through the visit's link.
  const level = await requireHouseholdAccess(ctx, householdId);
  const journalEntryId = canWriteJournal(level)
    ? await recordPermanenceVisit(ctx, {
        householdId,
        visitId: visit.id,
        place: slot.place,
        occurredAt: visit.occurredAt,
        durationMinutes: visit.durationMinutes,
        briques: visit.briques,
        advice: visit.advice,
        steps: visit.steps,
      })
    : null;
  await linkConversion(ctx.db, visit.id, { householdId, referralId, journalEntryId });
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.visit.convert',
    entityType: 'permanence_visit',
    entityId: visit.id,
    householdId,
    details: { to: input.to, occurrenceDate: visit.occurrenceDate, place: slot.place },
  });
  const converted = (await findVisit(ctx.db, visit.id))!;
  return {
    visit: presentVisit(
      converted,
      await userNames(ctx.db, converted.recordedByUserId ? [converted.recordedByUserId] : []),
    ),
    householdId,
    referralId,
  };
}
