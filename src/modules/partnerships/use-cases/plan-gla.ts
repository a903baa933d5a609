import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { glaPlan } from '../../../shared/partnerships/gla-plan.ts';
import { yearWindow } from '../../../shared/partnerships/review.ts';
import { requireConvention } from '../convention-access.ts';
import { conventionDwellingsOf, glaTasksOf, insertGlaTasks } from '../partnerships.repository.ts';

/**
 * Writes the year's GLA plan of every dwelling the association manages under the convention as
 * tasks (a second run adds only what is missing), and answers the tasks of the year.
 */
export async function planGla(ctx: Context, conventionId: string, year: number) {
  const { db, actor } = ctx;
  const { convention } = await requireConvention(ctx, conventionId, 'plan_gla');
  const managed = (await conventionDwellingsOf(db, conventionId)).filter((d) => d.gla);
  const rows = managed.flatMap((d) => {
    const window = yearWindow(
      year,
      { from: convention.startOn, until: convention.endOn },
      { from: d.availableFrom, until: d.availableUntil },
    );
    return window
      ? glaPlan(year, { from: window.from, until: window.to }).map((t) => ({
          conventionDwellingId: d.id,
          year,
          kind: t.kind,
          dueOn: t.dueOn,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }))
      : [];
  });
  const added = await insertGlaTasks(db, rows);
  await audit(db, actor, {
    action: 'partnership_convention.gla_plan',
    entityType: 'partnership_convention',
    entityId: conventionId,
    details: { year, added },
  });
  const tasks = await glaTasksOf(
    db,
    managed.map((d) => d.id),
    year,
  );
  const address = new Map(managed.map((d) => [d.id, d.address]));
  return {
    added,
    tasks: tasks.map((t) => ({
      id: t.id,
      address: address.get(t.conventionDwellingId) ?? '',
      kind: t.kind,
      dueOn: t.dueOn,
      doneOn: t.doneOn,
    })),
  };
}
