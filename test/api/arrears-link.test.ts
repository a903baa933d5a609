import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { STOCK_HEADER, apply, dryRun, makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { evictionAlertFacts } from '../../src/modules/eviction-prevention/index.ts';
import {
  occupancyContractEvents,
  occupancyContracts,
  referralContracts,
} from '../../src/modules/leases/schema.ts';
import { arrearsBalances } from '../../src/modules/stock-imports/schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';
import type { TFlaggedTenants } from '../../src/shared/contracts/dwellings.ts';
import type { TEvictionPrevention } from '../../src/shared/contracts/eviction-prevention.ts';
import type { TContract } from '../../src/shared/contracts/leases.ts';
import type { TReferralPrefill } from '../../src/shared/contracts/referrals.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
const NOW = new Date('2026-04-02T08:00:00Z');
const STOCK = [
  STOCK_HEADER,
  'MET-1;3 rue Haute;57463;T3;64,5;2;oui;PLUS;1 234,56;80;LOC-1;Mme Durand;15/02/2022;01/03/2022',
  'MET-2;5 rue Basse;Woippy;T2;48;RDC;non;PLAI;380,00;60,5;LOC-2;M. Martin;01/06/2023;01/06/2023',
].join('\r\n');
// LOC-1's monthly arrears files: one month, two, three of rent and charges (1 314,56 €).
const LOC1_FILES = [
  { asOf: '2026-01-31', balanceCents: 130_000, monthsOfArrears: 1 },
  { asOf: '2026-02-28', balanceCents: 270_000, monthsOfArrears: 2 },
  { asOf: '2026-03-31', balanceCents: 400_000, monthsOfArrears: 3 },
];
const FACTS = {
  leaseSignedOn: '2022-02-15',
  lessorKind: 'legal_person',
  monthlyRentCents: 123_456,
  monthlyChargesCents: 8_000,
  monthlyBenefitCents: null,
  benefitPaidTo: 'none',
  hearingScheduledOn: null,
  version: null,
};

/**
 * An imported tenant becomes a followed household: the landlord refers it from its flagged tenants
 * with the form filled from the contract and its arrears files, the referral attaches the contract to
 * the household's file, a party attaches or detaches a contract deliberately, and the eviction record
 * reads the landlord's arrears when no balance is noted and no rent account is kept.
 */
describe('imported tenant, referral and eviction record', () => {
  let t: TestApp;
  let landlord: TestSession;
  let landlordId: string;
  let otherLandlord: TestSession;
  let assoc: { id: string; cw: TestSession; cwId: string };
  let outsider: TestSession;
  const contractOf = async (ref: string) =>
    (
      await t.deps.db.select().from(occupancyContracts).where(eq(occupancyContracts.tenantReference, ref))
    )[0]!;
  const as = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  let householdId: string;
  let referralId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    await makeMetzTerritory(t.deps.db);
    const l = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlordId = l.org.id;
    landlord = l.members.landlord_rental_manager!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager'])).members
      .landlord_rental_manager!.session;
    const a = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'team_manager']);
    assoc = { id: a.org.id, cw: a.members.caseworker!.session, cwId: a.members.caseworker!.user.id };
    outsider = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!.session;
    const run = await dryRun(t, landlord, { name: 'parc.csv', content: STOCK + '\r\n' });
    await ok(await apply(t, landlord, run.id));
    const loc1 = await contractOf('LOC-1');
    await t.deps.db.insert(arrearsBalances).values(LOC1_FILES.map((f) => ({ ...f, contractId: loc1.id })));
  }, 60_000);
  afterAll(() => t.close());

  it('fills the referral form of a flagged tenant for its landlord only', async () => {
    const loc1 = await contractOf('LOC-1');
    const flagged = await ok<TFlaggedTenants>(
      await as(landlord, 'GET', '/api/stock-imports/arrears/flagged'),
    );
    expect(flagged.items.map((f) => [f.contractId, f.tenantReference])).toEqual([[loc1.id, 'LOC-1']]);
    const url = `/api/leases/${loc1.id}/referral-prefill`;
    const prefill = await ok<TReferralPrefill>(await as(landlord, 'GET', url));
    expect(prefill).toEqual({
      contractId: loc1.id,
      tenantName: 'Mme Durand',
      tenantReference: 'LOC-1',
      dwellingAddress: expect.stringMatching(/^3 rue Haute/),
      landlordName: expect.any(String),
      householdId: null,
      // The rent in force today (the import's, from its file).
      monthlyRentCents: 123_456,
      monthlyChargesCents: 8_000,
      arrears: { asOf: '2026-03-31', amountCents: 400_000, months: 3 },
    });
    for (const s of [otherLandlord, assoc.cw, outsider])
      expect((await as(s, 'GET', url)).statusCode).toBe(404);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.prefill.read'), eq(auditLog.entityId, loc1.id)));
    expect(entry?.details).toEqual({ tenantReference: 'LOC-1' });
  });

  const referral = (contractId: string) => ({
    kind: 'maintenance',
    toOrganisationId: assoc.id,
    newHousehold: {
      members: [
        {
          firstName: 'Sophie',
          lastName: 'Durand',
          relationship: 'reference_person',
          isReferencePerson: true,
        },
      ],
      dwellingAddress: '3 rue Haute, 57000 Metz',
      tenantReference: 'LOC-1',
      monthlyRentCents: 123_456,
      monthlyChargesCents: 8_000,
    },
    reasons: ['arrears'],
    arrears: { amountCents: 400_000, months: 3 },
    occupancyContractId: contractId,
  });

  it('refuses a referral from a contract the referrer does not let, and writes nothing', async () => {
    const loc1 = await contractOf('LOC-1');
    const res = await as(otherLandlord, 'POST', '/api/referrals', referral(loc1.id));
    expect(res.statusCode).toBe(404);
    expect((await contractOf('LOC-1')).householdId).toBeNull();
    expect(await t.deps.db.select().from(referralContracts)).toEqual([]);
  });

  it('attaches the contract to the household’s file the referral opens, in its transaction', async () => {
    const loc1 = await contractOf('LOC-1');
    referralId = (await ok<{ id: string }>(await as(landlord, 'POST', '/api/referrals', referral(loc1.id))))
      .id;
    const after = await contractOf('LOC-1');
    householdId = after.householdId!;
    const [ref] = await t.deps.db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(ref?.householdId).toBe(householdId);
    expect(after.tenantName).toBe('Mme Durand');
    expect(await t.deps.db.select().from(referralContracts)).toEqual([{ referralId, contractId: loc1.id }]);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lease.household.link'), eq(auditLog.entityId, loc1.id)));
    expect(entry).toMatchObject({ householdId, details: { kind: 'direct_lease', referralId } });
    const events = await t.deps.db
      .select({ event: occupancyContractEvents.event })
      .from(occupancyContractEvents)
      .where(eq(occupancyContractEvents.contractId, loc1.id));
    expect(events.map((e) => e.event)).toContain('household_linked');
    // The landlord's form now names the file; the household's « Logement » tab lists the contract.
    expect(
      (await ok<TReferralPrefill>(await as(landlord, 'GET', `/api/leases/${loc1.id}/referral-prefill`)))
        .householdId,
    ).toBe(householdId);
    await ok(
      await as(assoc.cw, 'POST', `/api/referrals/${referralId}/accept`, {
        caseworkerUserId: assoc.cwId,
        version: 1,
      }),
    );
    const leases = await ok<{ items: { id: string }[] }>(
      await as(assoc.cw, 'GET', `/api/households/${householdId}/leases`),
    );
    expect(leases.items.map((c) => c.id)).toEqual([loc1.id]);
  });

  it('lets a party attach a contract to a file it reads, and detach it with a reason', async () => {
    const loc2 = await contractOf('LOC-2');
    const url = `/api/leases/${loc2.id}/household`;
    const before = await ok<TContract>(await as(landlord, 'GET', `/api/leases/${loc2.id}`));
    expect([before.canLinkHousehold, before.canUnlinkHousehold, before.household]).toEqual([
      true,
      false,
      null,
    ]);
    // A household the landlord has no access to: refused, as an unknown one is.
    const elsewhere = await createHouseholdAs(t, outsider, sampleHousehold());
    for (const target of [elsewhere, crypto.randomUUID()]) {
      const res = await as(landlord, 'POST', url, { householdId: target, rowVersion: before.rowVersion });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/ménage auquel vous avez accès/);
    }
    // Someone the contract does not concern does not even see it.
    for (const s of [outsider, otherLandlord, assoc.cw])
      expect((await as(s, 'POST', url, { householdId, rowVersion: before.rowVersion })).statusCode).toBe(404);
    expect((await as(landlord, 'POST', url, { householdId, rowVersion: 99 })).statusCode).toBe(409);
    const linked = await ok<TContract>(
      await as(landlord, 'POST', url, { householdId, rowVersion: before.rowVersion }),
    );
    expect([linked.household?.id, linked.canLinkHousehold, linked.canUnlinkHousehold]).toEqual([
      householdId,
      false,
      true,
    ]);
    expect(linked.events.map((e) => e.event)).toContain('household_linked');
    // Linked: the file's social worker reads it and may detach it; without a reason it is refused.
    const unlink = `${url}/unlink`;
    const missing = await as(assoc.cw, 'POST', unlink, { reason: ' ', rowVersion: linked.rowVersion });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.reason).toMatch(/pourquoi/);
    expect(
      (await as(outsider, 'POST', unlink, { reason: 'Erreur', rowVersion: linked.rowVersion })).statusCode,
    ).toBe(404);
    const detached = await ok<TContract>(
      await as(assoc.cw, 'POST', unlink, {
        reason: 'Rattaché au mauvais dossier',
        rowVersion: linked.rowVersion,
      }),
    );
    expect([detached.household, detached.occupantName]).toEqual([null, 'M. Martin']);
    expect(detached.events.at(-1)).toMatchObject({
      event: 'household_unlinked',
      note: 'Rattaché au mauvais dossier',
    });
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lease.household.unlink'), eq(auditLog.entityId, loc2.id)));
    expect(entry).toMatchObject({ householdId, details: { reason: 'Rattaché au mauvais dossier' } });
    const again = await as(landlord, 'POST', unlink, { reason: 'Encore', rowVersion: detached.rowVersion });
    expect([again.statusCode, again.json().error.message]).toEqual([
      409,
      'Ce contrat n’est rattaché au dossier d’aucun ménage.',
    ]);
  });

  it('computes the eviction deadlines from the landlord’s arrears files, and says so', async () => {
    const epUrl = `/api/households/${householdId}/eviction-prevention`;
    await ok(
      await as(assoc.cw, 'POST', `/api/households/${householdId}/eviction-steps`, {
        step: 'first_unpaid_rent',
        occurredOn: '2026-01-05',
      }),
    );
    expect((await as(assoc.cw, 'PUT', `${epUrl}/facts`, FACTS)).statusCode).toBe(204);
    const p = await ok<TEvictionPrevention>(await as(assoc.cw, 'GET', epUrl));
    expect(p.debtSource).toBe('landlord_file');
    expect(p.accountBalances).toEqual([]);
    expect(p.landlordFile).toEqual({
      landlordName: expect.any(String),
      asOf: '2026-03-31',
      balances: LOC1_FILES.map((f) => ({
        on: f.asOf,
        amountCents: f.balanceCents,
        months: f.monthsOfArrears,
      })),
    });
    // Two months of rent and charges (2 629,12 €) owed on 28 February: the impayé, signalled within two months.
    const date = (code: string) => p.deadlines.find((d) => d.code === code)?.date;
    expect([date('impayeConstitutedOn'), date('signallingDueBy')]).toEqual(['2026-02-28', '2026-04-28']);
    // A balance noted by hand prevails.
    await ok(await as(assoc.cw, 'POST', `${epUrl}/balances`, { on: '2026-03-01', amountCents: 10_000 }));
    const noted = await ok<TEvictionPrevention>(await as(assoc.cw, 'GET', epUrl));
    expect([noted.debtSource, noted.landlordFile]).toEqual(['noted', null]);
  });

  it('reads every procedure’s debt at once for the alerts, the same as each file shows it', async () => {
    // A second household, its debt from its rent account (a bail glissant the association collects).
    const second = await createHouseholdAs(t, assoc.cw, sampleHousehold());
    const { contract } = await insertContract(t.deps.db, {
      kind: 'bail_glissant',
      landlordId,
      associationId: assoc.id,
      householdId: second,
      startOn: '2025-12-01',
    });
    const account = `/api/contracts/${contract.id}/account`;
    await ok(await as(assoc.cw, 'POST', account, { on: '2025-12-01' }));
    for (const month of ['2026-01', '2026-02'])
      await ok(await as(assoc.cw, 'POST', `${account}/calls`, { month }));
    // A third, its debt from the landlord's files of a contract it attached; a fourth with none known.
    const third = await createHouseholdAs(t, assoc.cw, sampleHousehold());
    const fourth = await createHouseholdAs(t, assoc.cw, sampleHousehold());
    const { contract: imported } = await insertContract(t.deps.db, { landlordId, householdId: third });
    await t.deps.db.insert(arrearsBalances).values([
      { contractId: imported.id, asOf: '2026-02-28', balanceCents: 50_000, monthsOfArrears: 1 },
      // A file dated after today is not read yet.
      { contractId: imported.id, asOf: '2026-04-30', balanceCents: 99_000, monthsOfArrears: 2 },
    ]);
    for (const h of [second, third, fourth]) {
      await ok(
        await as(assoc.cw, 'POST', `/api/households/${h}/eviction-steps`, {
          step: 'first_unpaid_rent',
          occurredOn: '2026-01-05',
        }),
      );
      expect(
        (await as(assoc.cw, 'PUT', `/api/households/${h}/eviction-prevention/facts`, FACTS)).statusCode,
      ).toBe(204);
    }
    const all = await evictionAlertFacts(t.deps.db, '2026-04-02');
    const debt = (h: string) =>
      all.find((f) => f.householdId === h)?.balances.map((b) => [b.on, b.amountCents]);
    expect(debt(householdId)).toEqual([['2026-03-01', 10_000]]);
    expect(debt(second)).toEqual([
      ['2026-01-01', 50_000],
      ['2026-02-01', 100_000],
    ]);
    expect(debt(third)).toEqual([['2026-02-28', 50_000]]);
    expect(debt(fourth)).toEqual([]);
    // Identical to each household's own read, and to what its panel computes from.
    for (const h of [householdId, second, third, fourth]) {
      expect((await evictionAlertFacts(t.deps.db, '2026-04-02', h)).map((f) => f.balances)).toEqual(
        all.filter((f) => f.householdId === h).map((f) => f.balances),
      );
      const p = await ok<TEvictionPrevention>(
        await as(assoc.cw, 'GET', `/api/households/${h}/eviction-prevention`),
      );
      const shown =
        p.balances.length > 0
          ? p.balances
          : p.accountBalances.length > 0
            ? p.accountBalances
            : (p.landlordFile?.balances ?? []);
      expect(shown.map((b) => [b.on, b.amountCents])).toEqual(debt(h));
    }
  });
});
