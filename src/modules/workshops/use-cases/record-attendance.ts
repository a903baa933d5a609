import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, type FieldErrors } from '../../../kernel/errors.ts';
import type { Attendance, TWorkshop } from '../../../shared/contracts/workshops.ts';
import { recordWorkshopAttendance } from '../../journal/index.ts';
import { requireOwnWorkshop, requirePlanned, staleWorkshop } from '../workshop-access.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { invitationsOf, setAttendance, updateWorkshop } from '../workshops.repository.ts';

type Marked = { householdId: string; attendance: Exclude<Attendance, 'invited'> };

/**
 * Records who came, at the workshop's version read. Each present household finds the workshop once
 * in its own journal (saved again, nothing more is written); the entry names no other household.
 */
export async function recordAttendance(
  ctx: Context,
  input: { workshopId: string; rowVersion: number; attendance: Marked[] },
): Promise<TWorkshop> {
  const found = await requireOwnWorkshop(ctx, input.workshopId);
  requirePlanned(found);
  const w = found.workshop;
  const invited = new Map((await invitationsOf(ctx.db, w.id)).map((i) => [i.householdId, i]));
  const errors: FieldErrors = {};
  if (w.startsAt > ctx.now) errors.attendance = 'La présence se note une fois l’atelier commencé.';
  else if (input.attendance.some((a) => !invited.has(a.householdId)))
    errors.attendance = 'Notez la présence des seuls ménages invités à l’atelier.';
  else if (
    input.attendance.some((a) => invited.get(a.householdId)!.journalEntryId && a.attendance !== 'present')
  )
    errors.attendance =
      'Cette présence est déjà inscrite au journal du ménage : annulez-y l’activité avant de la changer.';
  if (Object.keys(errors).length > 0) throw invalid(errors);
  if (
    !(await updateWorkshop(ctx.db, {
      id: w.id,
      rowVersion: input.rowVersion,
      values: { updatedAt: ctx.now },
    }))
  )
    throw staleWorkshop();

  for (const { householdId, attendance } of input.attendance) {
    const before = invited.get(householdId)!;
    const journalEntryId =
      attendance === 'present' && !before.journalEntryId
        ? await recordWorkshopAttendance(ctx, {
            householdId,
            workshopId: w.id,
            theme: w.theme,
            startsAt: w.startsAt,
            durationMinutes: w.durationMinutes,
            place: w.place,
            briques: w.briques,
          })
        : before.journalEntryId;
    if (before.attendance === attendance && journalEntryId === before.journalEntryId) continue;
    await setAttendance(ctx.db, w.id, householdId, { attendance, journalEntryId });
    await audit(ctx.db, ctx.actor, {
      action: 'workshop.attendance',
      entityType: 'workshop',
      entityId: w.id,
      householdId,
      details: { attendance },
    });
  }
  return presentWorkshop(ctx, await requireOwnWorkshop(ctx, w.id));
}
