import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { managementUnits } from '../organisations/schema.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import { memberships, users } from './schema.ts';

/** Members of an organisation with their roles there, by name. */
export async function organisationMembers(q: Queryable, organisationId: string) {
  const rows = await q
    .select({ user: users, role: memberships.role, managementUnitId: memberships.managementUnitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(users.fullName, users.id, memberships.role);
  const byUser = new Map<
    string,
    {
      user: typeof users.$inferSelect;
      roles: (typeof rows)[number]['role'][];
      managementUnitId: string | null;
    }
  >();
  for (const r of rows) {
    const m = byUser.get(r.user.id);
    if (m) {
      m.roles.push(r.role);
      m.managementUnitId ??= r.managementUnitId;
    } else byUser.set(r.user.id, { user: r.user, roles: [r.role], managementUnitId: r.managementUnitId });
  }
  return [...byUser.values()];
}

/** A user who belongs to the organisation, with their roles there; 404 for anyone else. */
export async function requireMember(q: Queryable, organisationId: string, unverifiedUserId: string) {
  const rows = await q
    .select({ user: users, role: memberships.role, managementUnitId: memberships.managementUnitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, unverifiedUserId)));
  const first = rows[0];
  if (!first) throw notFound('Utilisateur introuvable.');
  return {
    user: first.user,
    roles: rows.map((r) => r.role),
    managementUnitId: rows.find((r) => r.managementUnitId)?.managementUnitId ?? null,
  };
}

/** How many other active administrators the organisation has besides this user. */
export async function otherActiveAdmins(
  q: Queryable,
  organisationId: string,
  userId: string,
): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'admin'),
        eq(users.status, 'active'),
        ne(users.id, userId),
      ),
    );
  return row?.n ?? 0;
}

/** A management unit id sent by a client must be one of the organisation's own. */
export async function isOwnManagementUnit(q: Queryable, organisationId: string, unverifiedId: string) {
  const [unit] = await q
    .select({ id: managementUnits.id })
    .from(managementUnits)
    .where(and(eq(managementUnits.id, unverifiedId), eq(managementUnits.organisationId, organisationId)));
  return unit !== undefined;
}

/** Active members of an organisation holding one of the roles, once each, by name. */
/** The name of an active user of the organisation, holding one of the roles when given; null otherwise. */
export async function activeMemberName(
  q: Queryable,
  userId: string,
  organisationId: string,
  roles?: readonly Role[],
): Promise<string | null> {
  const [row] = await q
    .select({ name: users.fullName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        roles ? inArray(memberships.role, [...roles]) : undefined,
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return row?.name ?? null;
}

export function activeMembersWithRoles(q: Queryable, organisationId: string, roles: readonly Role[]) {
  return q
    .selectDistinct({ id: users.id, name: users.fullName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, [...roles]),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.fullName));
}
