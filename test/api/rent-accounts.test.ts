import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, contextFor, type TestApp } from '../helpers/app.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { createHouseholdAs } from '../helpers/household-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import {
  accountBalanceHistory,
  carryBalance,
  openRentAccount,
  postAidCredit,
} from '../../src/modules/rent-accounts/index.ts';
import type { TRentAccount } from '../../src/shared/contracts/rent-accounts.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Tuesday 10 March 2026 in Paris. */
const NOW = new Date('2026-03-10T10:00:00Z');

describe('rent accounts', () => {
  let t: TestApp;
  let landlordId: string;
  let associationId: string;
  let manager: TestSession; // the landlord's rental manager
  let caseworker: TestSession; // the association's social worker
  let stranger: TestSession; // a social worker of another association
  let direct: string; // a direct lease: the landlord collects
  let sublease: string; // a sublease held by the association, with a household file

  const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T = TRentAccount>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const account = (c: string) => `/api/contracts/${c}/account`;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    landlordId = (await makeOrganisation(t.deps.db, 'landlord')).id;
    associationId = (await makeOrganisation(t.deps.db, 'association')).id;
    const otherId = (await makeOrganisation(t.deps.db, 'association')).id;
    const user = async (organisationId: string, role: 'landlord_rental_manager' | 'caseworker') => {
      const u = await makeUser(t.deps.db, { organisationId, roles: [role] });
      return sessionFor(t.deps, u.id, organisationId);
    };
    manager = await user(landlordId, 'landlord_rental_manager');
    caseworker = await user(associationId, 'caseworker');
    stranger = await user(otherId, 'caseworker');
    const householdId = await createHouseholdAs(t, caseworker);
    direct = (await insertContract(t.deps.db, { landlordId, startOn: '2025-10-01' })).contract.id;
    sublease = (
      await insertContract(t.deps.db, {
        kind: 'bail_glissant',
        landlordId,
        associationId,
        householdId,
        startOn: '2025-11-01',
        rentCents: 38_000,
        chargesCents: 6_000,
      })
    ).contract.id;
  }, 60_000);
  afterAll(() => t.close());

  it('posts each kind and keeps balance = calls − payments − aids', async () => {
    const opened = await ok(await call(manager, 'POST', account(direct), { on: '2025-12-01' }));
    expect(opened).toMatchObject({ exists: true, status: 'open', balanceCents: 0 });
    await ok(
      await call(manager, 'POST', `${account(direct)}/calls`, {
        month: '2026-01',
        rlsCents: 3_000,
        housingBenefitCents: 20_000,
      }),
    );
    await ok(
      await call(manager, 'POST', `${account(direct)}/payments`, {
        on: '2026-01-08',
        amountCents: 20_000,
        method: 'transfer',
        reference: 'VIR 0108',
      }),
    );
    await ok(
      await call(manager, 'POST', `${account(direct)}/entries`, {
        on: '2026-02-15',
        kind: 'charges_regularisation',
        amountCents: -1_500,
        label: 'Régularisation 2025',
      }),
    );
    await ok(
      await call(manager, 'POST', `${account(direct)}/entries`, {
        on: '2026-02-20',
        kind: 'procedure_costs',
        amountCents: 12_000,
        label: 'Commandement de payer',
      }),
    );
    const a = await ok(
      await call(manager, 'POST', `${account(direct)}/entries`, {
        on: '2026-03-02',
        kind: 'aid_credit',
        amountCents: -5_000,
        label: 'FSL maintien',
      }),
    );
    // Calls: 420 + 80 − 30 RLS − 15 refund + 120 costs = 575 €; paid 200 €; aids: 200 € benefit + 50 € FSL.
    expect(a).toMatchObject({
      callsCents: 57_500,
      paymentsCents: 20_000,
      aidsCents: 25_000,
      balanceCents: 12_500,
    });
    expect(a.arrears.map((m) => [m.month, m.balanceAtEndCents])).toEqual([
      ['2026-01', 7_000],
      ['2026-02', 17_500],
      ['2026-03', 12_500],
    ]);
    expect(a.calledMonths).toEqual(['2026-01']);

    const wrongSign = await call(manager, 'POST', `${account(direct)}/entries`, {
      on: '2026-03-02',
      kind: 'procedure_costs',
      amountCents: -100,
      label: null,
    });
    expect(wrongSign.statusCode).toBe(400);
    expect(wrongSign.json().error.fields.amountCents).toMatch(/positif/);
    const future = await call(manager, 'POST', `${account(direct)}/payments`, {
      on: '2026-04-01',
      amountCents: 100,
      method: 'cash',
    });
    expect(future.json().error.fields.on).toMatch(/future/);
  });

  it('dates the first month’s calls on the opening day, and refuses a negative deduction', async () => {
    const { contract } = await insertContract(t.deps.db, { landlordId, startOn: '2026-02-10' });
    await ok(await call(manager, 'POST', account(contract.id), { on: '2026-02-10' }));
    const bad = await call(manager, 'POST', `${account(contract.id)}/calls`, {
      month: '2026-02',
      rlsCents: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.rlsCents).toBe('Le montant ne peut pas être négatif.');
    await ok(await call(manager, 'POST', `${account(contract.id)}/calls`, { month: '2026-02' }));
    const lines = await ok<{ items: { postedOn: string }[] }>(
      await call(manager, 'GET', `${account(contract.id)}/postings`),
    );
    expect(lines.items.map((l) => l.postedOn)).toEqual(['2026-02-10', '2026-02-10']);
  });

  it('calls the last month of a contract ending in its middle pro rata, and no month after', async () => {
    const { contract } = await insertContract(t.deps.db, {
      landlordId,
      startOn: '2025-12-01',
      endOn: '2026-02-14',
    });
    await ok(await call(manager, 'POST', account(contract.id), { on: '2025-12-01' }));
    const february = await ok(
      await call(manager, 'POST', `${account(contract.id)}/calls`, { month: '2026-02', rlsCents: 2_800 }),
    );
    // 14 days of 28: half of 420 € rent, 80 € charges and 28 € RLS.
    expect(february.callsCents).toBe(21_000 + 4_000 - 1_400);
    const lines = await ok<{ items: { label: string | null }[] }>(
      await call(manager, 'GET', `${account(contract.id)}/postings`),
    );
    expect(lines.items.map((l) => l.label)).toContain('Loyer du 1er au 14 février 2026 (prorata 14/28)');
    const after = await call(manager, 'POST', `${account(contract.id)}/calls`, { month: '2026-03' });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.fields.month).toBe('Le contrat ne court pas en mars 2026.');
  });

  it('refuses to call a month twice', async () => {
    const again = await call(manager, 'POST', `${account(direct)}/calls`, { month: '2026-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Le loyer de janvier 2026 est déjà appelé sur ce compte.');
  });

  it('corrects a line by its counter-entry, once', async () => {
    const lines = await ok<{ items: { id: string; kind: string }[] }>(
      await call(manager, 'GET', `${account(direct)}/postings?kind=payment`),
    );
    expect(lines.items).toHaveLength(1);
    const before = await ok(await call(manager, 'GET', account(direct)));
    const body = { on: '2026-03-05', reversesPostingId: lines.items[0]!.id, label: 'Chèque rejeté' };
    const after = await ok(await call(manager, 'POST', `${account(direct)}/counter-entries`, body));
    expect(after.balanceCents).toBe(before.balanceCents + 20_000);
    expect(after.paymentsCents).toBe(0);
    const again = await call(manager, 'POST', `${account(direct)}/counter-entries`, body);
    expect(again.statusCode).toBe(409);
    const filtered = await ok<{ items: { kind: string; reversed: boolean }[] }>(
      await call(manager, 'GET', `${account(direct)}/postings?kind=payment`),
    );
    expect(filtered.items.map((i) => [i.kind, i.reversed])).toEqual([
      ['counter_entry', false],
      ['payment', true],
    ]);
  });

  it('prints the tenant’s statement in French', async () => {
    const res = await call(manager, 'GET', `${account(direct)}/statement?from=2026-01-01&to=2026-03-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Relevé de compte locatif');
    expect(text).toContain('Appel de loyer');
    expect(text).toContain('Annulation : paiement');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('refuses a payment on a closed account', async () => {
    await ok(await call(manager, 'POST', `${account(direct)}/close`, { on: '2026-03-06' }));
    const res = await call(manager, 'POST', `${account(direct)}/payments`, {
      on: '2026-03-09',
      amountCents: 10_000,
      method: 'cheque',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Ce compte locatif est clos depuis le 06/03/2026 : il ne reçoit plus ni paiement ni écriture.',
    );
  });

  it('raises a task for a missed instalment, and keeps the plan renegotiated as a new version', async () => {
    await ok(await call(caseworker, 'POST', account(sublease), { on: '2025-11-01' }));
    for (const month of ['2025-11', '2025-12', '2026-01', '2026-02'])
      await ok(
        await call(caseworker, 'POST', `${account(sublease)}/calls`, { month, housingBenefitCents: 24_000 }),
      );
    // 200 € due a month; November unpaid makes the debt; December paid with the first instalment,
    // January paid without it (missed), February caught up.
    const pay = (on: string, amountCents: number) =>
      call(caseworker, 'POST', `${account(sublease)}/payments`, { on, amountCents, method: 'cash' });
    await ok(await pay('2025-12-05', 30_000));
    await ok(await pay('2026-01-05', 20_000));
    await ok(await pay('2026-02-05', 40_000));
    const planned = await ok(
      await call(caseworker, 'POST', `${account(sublease)}/plans`, {
        debtCents: 20_000,
        instalmentCount: 2,
        startMonth: '2025-12',
      }),
    );
    expect(planned.plans[0]!.instalments.map((i) => i.status)).toEqual(['kept', 'missed']);

    const checked = await ok<{ missedMonths: string[]; tasksRaised: number }>(
      await call(caseworker, 'POST', `${account(sublease)}/plans/check`),
    );
    expect(checked).toEqual({ missedMonths: ['2026-01'], tasksRaised: 1 });
    const [task] = await t.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.sourceId, planned.plans[0]!.id), eq(tasks.status, 'open')));
    expect(task).toMatchObject({ ownerOrganisationId: associationId });
    expect(task!.title).toContain('janvier 2026');
    // Checked again: nothing new.
    expect(await ok(await call(caseworker, 'POST', `${account(sublease)}/plans/check`))).toEqual({
      missedMonths: [],
      tasksRaised: 0,
    });

    const renegotiated = await ok(
      await call(caseworker, 'POST', `${account(sublease)}/plans/${planned.plans[0]!.id}/renegotiate`, {
        debtCents: 10_000,
        instalmentCount: 4,
        startMonth: '2026-03',
        note: 'Après la visite à domicile',
      }),
    );
    expect(renegotiated.plans.map((p) => [p.version, p.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    expect(renegotiated.plans[0]!.instalments.map((i) => i.amountCents)).toEqual([
      2_500, 2_500, 2_500, 2_500,
    ]);
    const [closed] = await t.deps.db.select().from(tasks).where(eq(tasks.id, task!.id));
    expect(closed!.status).toBe('done');
    const twice = await call(caseworker, 'POST', `${account(sublease)}/plans`, {
      debtCents: 1_000,
      instalmentCount: 1,
      startMonth: '2026-04',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lets a landlord read its direct tenants’ accounts, not a subtenant’s; the association its subleases', async () => {
    expect((await call(manager, 'GET', account(direct))).statusCode).toBe(200);
    const refused = await call(manager, 'GET', account(sublease));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/encaisse le loyer/);
    expect(
      (
        await call(manager, 'POST', `${account(sublease)}/payments`, {
          on: '2026-03-01',
          amountCents: 1,
          method: 'cash',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(caseworker, 'GET', account(sublease))).statusCode).toBe(200);
    expect((await call(caseworker, 'GET', account(direct))).statusCode).toBe(404);
    expect((await call(stranger, 'GET', account(sublease))).statusCode).toBe(404);
    expect((await call(stranger, 'GET', account('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(
      404,
    );
    const reads = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'rent_account.read'));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('carries the balance to the next contract and credits aids, for other modules', async () => {
    const { contract: next } = await insertContract(t.deps.db, { landlordId, startOn: '2026-03-01' });
    const { contract: old } = await insertContract(t.deps.db, {
      landlordId,
      startOn: '2025-06-01',
      endOn: '2026-02-28',
    });
    const ctx = contextFor(t, null);
    await openRentAccount(ctx, { contractId: old.id, on: '2025-06-01' });
    await ok(await call(manager, 'POST', `${account(old.id)}/calls`, { month: '2026-02' }));
    expect(
      await carryBalance(ctx, { fromContractId: old.id, toContractId: next.id, lastDay: '2026-02-28' }),
    ).toEqual({
      carriedCents: 50_000,
    });
    await postAidCredit(ctx, {
      contractId: next.id,
      on: '2026-03-09',
      amountCents: 10_000,
      label: 'Aide sur quittance',
    });
    expect(await accountBalanceHistory(t.deps.db, next.id)).toEqual([
      { on: '2026-03-01', balanceCents: 50_000 },
      { on: '2026-03-09', balanceCents: 40_000 },
    ]);
    const closed = await ok(await call(manager, 'GET', account(old.id)));
    expect(closed).toMatchObject({ status: 'closed', balanceCents: 0, closedOn: '2026-02-28' });
  });
});
