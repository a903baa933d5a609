import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { consentBasis, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { queryRows } from '../../src/kernel/db.ts';
import { startJobs } from '../../src/kernel/jobs.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import { checkAllRepaymentPlans, repaymentPlansJob } from '../../src/modules/rent-accounts/index.ts';
import type { TRentAccount } from '../../src/shared/contracts/rent-accounts.ts';

/** 20 January 2026 in Paris: January's instalment is not judged yet. */
const NOW = new Date('2026-01-20T10:00:00Z');

describe('the repayment-plans job', () => {
  let t: TestApp;
  let associationId: string;
  let caseworker: TestSession;
  let keptPlan: string;
  let missedPlan: string;

  /**
   * A sublease whose household owes 200 € a month, with November unpaid and a plan of two 100 €
   * instalments from December; December is paid with its instalment, January with `januaryCents`.
   */
  async function contractWithPlan(landlordId: string, januaryCents: number): Promise<string> {
    const householdId = await createHouseholdAs(
      t,
      caseworker,
      sampleHousehold({ basis: consentBasis('2026-01-20') }),
    );
    const { contract } = await insertContract(t.deps.db, {
      kind: 'bail_glissant',
      landlordId,
      associationId,
      householdId,
      startOn: '2025-11-01',
      rentCents: 38_000,
      chargesCents: 6_000,
    });
    const url = `/api/contracts/${contract.id}/account`;
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: url + path,
        headers: caseworker.headers,
        payload,
      });
      if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
      return res.json() as TRentAccount;
    };
    await post('', { on: '2025-11-01' });
    for (const month of ['2025-11', '2025-12', '2026-01'])
      await post('/calls', { month, housingBenefitCents: 24_000 });
    await post('/payments', { on: '2025-12-05', amountCents: 30_000, method: 'cash' });
    await post('/payments', { on: '2026-01-05', amountCents: januaryCents, method: 'cash' });
    const planned = await post('/plans', { debtCents: 20_000, instalmentCount: 2, startMonth: '2025-12' });
    return planned.plans[0]!.id;
  }

  const openTasksOf = (planIds: string[]) =>
    t.deps.db
      .select()
      .from(tasks)
      .where(and(inArray(tasks.sourceId, planIds), eq(tasks.status, 'open')));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const landlordId = (await makeOrganisation(t.deps.db, 'landlord')).id;
    associationId = (await makeOrganisation(t.deps.db, 'association')).id;
    const user = await makeUser(t.deps.db, { organisationId: associationId, roles: ['caseworker'] });
    caseworker = await sessionFor(t.deps, user.id, associationId);
    keptPlan = await contractWithPlan(landlordId, 30_000);
    missedPlan = await contractWithPlan(landlordId, 20_000);
  }, 60_000);
  afterAll(() => t.close());

  it('raises nothing while the month is not over', async () => {
    expect(await checkAllRepaymentPlans(t.deps, { batchSize: 1 })).toEqual({
      plans: 2,
      missedMonths: 0,
      tasksRaised: 0,
    });
    expect(await openTasksOf([keptPlan, missedPlan])).toEqual([]);
  });

  it('runs at start, every morning in Paris: one task for the missed month, none for the kept plan', async () => {
    t.setNow(new Date('2026-02-03T05:15:00Z'));
    const jobs = await startJobs(t.deps, [repaymentPlansJob(t.deps)]);
    try {
      const deadline = Date.now() + 15_000;
      while ((await openTasksOf([missedPlan])).length === 0) {
        if (Date.now() > deadline) throw new Error('le job des plans d’apurement n’a pas tourné');
        await sleep(100);
      }
      const [schedule] = await queryRows(
        t.deps.db,
        sql`select cron, timezone from pgboss.schedule where name = 'repayment-plans'`,
      );
      expect(schedule).toEqual({ cron: '15 6 * * *', timezone: 'Europe/Paris' });
    } finally {
      await jobs.stop();
    }
    const open = await openTasksOf([keptPlan, missedPlan]);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      sourceId: missedPlan,
      ownerOrganisationId: associationId,
      createdByUserId: null,
      dueOn: '2026-02-03',
    });
    expect(open[0]!.title).toContain('janvier 2026');
    const audited = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rent_account.plan_check'), eq(auditLog.entityId, missedPlan)));
    expect(audited.map((a) => [a.actorUserId, a.details])).toEqual([[null, { missed: 1 }]]);

    // The next morning: nothing new.
    t.setNow(new Date('2026-02-04T05:15:00Z'));
    expect(await checkAllRepaymentPlans(t.deps, { batchSize: 1 })).toEqual({
      plans: 2,
      missedMonths: 0,
      tasksRaised: 0,
    });
    expect(await openTasksOf([keptPlan, missedPlan])).toHaveLength(1);
  });
});
