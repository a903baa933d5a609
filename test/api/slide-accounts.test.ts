import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, contextFor, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, consentToLandlord, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { carryBalance } from '../../src/modules/rent-accounts/index.ts';
import type { TContract } from '../../src/shared/contracts/leases.ts';
import type { TPosting, TRentAccount } from '../../src/shared/contracts/rent-accounts.ts';
import { SLIDING_CRITERIA } from '../../src/shared/leases/sliding.ts';
import { addDays } from '../../src/shared/time.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

const ACQUIRED = Object.fromEntries(SLIDING_CRITERIA.map((c) => [c, { rating: 'acquired', comment: '' }]));

/**
 * The slide of a bail glissant as the rent accounts see it (issue 11 point 3): the sublease's
 * account closes on its last day D, the direct lease's opens on D + 1 with the balance carried once,
 * and the month of D is called once across the two accounts (prorated on each side).
 */
describe('the rent accounts across a slide', () => {
  let t: TestApp;
  let landlord: TestSession;
  let asso: TestSession;
  let sublease: TContract;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const account = (id: string) => `/api/contracts/${id}/account`;
  /** The account's lines, oldest first. */
  const postings = async (s: TestSession, id: string) =>
    (await ok<{ items: TPosting[] }>(await call(s, 'GET', `${account(id)}/postings`))).items.reverse();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW); // 10 March 2026
    const person = async (
      type: 'landlord' | 'association',
      role: 'landlord_rental_manager' | 'caseworker',
    ) => {
      const org = await makeOrganisation(t.deps.db, type);
      const user = await makeUser(t.deps.db, { organisationId: org.id, roles: [role] });
      return { org, session: await sessionFor(t.deps, user.id, org.id) };
    };
    const l = await person('landlord', 'landlord_rental_manager');
    const a = await person('association', 'caseworker');
    [landlord, asso] = [l.session, a.session];
    const householdId = await createHouseholdAs(t, asso, sampleHousehold());
    await consentToLandlord(t, asso, householdId, l.org.id);
    const [dwelling] = await t.deps.db
      .insert(dwellings)
      .values({ address: '4 rue des Glycines, 51100 Reims', landlordOrganisationId: l.org.id })
      .returning({ id: dwellings.id });
    await t.deps.db.insert(dwellingRents).values({
      dwellingId: dwelling!.id,
      effectiveFrom: '2026-01-01',
      monthlyRentCents: 40_000,
      monthlyChargesCents: 5_000,
    });
    const draft = await ok<TContract>(
      await call(asso, 'POST', '/api/leases', {
        dwellingId: dwelling!.id,
        kind: 'bail_glissant',
        householdId,
        lessorOrganisationId: l.org.id,
        lessorKind: 'legal_person',
        intermediaryOrganisationId: a.org.id,
        signedOn: '2026-01-02',
        startOn: '2026-01-05',
      }),
    );
    sublease = await ok<TContract>(
      await call(asso, 'POST', `/api/leases/${draft.id}/activate`, {
        rowVersion: draft.rowVersion,
        on: '2026-01-05',
      }),
    );
  });
  afterAll(() => t.close());

  it('closes the sublease’s account on D, opens the lease’s on D + 1, the balance carried once and the month called once', async () => {
    await ok(await call(asso, 'POST', account(sublease.id), { on: '2026-01-05' }));
    const calls = (month: string, on?: string) =>
      call(asso, 'POST', `${account(sublease.id)}/calls`, { month, on, housingBenefitCents: 20_000 });
    // January from the 5th: 27/31 of 400 € rent, 50 € charges and 200 € benefit.
    await ok(await calls('2026-01'));
    await ok(await calls('2026-02'));
    await ok(await calls('2026-03'));
    await ok(await calls('2026-04', '2026-03-09')); // April called ahead
    await ok(
      await call(asso, 'POST', `${account(sublease.id)}/payments`, {
        on: '2026-03-05',
        amountCents: 40_000,
        method: 'transfer',
      }),
    );
    const january = (await postings(asso, sublease.id)).filter((p) => p.periodMonth === '2026-01');
    expect(january.map((p) => [p.kind, p.amountCents, p.label])).toEqual([
      ['rent_call', 34_839, 'Loyer du 5 au 31 janvier 2026 (prorata 27/31)'],
      ['charges_call', 4_355, 'Charges du 5 au 31 janvier 2026 (prorata 27/31)'],
      ['housing_benefit', -17_419, 'Aide au logement du 5 au 31 janvier 2026 (prorata 27/31)'],
    ]);
    const before = await ok<TRentAccount>(await call(asso, 'GET', account(sublease.id)));
    expect(before.balanceCents).toBe(21_775 + 3 * 25_000 - 40_000);

    // The three parties evaluate; the joint decision slides the lease on D = 17 March.
    for (const [s, party] of [
      [asso, 'association'],
      [asso, 'household'],
      [landlord, 'landlord'],
    ] as const)
      await ok(
        await call(s, 'PUT', `/api/leases/${sublease.id}/sliding-evaluations/${party}`, {
          evaluatedOn: '2026-03-09',
          ratings: ACQUIRED,
        }),
      );
    const lastDay = '2026-03-17';
    const lease = await ok<TContract>(
      await call(asso, 'POST', `/api/leases/${sublease.id}/sliding-decision`, {
        rowVersion: sublease.rowVersion,
        decision: 'slide',
        on: lastDay,
      }),
    );
    const ended = await ok<TContract>(await call(asso, 'GET', `/api/leases/${sublease.id}`));
    // No gap, no overlap: the contracts and their accounts.
    expect(ended.endOn).toBe(lastDay);
    expect(lease.startOn).toBe(addDays(lastDay, 1));
    const old = await ok<TRentAccount>(await call(asso, 'GET', account(sublease.id)));
    const next = await ok<TRentAccount>(await call(landlord, 'GET', account(lease.id)));
    expect(old).toMatchObject({ status: 'closed', closedOn: lastDay, balanceCents: 0 });
    expect(next).toMatchObject({ status: 'open', openedOn: addDays(lastDay, 1) });
    const oldLines = await postings(asso, sublease.id);
    expect(oldLines.every((p) => p.postedOn <= lastDay)).toBe(true);

    // April is given back, March kept on the sublease for its 17 first days only.
    const kept = oldLines.filter((p) => p.periodMonth === '2026-03' && !p.reversed);
    expect(kept.map((p) => [p.kind, p.amountCents, p.label])).toEqual([
      ['rent_call', 21_935, 'Loyer du 1er au 17 mars 2026 (prorata 17/31)'],
      ['charges_call', 2_742, 'Charges du 1er au 17 mars 2026 (prorata 17/31)'],
      ['housing_benefit', -10_968, 'Aide au logement du 1er au 17 mars 2026 (prorata 17/31)'],
    ]);
    expect(oldLines.filter((p) => p.periodMonth === '2026-04' && !p.reversed)).toEqual([]);

    // The balance is carried exactly once: one transfer-out, one carried-over line, opposite
    // (January, February, March to the 17th, less the payment).
    const carried = 21_775 + 25_000 + (21_935 + 2_742 - 10_968) - 40_000;
    const transfers = oldLines.filter((p) => p.kind === 'transfer_out');
    expect(transfers.map((p) => [p.amountCents, p.postedOn])).toEqual([[-carried, lastDay]]);
    const newLines = await postings(landlord, lease.id);
    expect(newLines.map((p) => [p.kind, p.amountCents, p.postedOn])).toEqual([
      ['carried_over', carried, '2026-03-18'],
    ]);
    expect(next.balanceCents).toBe(carried);
    const again = await carryBalance(contextFor(t, null), {
      fromContractId: sublease.id,
      toContractId: lease.id,
      lastDay,
    }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'INVALID_STATE' });
    expect((await ok<TRentAccount>(await call(landlord, 'GET', account(lease.id)))).balanceCents).toBe(
      carried,
    );

    // The lease's first month is called from D + 1: with the sublease's, March is called once.
    await ok(
      await call(landlord, 'POST', `${account(lease.id)}/calls`, {
        month: '2026-03',
        housingBenefitCents: 20_000,
      }),
    );
    const march = (await postings(landlord, lease.id)).filter((p) => p.periodMonth === '2026-03');
    expect(march.map((p) => [p.kind, p.amountCents, p.label, p.postedOn])).toEqual([
      ['rent_call', 18_065, 'Loyer du 18 au 31 mars 2026 (prorata 14/31)', '2026-03-18'],
      ['charges_call', 2_258, 'Charges du 18 au 31 mars 2026 (prorata 14/31)', '2026-03-18'],
      ['housing_benefit', -9_032, 'Aide au logement du 18 au 31 mars 2026 (prorata 14/31)', '2026-03-18'],
    ]);
    for (const kind of ['rent_call', 'charges_call', 'housing_benefit'])
      expect([...kept, ...march].filter((p) => p.kind === kind).reduce((s, p) => s + p.amountCents, 0)).toBe(
        { rent_call: 40_000, charges_call: 5_000, housing_benefit: -20_000 }[kind],
      );
    const late = await call(asso, 'POST', `${account(sublease.id)}/payments`, {
      on: '2026-03-10',
      amountCents: 1_000,
      method: 'cash',
    });
    expect(late.statusCode).toBe(409);
  });
});
