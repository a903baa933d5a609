import type { Context } from '../../../kernel/context.ts';
import { convenes } from '../../../shared/access/committee-policy.ts';
import type { TCommitteeSummary } from '../../../shared/contracts/committees.ts';
import { personPresenter } from '../committee-people.ts';
import { committeesOf, meetingsOf, membersOf, peopleOf } from '../committees.repository.ts';

/** The committees the reader's organisation convenes or sits on, with their members and meetings. */
export async function listCommittees(ctx: Context, committeeId?: string): Promise<TCommitteeSummary[]> {
  const rows = await committeesOf(ctx.db, ctx.actor.organisationId, committeeId);
  const ids = rows.map((r) => r.committee.id);
  const [members, people, meetings] = await Promise.all([
    membersOf(ctx.db, ids),
    peopleOf(ctx.db, ids),
    meetingsOf(ctx.db, ids),
  ]);
  return rows.map(({ committee, conveningOrganisationName, territoryName }) => ({
    id: committee.id,
    name: committee.name,
    kind: committee.kind,
    cadence: committee.cadence,
    conveningOrganisationId: committee.organisationId,
    conveningOrganisationName,
    territoryName,
    members: members
      .filter((m) => m.committeeId === committee.id)
      .map((m) => ({ organisationId: m.organisationId, name: m.name })),
    people: people.filter((p) => p.committeeId === committee.id).map(personPresenter(ctx.actor.userId)),
    convenes: convenes(ctx.actor, committee),
    meetings: meetings
      .filter((m) => m.committeeId === committee.id)
      .map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), location: m.location, items: m.items })),
  }));
}

/** One committee as the reader's list shows it, after a change. */
export async function committeeSummary(ctx: Context, committeeId: string): Promise<TCommitteeSummary> {
  const [summary] = await listCommittees(ctx, committeeId);
  return summary!;
}
