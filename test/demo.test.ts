import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { verify } from 'otplib';
import { verify as verifyPassword } from '@node-rs/argon2';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { databaseIsEmpty, demoIsLoaded, loadDemo } from '../src/demo/load-demo.ts';
import { DEMO_PASSWORD, demoAccounts, demoTotpCode, formatDemoAccounts } from '../src/demo/accounts.ts';
import { managementUnits, organisations } from '../src/modules/organisations/schema.ts';
import { memberships, users } from '../src/modules/identity/schema.ts';
import {
  householdConsents,
  householdMembers,
  householdNotes,
  householdParties,
  households,
} from '../src/modules/households/schema.ts';
import { referralContactAttempts, referralEvents, referrals } from '../src/modules/referrals/schema.ts';
import { notifications } from '../src/modules/notifications/schema.ts';
import { ROLES } from '../src/shared/contracts/roles.ts';
import { REFERRAL_STATUSES } from '../src/shared/contracts/referral-enums.ts';
import { roleNeedsSecondFactor } from '../src/shared/policy/household-access.ts';
import { activeParties } from '../src/modules/households/parties.repository.ts';
import { normaliseForSearch } from '../src/modules/households/search-text.ts';

let t: TestApp;

const TABLES = {
  organisations,
  managementUnits,
  users,
  memberships,
  households,
  householdMembers,
  householdNotes,
  householdConsents,
  householdParties,
  referrals,
  referralContactAttempts,
  referralEvents,
  notifications,
};

async function counts() {
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await t.deps.db.select({ n: count() }).from(table);
    result[name] = row!.n;
  }
  return result;
}

beforeAll(async () => {
  t = await createTestApp();
  expect(await databaseIsEmpty(t.deps.db)).toBe(true);
  expect(await demoIsLoaded(t.deps.db)).toBe(false);
  await loadDemo(t.deps.db, { now: t.deps.clock() });
});
afterAll(async () => t?.close());

describe('demo territory', () => {
  it('loads once: a second load changes nothing', async () => {
    expect(await databaseIsEmpty(t.deps.db)).toBe(false);
    expect(await demoIsLoaded(t.deps.db)).toBe(true);
    const before = await counts();
    await loadDemo(t.deps.db, { now: new Date(t.deps.clock().getTime() + 86_400_000) });
    expect(await counts()).toEqual(before);
  });

  it('has the organisations of one département and a user for every role', async () => {
    const byType = await t.deps.db
      .select({ type: organisations.type, n: count() })
      .from(organisations)
      .groupBy(organisations.type);
    const n = Object.fromEntries(byType.map((r) => [r.type, r.n]));
    expect(n).toMatchObject({ landlord: 1, association: 2, siao: 1, funder: 2 });

    const [landlord] = await t.deps.db.select().from(organisations).where(eq(organisations.type, 'landlord'));
    const units = await t.deps.db
      .select()
      .from(managementUnits)
      .where(eq(managementUnits.organisationId, landlord!.id));
    expect(units).toHaveLength(3);

    const roles = new Set(
      (await t.deps.db.select({ role: memberships.role }).from(memberships)).map((r) => r.role),
    );
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });

  it('has at least 40 households, each with a reference person and a current party', async () => {
    const all = await t.deps.db.select({ id: households.id }).from(households);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const { id } of all) {
      const refs = await t.deps.db
        .select({ n: count() })
        .from(householdMembers)
        .where(and(eq(householdMembers.householdId, id), eq(householdMembers.isReferencePerson, true)));
      expect(refs[0]!.n).toBe(1);
      expect((await activeParties(t.deps.db, id, t.deps.clock())).length).toBeGreaterThan(0);
    }
  });

  it('keeps the search text as the households module computes it', async () => {
    const [h] = await t.deps.db
      .select({ searchText: households.searchText, fileNumber: households.fileNumber, id: households.id })
      .from(households)
      .limit(1);
    const [ref] = await t.deps.db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, h!.id), eq(householdMembers.isReferencePerson, true)));
    expect(h!.searchText).toContain(normaliseForSearch(`${ref!.firstName} ${ref!.lastName}`));
    expect(h!.searchText).toContain(`m-${String(h!.fileNumber).padStart(6, '0')}`);
  });

  it('has notes of every sensitivity and caseworker-only fields on some files', async () => {
    const sens = await t.deps.db.selectDistinct({ s: householdNotes.sensitivity }).from(householdNotes);
    expect(sens.map((r) => r.s).sort()).toEqual(['confidential', 'landlord_visible', 'shared']);
    for (const column of [households.healthNotes, households.justiceNotes, households.familyConflictNotes]) {
      const [row] = await t.deps.db.select({ n: count() }).from(households).where(isNotNull(column));
      expect(row!.n).toBeGreaterThan(0);
    }
  });

  it('gives every account that needs a second factor a confirmed TOTP secret matching the printed one', async () => {
    const rows = await t.deps.db
      .select({
        email: users.email,
        role: memberships.role,
        secret: users.totpSecret,
        confirmed: users.totpConfirmedAt,
        hash: users.passwordHash,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id));
    const printed = new Map(demoAccounts().map((a) => [a.email, a]));
    for (const row of rows) {
      if (roleNeedsSecondFactor(row.role)) {
        expect(row.secret).toBeTruthy();
        expect(row.confirmed).not.toBeNull();
        expect(printed.get(row.email)!.totpSecret).toBe(row.secret);
        const code = await demoTotpCode(row.email, t.deps.clock());
        const epoch = Math.floor(t.deps.clock().getTime() / 1000);
        expect((await verify({ secret: row.secret!, token: code!, epoch })).valid).toBe(true);
      } else {
        expect(row.secret).toBeNull();
        expect(printed.get(row.email)!.totpSecret).toBeNull();
      }
    }
    expect(await verifyPassword(rows[0]!.hash!, DEMO_PASSWORD)).toBe(true);
    const table = formatDemoAccounts('http://localhost:3000');
    for (const a of demoAccounts()) expect(table).toContain(a.email);
  });

  it('has referrals of both kinds in every status, with their timeline', async () => {
    const rows = await t.deps.db
      .select({ kind: referrals.kind, status: referrals.status, n: count() })
      .from(referrals)
      .groupBy(referrals.kind, referrals.status);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['maintenance', 'access']));
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(15);

    const [withoutSent] = await t.deps.db
      .select({ n: count() })
      .from(referrals)
      .where(
        sql`not exists (select 1 from ${referralEvents} where ${referralEvents.referralId} = ${referrals.id} and ${referralEvents.type} = 'sent')`,
      );
    expect(withoutSent!.n).toBe(0);
    const [attempts] = await t.deps.db.select({ n: count() }).from(referralContactAttempts);
    expect(attempts!.n).toBeGreaterThan(0);
    const [unread] = await t.deps.db
      .select({ n: count() })
      .from(notifications)
      .where(isNull(notifications.readAt));
    expect(unread!.n).toBeGreaterThan(0);
  });

  it('lets anyone sign in with a printed account, its password and its current TOTP code', async () => {
    const email = 'camille.roussel@le-passage.example';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().secondFactor).toBe('required');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };

    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers,
      payload: { code: await demoTotpCode(email, t.deps.clock()) },
    });
    expect(verified.statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: '/api/households?page=1&pageSize=100', headers });
    expect(list.statusCode).toBe(200);
    // Camille follows some households with their consent and others through accepted referrals.
    expect(list.json().total).toBeGreaterThanOrEqual(8);
  });
});
