import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, createHouseholdAs, sampleHousehold, consentToLandlord } from '../helpers/household-fixtures.ts';
import { completeDiagnostic } from '../helpers/diagnostic-fixtures.ts';
import { migrationsFolder } from '../../src/kernel/db.ts';

/**
 * Migration 0005 on data written before it: a partner version shared with the old eviction list
 * in its content, and a diagnostic whose authorship still names the urgent actions' section. Its
 * data statements are idempotent, so they run again here on rows put back in the old shape.
 */
describe('migration 0005 (diagnostic pre-fill) on earlier data', () => {
  let t: TestApp;
  let cw: TestSession;
  let landlord: TestSession;
  let householdId: string;
  let diagnosticId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association');
    const cwUser = await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] });
    cw = await sessionFor(t.deps, cwUser.id, assoc.id);
    const l = await makeOrganisation(t.deps.db, 'landlord');
    landlord = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: l.id, roles: ['landlord_social_advisor'] })).id,
      l.id,
    );
    householdId = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '8 place du Marché, 59000 Lille', landlordOrganisationId: l.id },
      }),
    );
    await consentToLandlord(t, cw, householdId, l.id);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/diagnostics`,
      headers: cw.headers,
      payload: { content: completeDiagnostic() },
    });
    diagnosticId = created.json().id;
    await t.deps.db.execute(sql`
      UPDATE diagnostics SET status = 'shared', approved_at = ${NOW.toISOString()}::timestamptz,
        authorship = authorship || jsonb_build_object('urgentActions', authorship->'health')
      WHERE id = ${diagnosticId}`);
    await t.deps.db.execute(sql`
      INSERT INTO diagnostic_shares (diagnostic_id, household_id, audience, organisation_id, snapshot)
      VALUES (${diagnosticId}, ${householdId}, 'landlord', ${l.id}, ${JSON.stringify({
        audience: 'landlord',
        content: {
          housingHistory: {
            arrearsCents: 120_000,
            evictions: [{ date: '2025-05-01', stage: 'summons' }, { stage: 'assignment' }],
          },
        },
        capacity: null,
      })}::jsonb)`);

    const migration = readFileSync(join(migrationsFolder, '0005_diagnostic_prefill.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').slice(1)) {
      await t.deps.db.execute(sql.raw(statement));
    }
  });
  afterAll(async () => t.close());

  it('moves a shared version’s eviction list beside its content, in the steps’ codes', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/diagnostics`,
      headers: landlord.headers,
    });
    expect(list.statusCode).toBe(200);
    const [shared] = list.json().sharedWithMe;
    expect(shared.version.content).toEqual({ housingHistory: { arrearsCents: 120_000 } });
    // An undated entry takes the day the diagnostic was written, as migration 0003 did.
    expect(shared.version.evictionSteps).toEqual([
      { step: 'payment_order', occurredOn: '2025-05-01' },
      { step: 'summons', occurredOn: '2026-03-10' },
    ]);
  });

  it('drops the urgent actions’ author, so the diagnostic reads again', async () => {
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/diagnostics/${diagnosticId}`,
      headers: cw.headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().authorship).not.toHaveProperty('urgentActions');
    expect(detail.json().authorship).toHaveProperty('health');
  });
});
