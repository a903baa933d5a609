import { count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import type { TOutboxPage, TOutboxQuery } from '../../../shared/contracts/notifications.ts';
import { invitations, memberships, users } from '../../identity/schema.ts';
import { outboxEmails } from '../../mail/schema.ts';
import { presentOutboxEmail } from '../notifications.presenter.ts';

/** Emails addressed to the members and invitees of the administrator's organisation, newest first. */
export async function listOrganisationOutbox(ctx: Context, query: TOutboxQuery): Promise<TOutboxPage> {
  const { actor, db: q } = ctx;
  requireRoleIn(actor, 'administrators');
  const memberEmails = q
    .select({ email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.organisationId, actor.organisationId));
  const inviteeEmails = q
    .select({ email: invitations.email })
    .from(invitations)
    .where(eq(invitations.organisationId, actor.organisationId));
  const where = or(inArray(outboxEmails.to, memberEmails), inArray(outboxEmails.to, inviteeEmails));
  const [rows, [total]] = await Promise.all([
    q
      .select()
      .from(outboxEmails)
      .where(where)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(outboxEmails).where(where),
  ]);
  return {
    items: rows.map((e) => presentOutboxEmail(e, ctx.config.publicUrl)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
