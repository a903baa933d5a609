import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import { memberships, users } from '../identity/schema.ts';
import { notifications } from './schema.ts';
import { sendEmail } from '../mail/index.ts';

export interface OrganisationNotice {
  organisationId: string;
  /** Only the members holding one of these roles; default: every active member. */
  roles?: Role[];
  /** Dotted event name, e.g. referral.received. */
  kind: string;
  title: string;
  body: string;
  /** Path in the web app. */
  link: string;
}

/**
 * Tell an organisation's active members about an event: one in-app notification and one email each.
 * Call it inside the transaction of the event. Returns the ids of the users notified.
 */
export async function notifyOrganisation(q: Queryable, notice: OrganisationNotice): Promise<string[]> {
  const conditions = [eq(memberships.organisationId, notice.organisationId), eq(users.status, 'active')];
  if (notice.roles) {
    if (notice.roles.length === 0) return [];
    conditions.push(inArray(memberships.role, notice.roles));
  }
  const recipients = await q
    .selectDistinct({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions));
  return deliver(q, recipients, notice);
}

type Notice = Omit<OrganisationNotice, 'organisationId' | 'roles'>;

/** Tell named people about an event (a measure's old and new référents), active accounts only. */
export async function notifyUsers(q: Queryable, userIds: string[], notice: Notice): Promise<string[]> {
  if (userIds.length === 0) return [];
  const recipients = await q
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
  return deliver(q, recipients, notice);
}

/** One in-app notification and one email per recipient. */
async function deliver(q: Queryable, recipients: { id: string; email: string }[], notice: Notice) {
  if (recipients.length === 0) return [];
  await q.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
    })),
  );
  for (const r of recipients) {
    await sendEmail(q, {
      to: r.email,
      subject: `[Relais] ${notice.title}`,
      text: `${notice.body}\n\nPour voir le détail, connectez-vous à Relais :`,
      linkPath: notice.link,
    });
  }
  return recipients.map((r) => r.id);
}
