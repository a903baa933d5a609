import type { Context } from '../../../kernel/context.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import { householdAccessLevel } from '../../../shared/access/household-access.ts';
import { canWriteDiagnostic } from '../diagnostic-access.ts';
import { latestDiagnosticsOfOrganisation } from '../diagnostics.repository.ts';

/**
 * The caseworker's home page: open urgent actions of the latest diagnostic of each household,
 * owned by me, or by my organisation on households where I am the named caseworker; soonest
 * first, undated last. Only caseworker-level actors have any (the actions are caseworker-only).
 */
export async function listMyUrgentActions(ctx: Context) {
  const { actor } = ctx;
  // The level depends only on the actor once its organisation is a party (policy is per org type).
  const levelAsParty = householdAccessLevel(actor, [
    { organisationId: actor.organisationId, basis: 'consent' },
  ]);
  if (!canWriteDiagnostic(levelAsParty)) return { items: [] };
  const rows = await latestDiagnosticsOfOrganisation(ctx.db, {
    organisationId: actor.organisationId,
    userId: actor.userId,
    at: ctx.now,
  });
  const items = rows.flatMap((d) =>
    (d.content.urgentActions ?? [])
      .filter(
        (a) =>
          !a.done &&
          (a.ownerUserId === actor.userId ||
            (a.ownerOrganisationId === actor.organisationId && d.iAmCaseworker)),
      )
      .map((a) => ({
        id: a.id,
        label: a.label,
        dueOn: a.dueOn ?? null,
        householdId: d.householdId,
        fileLabel: formatFileNumber(d.fileNumber),
        diagnosticId: d.id,
        ownerUserId: a.ownerUserId ?? null,
        ownerOrganisationId: a.ownerOrganisationId ?? null,
      })),
  );
  items.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
  return { items };
}
