import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation } from '../helpers/factories.ts';
import { householdParties, households } from '../../src/modules/households/schema.ts';
import { partyIsCurrent } from '../../src/modules/households/index.ts';
import { basisIsCurrentOn } from '../../src/shared/access/party-rule.ts';

/**
 * The party rule is written once in TypeScript (src/shared/access/party-rule.ts) and once in SQL
 * (the access guard's partyIsCurrent): this property test proves them equal on random parties and
 * days, Paris days included (a check at 23:30 UTC is the next day in Paris).
 */
describe('the party rule, in TypeScript and in SQL', () => {
  let t: TestApp;
  let householdId: string;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    organisationId = (await makeOrganisation(t.deps.db, 'association')).id;
    const [row] = await t.deps.db
      .insert(households)
      .values({ housingSituation: 'shelter' })
      .returning({ id: households.id });
    householdId = row!.id;
  });
  afterAll(() => t.close());

  const day = fc
    .date({
      min: new Date('2025-12-01T00:00:00Z'),
      max: new Date('2026-02-28T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const party = fc.record({
    ended: fc.boolean(),
    validFrom: fc.option(day, { nil: null }),
    validUntil: fc.option(day, { nil: null }),
  });

  it('grants access on exactly the same rows and days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(party, { minLength: 1, maxLength: 12 }),
        fc.date({
          min: new Date('2025-12-15T00:00:00Z'),
          max: new Date('2026-02-15T23:59:59Z'),
          noInvalidDate: true,
        }),
        async (rows, at) => {
          await t.deps.db.delete(householdParties).where(eq(householdParties.householdId, householdId));
          const inserted = await t.deps.db
            .insert(householdParties)
            .values(
              rows.map((r) => ({
                householdId,
                organisationId,
                basis: 'consent' as const,
                validFrom: r.validFrom,
                validUntil: r.validUntil,
                endedAt: r.ended ? new Date('2025-12-20T10:00:00Z') : null,
              })),
            )
            .returning();
          const bySql = await t.deps.db
            .select({ id: householdParties.id })
            .from(householdParties)
            .where(
              and(
                inArray(
                  householdParties.id,
                  inserted.map((r) => r.id),
                ),
                partyIsCurrent(at),
              ),
            );
          const parisDay = at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
          const byTs = inserted.filter((r) => basisIsCurrentOn(r, parisDay)).map((r) => r.id);
          expect(bySql.map((r) => r.id).sort()).toEqual(byTs.sort());
        },
      ),
      { numRuns: 60 },
    );
  });
});
