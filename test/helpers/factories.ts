import { hash } from '@node-rs/argon2';
import type { DB } from '../../src/kernel/db.ts';
import type { AppDeps } from '../../src/kernel/deps.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { memberships, users } from '../../src/modules/identity/schema.ts';
import { SESSION_COOKIE, createSession } from '../../src/modules/identity/sessions.ts';
import type { OrganisationType, Role } from '../../src/shared/contracts/roles.ts';

let counter = 0;
const next = () => ++counter;

export const TEST_PASSWORD = 'Correct-Horse-42!';

export async function makeOrganisation(db: DB, type: OrganisationType, name = `${type} ${next()}`) {
  const [org] = await db.insert(organisations).values({ type, name }).returning();
  return org!;
}

export async function makeUser(
  db: DB,
  input: { organisationId: string; roles: Role[]; email?: string; fullName?: string; password?: string },
) {
  const n = next();
  const [user] = await db
    .insert(users)
    .values({
      email: input.email ?? `user${n}-${Date.now()}@test.relais`,
      fullName: input.fullName ?? `Utilisateur ${n}`,
      passwordHash: await hash(input.password ?? TEST_PASSWORD),
      status: 'active',
    })
    .returning();
  for (const role of input.roles) {
    await db.insert(memberships).values({ userId: user!.id, organisationId: input.organisationId, role });
  }
  return user!;
}

export interface TestSession {
  cookie: string;
  csrf: string;
  /** Headers for app.inject: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A complete session (second factor done) without going through sign-in: for tests of other modules. */
export async function sessionFor(
  deps: AppDeps,
  userId: string,
  organisationId: string,
): Promise<TestSession> {
  const s = await createSession(deps.db, {
    userId,
    organisationId,
    secondFactorDone: true,
    now: deps.clock(),
    config: deps.config,
  });
  const cookie = `${SESSION_COOKIE}=${s.token}`;
  return { cookie, csrf: s.csrfToken, headers: { cookie, 'x-csrf-token': s.csrfToken } };
}

/** An organisation with one user per given role, each with a session. */
export async function makeOrgWithUsers(deps: AppDeps, type: OrganisationType, roles: Role[]) {
  const org = await makeOrganisation(deps.db, type);
  const members: Record<string, { user: Awaited<ReturnType<typeof makeUser>>; session: TestSession }> = {};
  for (const role of roles) {
    const user = await makeUser(deps.db, { organisationId: org.id, roles: [role] });
    members[role] = { user, session: await sessionFor(deps, user.id, org.id) };
  }
  return { org, members };
}
