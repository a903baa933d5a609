import type { Context } from '../../kernel/context.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { TWorkshop } from '../../shared/contracts/workshops.ts';
import { organisationNames } from '../organisations/index.ts';
import { briqueName } from '../referentiel/index.ts';
import { invitationsOf, userNames, type WorkshopListed } from './workshops.repository.ts';

const named = (ids: string[], names: Map<string, string>) =>
  ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));

/** A workshop in a list: no household named. */
export const presentWorkshopSummary = ({ workshop: w, invitedCount, presentCount }: WorkshopListed) => ({
  id: w.id,
  theme: w.theme,
  startsAt: w.startsAt.toISOString(),
  durationMinutes: w.durationMinutes,
  place: w.place,
  status: w.status,
  invitedCount,
  presentCount,
});

/** The workshop's page, for its organisation's staff: its people and every household invited. */
export async function presentWorkshop(ctx: Context, found: WorkshopListed): Promise<TWorkshop> {
  const w = found.workshop;
  const invited = await invitationsOf(ctx.db, w.id);
  return {
    ...presentWorkshopSummary(found),
    briques: w.briques.map((code) => ({ code, label: briqueName(w.referentielVersion, code) })),
    facilitators: named(w.facilitatorUserIds, await userNames(ctx.db, w.facilitatorUserIds)),
    partners: named(w.partnerOrganisationIds, await organisationNames(ctx.db, w.partnerOrganisationIds)),
    cancelReason: w.cancelReason,
    rowVersion: w.rowVersion,
    households: invited.map((i) => ({
      householdId: i.householdId,
      fileLabel: formatFileNumber(i.fileNumber),
      familyName: i.familyName,
      attendance: i.attendance,
      inJournal: i.journalEntryId !== null,
    })),
  };
}
