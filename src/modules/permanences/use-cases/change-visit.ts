import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TVisit, TVisitUpdate } from '../../../shared/contracts/permanences.ts';
import { requireOwnVisit, staleVisit } from '../permanence-access.ts';
import { checkVisit } from '../permanence-input.ts';
import { presentVisit } from '../permanence.presenter.ts';
import { findVisit, updateVisit, userNames } from '../permanences.repository.ts';

/**
 * Corrects a visit at the version read, by the same rules as when it was recorded (a consent
 * withdrawn drops the name and the contact). A visit that became a file or a referral is completed
 * there.
 */
export async function changeVisit(ctx: Context, input: TVisitUpdate & { visitId: string }): Promise<TVisit> {
  const { visit, slot } = await requireOwnVisit(ctx, input.visitId, 'record_visit');
  if (visit.convertedTo)
    throw new AppError(
      'INVALID_STATE',
      visit.convertedTo === 'referral'
        ? 'Ce passage est devenu une saisine : complétez désormais le dossier du ménage.'
        : 'Ce passage est devenu un dossier ménage : complétez désormais le dossier.',
    );
  const values = checkVisit(ctx, slot, input);
  const saved = await updateVisit(ctx.db, {
    id: visit.id,
    rowVersion: input.rowVersion,
    values: { ...values, updatedAt: ctx.now },
  });
  if (!saved) throw staleVisit();
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.visit.update',
    entityType: 'permanence_visit',
    entityId: visit.id,
    details: { consent: values.consent, occurrenceDate: values.occurrenceDate, place: slot.place },
  });
  const changed = (await findVisit(ctx.db, visit.id))!;
  return presentVisit(
    changed,
    await userNames(ctx.db, changed.recordedByUserId ? [changed.recordedByUserId] : []),
  );
}
