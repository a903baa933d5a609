import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TGlaPlan } from '../../../shared/contracts/partnerships.ts';
import { GLA_TASK_LABELS, glaPlan } from '../../../shared/partnerships/gla-plan.ts';
import { yearWindow } from '../../../shared/partnerships/review.ts';
import { parisDate } from '../../../shared/time.ts';
import { glaTasksOf, writeGlaTasks } from '../../tasks/index.ts';
import { requireConvention } from '../convention-access.ts';
import { conventionDwellingsOf } from '../partnerships.repository.ts';

/**
 * Writes the year's GLA plan of every dwelling the association manages under the convention as tasks
 * of the worker who writes it — in « Mes tâches », where they are done — (a second run adds only what is
 * missing), and answers the tasks of the year with their state.
 */
export async function planGla(ctx: Context, conventionId: string, year: number): Promise<TGlaPlan> {
  const { db, actor } = ctx;
  const { convention } = await requireConvention(ctx, conventionId, 'plan_gla');
  const managed = (await conventionDwellingsOf(db, conventionId)).filter((d) => d.gla);
  const added = await writeGlaTasks(
    db,
    managed.flatMap((d) => {
      const window = yearWindow(
        year,
        { from: convention.startOn, until: convention.endOn },
        { from: d.availableFrom, until: d.availableUntil },
      );
      return window
        ? glaPlan(year, { from: window.from, until: window.to }).map((t) => ({
            sourceId: d.id,
            dwellingId: d.dwellingId,
            kind: t.kind,
            title: GLA_TASK_LABELS[t.kind],
            dueOn: t.dueOn,
            ownerUserId: actor.userId,
            organisationId: actor.organisationId,
            at: ctx.now,
          }))
        : [];
    }),
  );
  await audit(db, actor, {
    action: 'partnership_convention.gla_plan',
    entityType: 'partnership_convention',
    entityId: conventionId,
    details: { year, added },
  });
  const tasks = await glaTasksOf(
    db,
    managed.map((d) => d.id),
    { from: `${year}-01-01`, to: `${year}-12-31` },
  );
  const address = new Map(managed.map((d) => [d.id, d.address]));
  return {
    added,
    tasks: tasks.map((t) => ({
      id: t.id,
      address: address.get(t.sourceId!) ?? '',
      kind: t.kind!,
      dueOn: t.dueOn!,
      doneOn: t.status === 'done' && t.closedAt ? parisDate(t.closedAt) : null,
      ownerName: t.ownerName ?? t.ownerOrganisationName ?? '',
    })),
  };
}
