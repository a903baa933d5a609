import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TWorkshop } from '../../../shared/contracts/workshops.ts';
import { attendanceBreak, newlyPresent, type AttendanceMark } from '../../../shared/workshops/rules.ts';
import { recordWorkshopAttendance } from '../../journal/index.ts';
import { requireOwnWorkshop, requirePlanned, staleWorkshop } from '../workshop-access.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { invitationsOf, setAttendance, updateWorkshop } from '../workshops.repository.ts';

/**
 * Records who came, at the workshop's version read. Each present household finds the workshop once
 * in its own journal (saved again, nothing more is written); the entry names no other household.
 */
export async function recordAttendance(
  ctx: Context,
  input: { workshopId: string; rowVersion: number; attendance: AttendanceMark[] },
): Promise<TWorkshop> {
  const found = await requireOwnWorkshop(ctx, input.workshopId);
  requirePlanned(found);
  const w = found.workshop;
  const rows = await invitationsOf(ctx.db, w.id);
  const sheet = rows.map((i) => ({ householdId: i.householdId, inJournal: i.journalEntryId !== null }));
  const refusal = attendanceBreak(w.startsAt, sheet, input.attendance, ctx.now);
  if (refusal) throw invalid({ attendance: refusal });
  const saved = await updateWorkshop(ctx.db, {
    id: w.id,
    rowVersion: input.rowVersion,
    values: { updatedAt: ctx.now },
  });
  if (!saved) throw staleWorkshop();

  const before = new Map(rows.map((i) => [i.householdId, i]));
  const toJournal = new Set(newlyPresent(sheet, input.attendance));
  for (const { householdId, attendance } of input.attendance) {
    const was = before.get(householdId)!;
    const journalEntryId = toJournal.has(householdId)
      ? await recordWorkshopAttendance(ctx, {
          householdId,
          workshopId: w.id,
          theme: w.theme,
          startsAt: w.startsAt,
          durationMinutes: w.durationMinutes,
          place: w.place,
          briques: w.briques,
        })
      : was.journalEntryId;
    if (was.attendance === attendance && journalEntryId === was.journalEntryId) continue;
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
