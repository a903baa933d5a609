import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import type { TEvictionPrevention } from '../../src/shared/contracts/eviction-prevention.ts';

/**
 * A household's eviction prevention: the worked calendar of eviction-and-aids.md §2.1 recorded in the
 * file gives the public calculator's deadlines; the facts are saved at the version read; the debt is
 * noted by date; the instruments keep their history; the deadlines become the follower's tasks, and a
 * procedure opened in 2026 is to be re-examined under the 2027 rules.
 */
describe('eviction prevention of a household', () => {
  let t: TestApp;
  let cw: () => Promise<TestSession>;
  let cwId: string;
  let household: string;
  const url = (path = '') => `/api/households/${household}/eviction-prevention${path}`;
  // A session of the moment: the clock moves by months between calls.
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({ method, url: path, headers: (await cw()).headers, ...(payload ? { payload } : {}) });
  const read = async () => (await call('GET', url())).json() as TEvictionPrevention;
  const facts = {
    leaseSignedOn: '2024-03-01',
    lessorKind: 'legal_person',
    monthlyRentCents: 40_000,
    monthlyChargesCents: 5_000,
    monthlyBenefitCents: 30_000,
    benefitPaidTo: 'landlord',
    hearingScheduledOn: '2026-05-27',
  };
  const step = (step: string, occurredOn: string) =>
    call('POST', `/api/households/${household}/eviction-steps`, { step, occurredOn });
  const openTasks = () =>
    t.deps.db
      .select({ title: tasks.title, dueOn: tasks.dueOn, owner: tasks.ownerUserId })
      .from(tasks)
      .where(and(eq(tasks.householdId, household), eq(tasks.status, 'open')));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    cwId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    cw = () => sessionFor(t.deps, cwId, assoc.id);
    household = await createHouseholdAs(t, await cw(), sampleHousehold());
  });
  afterAll(() => t.close());

  it('has nothing before the procedure opens, and refuses facts then', async () => {
    expect((await call('GET', url())).json()).toBeNull();
    const res = await call('PUT', url('/facts'), { ...facts, hearingScheduledOn: null, version: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/Aucune procédure d’expulsion en cours/);
  });

  it('says what is missing before the lease is given, with every stage’s guidance', async () => {
    expect((await step('first_unpaid_rent', '2026-01-05')).statusCode).toBe(201);
    const p = await read();
    expect(p.timelineProblem).toMatch(/date de signature du bail/);
    expect(p.deadlines.every((d) => d.date === null)).toBe(true);
    expect(p.stages.find((s) => s.current)?.label).toBe('Premier loyer impayé');
    expect(p.stages).toHaveLength(11);
  });

  it('computes the worked calendar’s deadlines from the record, the facts and the debt', async () => {
    t.setNow(new Date('2026-04-20T10:00:00Z'));
    expect((await call('PUT', url('/facts'), { ...facts, version: null })).statusCode).toBe(204);
    for (const [on, amountCents] of [
      ['2026-01-05', 15_000],
      ['2026-02-05', 30_000],
    ] as const)
      expect((await call('POST', url('/balances'), { on, amountCents })).statusCode).toBe(201);
    await step('payment_order', '2026-02-10');
    await step('caf_signal', '2026-02-15');
    await step('summons', '2026-04-15');
    const p = await read();
    expect(p.timelineProblem).toBeNull();
    expect(Object.fromEntries(p.deadlines.map((d) => [d.code, d.date]))).toEqual({
      impayeConstitutedOn: '2026-02-05',
      signallingDueBy: '2026-04-05',
      commandementDelayEndsOn: '2026-03-24',
      earliestAssignationOn: '2026-04-15',
      prefetNoticeLatestOn: '2026-04-15',
      earliestExpulsionOn: null,
      cfpImplicitRefusalOn: null,
    });
    expect(p.stages.filter((s) => s.reached).map((s) => s.label)).toContain('Diagnostic social et financier');
    expect(p.facts.version).toBe(1);
  });

  it('raises the DSF before the hearing as the follower’s task, and no task for what is done', async () => {
    await runAlerts(t.deps);
    const open = await openTasks();
    expect(open).toEqual([
      {
        title: 'Diagnostic social et financier à faire avant l’audience du 27/05/2026',
        dueOn: '2026-05-27',
        owner: cwId,
      },
    ]);
  });

  it('saves the facts at the version read only, and refuses bad ones field by field', async () => {
    const stale = await call('PUT', url('/facts'), { ...facts, version: null });
    expect(stale.statusCode).toBe(409);
    const future = await call('PUT', url('/facts'), { ...facts, leaseSignedOn: '2026-12-01', version: 1 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({
      leaseSignedOn: 'La signature du bail ne peut pas être dans le futur.',
    });
    const noBenefit = await call('PUT', url('/facts'), { ...facts, monthlyBenefitCents: null, version: 1 });
    expect(noBenefit.json().error.fields).toEqual({
      monthlyBenefitCents: 'Indiquez le montant mensuel de l’aide au logement.',
    });
    const malformed = await call('PUT', url('/facts'), { ...facts, lessorKind: 'dragon', version: 1 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields.lessorKind).toBe('Type de bailleur inconnu.');
    expect((await read()).facts.version).toBe(1);
  });

  it('notes one debt per day, none ahead, and removes one noted by mistake', async () => {
    const twice = await call('POST', url('/balances'), { on: '2026-02-05', amountCents: 1 });
    expect(twice.json().error.fields.on).toMatch(/déjà noté/);
    const ahead = await call('POST', url('/balances'), { on: '2026-05-01', amountCents: 1 });
    expect(ahead.json().error.fields.on).toMatch(/futur/);
    const wrong = (await call('POST', url('/balances'), { on: '2026-03-01', amountCents: 99_900 })).json();
    expect((await read()).balances).toHaveLength(3);
    expect((await call('DELETE', url(`/balances/${wrong.id}`))).statusCode).toBe(204);
    expect((await read()).balances.map((b) => b.on)).toEqual(['2026-01-05', '2026-02-05']);
    expect((await call('DELETE', url(`/balances/${wrong.id}`))).statusCode).toBe(404);
  });

  it('keeps each instrument’s states in order, and refuses a state dated before the last', async () => {
    const fsl = (
      await call('POST', url('/instruments'), {
        instrument: 'fsl_maintien',
        status: 'requested',
        on: '2026-03-01',
      })
    ).json();
    expect(
      (await call('POST', url(`/instruments/${fsl.id}`), { status: 'granted', on: '2026-04-02' })).statusCode,
    ).toBe(204);
    const back = await call('POST', url(`/instruments/${fsl.id}`), { status: 'ended', on: '2026-03-15' });
    expect(back.json().error.fields.on).toMatch(/précéder/);
    const [instrument] = (await read()).instruments;
    expect(instrument).toMatchObject({
      instrument: 'fsl_maintien',
      status: 'granted',
      on: '2026-04-02',
      history: [
        { status: 'requested', on: '2026-03-01' },
        { status: 'granted', on: '2026-04-02' },
      ],
    });
  });

  it('asks the follower to re-examine the impayé once the 2027 rules apply', async () => {
    t.setNow(new Date('2027-01-02T06:00:00Z'));
    await runAlerts(t.deps);
    expect((await openTasks()).map((task) => task.title)).toContain(
      'Réexaminer l’impayé selon la définition en vigueur depuis le 01/01/2027 (dette de plus de 450 € ou impayé depuis 3 mois)',
    );
  });

  it('writes nothing more once the procedure is closed', async () => {
    expect(
      (
        await call('POST', `/api/households/${household}/eviction-procedure/close`, {
          reason: 'Dette soldée.',
        })
      ).statusCode,
    ).toBe(204);
    expect((await call('POST', url('/balances'), { on: '2026-12-01', amountCents: 0 })).statusCode).toBe(409);
    expect((await read()).closedOn).toBe('2027-01-02');
  });
});

/**
 * With no balance noted by hand, the debt is the household's rent account in Relais: two months called
 * by the association that holds its bail glissant, none paid, constitute the impayé.
 */
describe('eviction prevention from the rent account', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('computes the impayé from the account’s balances, and lets a noted balance prevail', async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association', 'L’Escale');
    const landlord = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    const cwId = (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id;
    const cw = await sessionFor(t.deps, cwId, assoc.id);
    const household = await createHouseholdAs(t, cw, sampleHousehold());
    const { contract } = await insertContract(t.deps.db, {
      kind: 'bail_glissant',
      landlordId: landlord.id,
      associationId: assoc.id,
      householdId: household,
      startOn: '2025-12-01',
      rentCents: 40_000,
      chargesCents: 5_000,
    });
    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: cw.headers, ...(payload ? { payload } : {}) });
    const account = `/api/contracts/${contract.id}/account`;
    expect((await call('POST', account, { on: '2025-12-01' })).statusCode).toBeLessThan(300);
    for (const month of ['2026-01', '2026-02'])
      expect((await call('POST', `${account}/calls`, { month })).statusCode).toBeLessThan(300);
    await call('POST', `/api/households/${household}/eviction-steps`, {
      step: 'first_unpaid_rent',
      occurredOn: '2026-01-05',
    });
    await call('PUT', `/api/households/${household}/eviction-prevention/facts`, {
      leaseSignedOn: '2025-11-20',
      lessorKind: 'legal_person',
      monthlyRentCents: 40_000,
      monthlyChargesCents: 5_000,
      monthlyBenefitCents: null,
      benefitPaidTo: 'none',
      hearingScheduledOn: null,
      version: null,
    });
    const read = async () =>
      (await call('GET', `/api/households/${household}/eviction-prevention`)).json() as TEvictionPrevention;
    const impaye = (p: TEvictionPrevention) =>
      p.deadlines.find((d) => d.code === 'impayeConstitutedOn')?.date;
    const fromAccount = await read();
    expect(fromAccount.accountBalances.map((b) => b.amountCents).at(-1)).toBe(90_000);
    expect(impaye(fromAccount)).toBe(fromAccount.accountBalances.at(-1)!.on);
    await call('POST', `/api/households/${household}/eviction-prevention/balances`, {
      on: '2026-02-01',
      amountCents: 10_000,
    });
    const noted = await read();
    expect(noted.accountBalances).toEqual([]);
    // 100 € owed from February on: below two months until 2026, an impayé once the 2027 rule applies.
    expect(impaye(noted)).toBe('2027-01-01');
    // It builds an app of its own (a database copy and every route): slow on a busy machine.
  }, 60_000);
});
