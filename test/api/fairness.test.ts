import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW } from '../helpers/household-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { placeIn } from '../helpers/measure-fixtures.ts';
import { designate, pooledHousehold } from '../helpers/fairness-fixtures.ts';
import type { TFairnessRow, TFairnessView } from '../../src/shared/contracts/fairness.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { householdMembers, householdResources, households } from '../../src/modules/households/schema.ts';

describe('the fairness view of matching', () => {
  let t: TestApp;
  let siao: TestSession;
  let poolA: { id: string; session: TestSession };
  let poolB: { id: string; session: TestSession };
  let funder: TestSession;
  let landlord: TestSession;
  let farLandlord: TestSession;
  let ccapex: TestSession;
  let farAssociation: TestSession;
  /** Pool A's household proposed in December, a person alone from a shelter. */
  let decemberHouseholdId: string;

  const single = (poolOrganisationId: string) => ({
    poolOrganisationId,
    members: [{ firstName: 'Solène', relationship: 'reference_person' as const, birthDate: '1980-02-01' }],
    monthlyResourcesCents: 70_000,
    housingSituation: 'shelter' as const,
    openedOn: '2026-01-01',
  });
  const family = (poolOrganisationId: string) => ({
    poolOrganisationId,
    members: [
      { firstName: 'Karim', relationship: 'reference_person' as const, birthDate: '1984-05-01' },
      { firstName: 'Inès', relationship: 'spouse' as const, birthDate: '1986-07-01' },
      { firstName: 'Nour', relationship: 'child' as const, birthDate: '2019-01-01' },
    ],
    monthlyResourcesCents: 200_000,
    housingSituation: 'hotel' as const,
    priorityCategories: ['c' as const],
    openedOn: '2025-12-01',
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const db = t.deps.db;
    const metz = await makeMetzTerritory(db);
    const [moselle] = await db.select().from(territories).where(eq(territories.code, '57'));
    const org = async (
      type: Parameters<typeof makeOrgWithUsers>[1],
      role: Parameters<typeof makeOrgWithUsers>[2][number],
      territoryId?: string,
    ) => {
      const made = await makeOrgWithUsers(t.deps, type, [role]);
      if (territoryId) await placeIn(db, made.org.id, territoryId);
      return { id: made.org.id, session: made.members[role]!.session };
    };
    siao = (await org('siao', 'caseworker', metz.epciId)).session;
    poolA = await org('association', 'caseworker', metz.metz);
    poolB = await org('association', 'caseworker', metz.woippy);
    funder = (await org('funder', 'funder_officer', moselle!.id)).session;
    const social = await org('landlord', 'landlord_rental_manager');
    landlord = social.session;
    const farSocial = await org('landlord', 'landlord_rental_manager');
    farLandlord = farSocial.session;
    ccapex = (await org('ccapex', 'caseworker', moselle!.id)).session;
    const [isere] = await db
      .insert(territories)
      .values({ kind: 'departement', code: '38', name: 'Isère' })
      .returning();
    const farPool = await org('association', 'caseworker', isere!.id);
    farAssociation = farPool.session;

    const inMoselle = { landlordOrganisationId: social.id, departementId: moselle!.id };
    // Pool A: three people alone, designated in February: one allocated 59 days after entering the pool,
    // one refusing the offer, one refused by the landlord.
    const a = [];
    for (let i = 0; i < 3; i++) a.push(await pooledHousehold(db, single(poolA.id)));
    await designate(db, {
      ...inMoselle,
      designatedByOrganisationId: poolA.id,
      designatedOn: '2026-02-10',
      proposals: [
        { ...a[0]!, answer: 'accepted', decision: 'allocation', decidedOn: '2026-03-01' },
        { ...a[1]!, answer: 'refused' },
        { ...a[2]!, decision: 'landlord_refusal', decidedOn: '2026-02-20' },
      ],
    });
    // Pool B: twelve families, ten allocated (90 to 99 days after entering the pool).
    for (let i = 0; i < 12; i++) {
      const h = await pooledHousehold(db, family(poolB.id));
      await designate(db, {
        ...inMoselle,
        designatedByOrganisationId: poolB.id,
        designatedOn: '2026-02-15',
        proposals: [
          i < 10
            ? {
                ...h,
                answer: 'accepted',
                decision: 'allocation',
                decidedOn: `2026-03-${String(i + 1).padStart(2, '0')}`,
              }
            : h,
        ],
      });
    }
    // Before the period: pool A's household proposed once in December (not allocated).
    decemberHouseholdId = a[1]!.householdId;
    await designate(db, {
      ...inMoselle,
      designatedByOrganisationId: poolA.id,
      designatedOn: '2025-12-05',
      proposals: [{ ...a[1]!, decision: 'non_allocation', decidedOn: '2025-12-20' }],
    });
    // Another département, another landlord: seen by neither Moselle's readers nor the first landlord.
    await designate(db, {
      landlordOrganisationId: farSocial.id,
      departementId: isere!.id,
      designatedByOrganisationId: farPool.id,
      designatedOn: '2026-02-01',
      proposals: [await pooledHousehold(db, single(farPool.id))],
    });
  });
  afterAll(() => t.close());

  const view = async (session: TestSession, from = '2026-01-01', to = '2026-03-10') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/matching/fairness?from=${from}&to=${to}`,
      headers: session.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TFairnessView;
  };
  const row = (v: TFairnessView, dimension: string, value: string): TFairnessRow & { value: string } =>
    v.tables.find((tb) => tb.dimension === dimension)!.rows.find((r) => r.value === value)!;

  it('counts the period’s proposals of the département by profile, masking a cell of 3 with its complement', async () => {
    const v = await view(siao);
    expect(v).toMatchObject({ scope: 'departement', departementName: 'Moselle', holdsPool: true });
    expect(v.total).toEqual({
      counts: {
        proposals: 15,
        householdRefusals: null,
        landlordRefusals: null,
        commissionRefusals: 0,
        allocations: 11,
        allocationDelays: 11,
      },
      // 59, then 90…99: the sixth of eleven is 94.
      medianDaysToAllocation: 94,
    });
    // The three people alone are masked; the twelve families with them, or 15 − 12 would give the 3.
    expect(row(v, 'composition', 'single').counts.proposals).toBeNull();
    expect(row(v, 'composition', 'couple_with_children').counts.proposals).toBeNull();
    expect(row(v, 'composition', 'couple_with_children').medianDaysToAllocation).toBeNull();
    expect(row(v, 'composition', 'couple').counts.proposals).toBe(0);
    expect(row(v, 'income', 'from_500').counts.proposals).toBeNull();
    expect(row(v, 'priority', 'priority_category').counts.proposals).toBeNull();
    expect(row(v, 'origin', 'hotel').counts.allocations).toBeNull();
    // Nothing of a household leaves: no name, no identifier.
    expect(JSON.stringify(v)).not.toMatch(/Solène|Karim|Fictif|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('shows a cell of 3 whole to the organisation whose pool holds the three households', async () => {
    const v = await view(poolA.session);
    expect(row(v, 'composition', 'single')).toEqual({
      value: 'single',
      counts: {
        proposals: 3,
        householdRefusals: 1,
        landlordRefusals: 1,
        commissionRefusals: 0,
        allocations: 1,
        allocationDelays: 1,
      },
      medianDaysToAllocation: 59,
    });
    expect(row(v, 'origin', 'shelter').counts.proposals).toBe(3);
    // Nothing is masked in that table, so the families need no complement.
    expect(row(v, 'composition', 'couple_with_children').counts.proposals).toBe(12);
    expect(v.total.counts.proposals).toBe(15);
  });

  it('masks the total when the only complement is the reader’s own households', async () => {
    const v = await view(poolB.session);
    // Pool B knows its twelve: the total 15 would give pool A's 3.
    expect(row(v, 'composition', 'couple_with_children').counts.proposals).toBe(12);
    expect(row(v, 'composition', 'single').counts.proposals).toBeNull();
    expect(v.total.counts.proposals).toBeNull();
    expect(row(v, 'composition', 'couple_with_children').medianDaysToAllocation).toBe(95);
  });

  it('masks every small count for a funder and for the landlord of the vacancies, and keeps to the reader’s reach', async () => {
    for (const session of [funder, landlord]) {
      const v = await view(session);
      expect(v.holdsPool).toBe(false);
      expect(v.total.counts.proposals).toBe(15);
      expect(row(v, 'composition', 'single').counts.proposals).toBeNull();
      expect(row(v, 'composition', 'couple_with_children').counts.proposals).toBeNull();
    }
    expect((await view(landlord)).scope).toBe('landlord');
    expect((await view(farLandlord)).total.counts.proposals).toBeNull();
    // Another département's association sees its own proposal there, none of Moselle's.
    const far = await view(farAssociation);
    expect(far).toMatchObject({ departementName: 'Isère' });
    expect(far.total.counts.proposals).toBe(1);
  });

  it('keeps to the period of designation', async () => {
    const december = await view(poolA.session, '2025-12-01', '2025-12-31');
    expect(december.total.counts).toMatchObject({ proposals: 1, commissionRefusals: 1, allocations: 0 });
    expect((await view(siao, '2025-12-01', '2025-12-31')).total.counts.proposals).toBeNull();
    const february15 = await view(poolB.session, '2026-02-15', '2026-02-15');
    expect(february15.total.counts.proposals).toBe(12);
    expect((await view(poolB.session, '2026-03-01', '2026-03-10')).total.counts.proposals).toBe(0);
  });

  it('audits the read, naming the period and no household', async () => {
    await view(funder, '2026-01-01', '2026-01-31');
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'matching.fairness.read'));
    const last = entries.at(-1)!;
    expect(last).toMatchObject({
      entityType: 'fairness_view',
      householdId: null,
      details: { from: '2026-01-01', to: '2026-01-31', proposals: 0 },
    });
  });

  it('refuses whoever neither holds a pool, funds nor lets the dwellings, and a period upside down', async () => {
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/matching/fairness?from=2026-01-01&to=2026-03-10',
      headers: ccapex.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/SIAO, les associations/);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/matching/fairness?from=2026-01-01&to=2026-03-10',
    });
    expect(anonymous.statusCode).toBe(401);
    const upsideDown = await t.app.inject({
      method: 'GET',
      url: '/api/matching/fairness?from=2026-03-10&to=2026-01-01',
      headers: siao.headers,
    });
    expect(upsideDown.statusCode).toBe(400);
    expect(upsideDown.json().error.fields).toEqual({ to: 'La fin de la période précède son début.' });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/matching/fairness?to=2026-01-01',
      headers: siao.headers,
    });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['from']);
  });

  it('counts a household as it was when proposed, not as its file stands today', async () => {
    const db = t.deps.db;
    // Since December: a child was born, the household went to a hotel, its resources doubled.
    await db.insert(householdMembers).values({
      householdId: decemberHouseholdId,
      firstName: 'Lina',
      lastName: 'Fictif',
      birthDate: '2026-04-01',
      relationship: 'child',
      isReferencePerson: false,
      position: 1,
    });
    await db
      .update(households)
      .set({ housingSituation: 'hotel' })
      .where(eq(households.id, decemberHouseholdId));
    await db
      .update(householdResources)
      .set({ monthlyAmountCents: 140_000 })
      .where(eq(householdResources.householdId, decemberHouseholdId));
    const december = await view(poolA.session, '2025-12-01', '2025-12-31');
    expect(row(december, 'composition', 'single').counts.proposals).toBe(1);
    expect(row(december, 'composition', 'single_parent').counts.proposals).toBe(0);
    expect(row(december, 'origin', 'shelter').counts.proposals).toBe(1);
    expect(row(december, 'origin', 'hotel').counts.proposals).toBe(0);
    expect(row(december, 'income', 'from_500').counts.proposals).toBe(1);
  });
});
