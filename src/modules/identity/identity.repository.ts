import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TMembership } from '../../shared/contracts/identity.ts';
import { organisations } from '../organisations/schema.ts';
import { memberships, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const [user] = await q.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [user] = await q.select().from(users).where(eq(users.id, id));
  return user;
}

/** The user's organisations (active ones) with their roles, in the order they joined them. */
export async function membershipsOf(q: Queryable, userId: string): Promise<TMembership[]> {
  const rows = await q
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationType: organisations.type,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(organisations.active, true)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  const byOrg = new Map<string, TMembership>();
  for (const r of rows) {
    const m = byOrg.get(r.organisationId);
    if (m) m.roles.push(r.role);
    else byOrg.set(r.organisationId, { ...r, roles: [r.role] });
  }
  return [...byOrg.values()];
}

/** The organisation a session opens on: the one asked for if the user belongs to it, else the first. */
export function chooseOrganisation(list: readonly TMembership[], requested?: string): string | null {
  return list.find((m) => m.organisationId === requested)?.organisationId ?? list[0]?.organisationId ?? null;
}
