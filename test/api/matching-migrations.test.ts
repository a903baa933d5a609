import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { queryRows, migrationsFolder } from '../../src/kernel/db.ts';
import { systemContext } from '../../src/kernel/context.ts';
import { currentPairsIn } from '../../src/modules/matching/pairs.ts';
import { vacancies } from '../../src/modules/vacancies/schema.ts';

/**
 * The matching migrations' backfills on rows written before them (the demo's proposals and pairs):
 * the rows are put back in the shape they had, then the migration's data statements run again.
 */
describe('the matching migrations on earlier rows', () => {
  let t: TestApp;

  const statementsOf = (file: string) =>
    readFileSync(join(migrationsFolder, file), 'utf8').split('--> statement-breakpoint');

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.deps.db, { now: t.deps.clock() });
    const [open] = await t.deps.db.select().from(vacancies).where(eq(vacancies.status, 'open')).limit(1);
    await currentPairsIn(systemContext(t.deps.db, t.deps.config, t.deps.clock()), open!.departementId!);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('0040 gives every earlier proposal its household’s profile', async () => {
    const profiles = () =>
      queryRows<{ id: string; profile: Record<string, unknown> }>(
        t.deps.db,
        sql`select id, profile from vacancy_proposals order by id`,
      );
    const written = await profiles();
    expect(written.length).toBeGreaterThan(10);
    expect(written.every((p) => Array.isArray(p.profile.members) && 'readySince' in p.profile)).toBe(true);
    await t.deps.db.execute(sql`update vacancy_proposals set profile = '{}'::jsonb`);
    await t.deps.db.execute(sql.raw(statementsOf('0040_proposal_profile.sql').at(-1)!));
    // The demo's households have not changed since they were proposed: the same profiles.
    expect(await profiles()).toEqual(written);
  });

  it('0043 gives every earlier pair its household’s file number', async () => {
    const [migration, ...data] = statementsOf('0043_vacancy_matches_file_number.sql');
    expect(migration).toContain('ADD COLUMN');
    await t.deps.db.execute(sql`alter table vacancy_matches alter column file_number drop not null`);
    await t.deps.db.execute(sql`update vacancy_matches set file_number = null`);
    for (const statement of data) await t.deps.db.execute(sql.raw(statement));
    const [counts] = await queryRows<{ pairs: number; matching: number }>(
      t.deps.db,
      sql`select count(*)::int as pairs, (count(*) filter (where m.file_number = h.file_number))::int as matching
        from vacancy_matches m join households h on h.id = m.household_id`,
    );
    expect(counts!.pairs).toBeGreaterThan(20);
    expect(counts!.matching).toBe(counts!.pairs);
    const [column] = await queryRows<{ is_nullable: string }>(
      t.deps.db,
      sql`select is_nullable from information_schema.columns
        where table_name = 'vacancy_matches' and column_name = 'file_number'`,
    );
    expect(column!.is_nullable).toBe('NO');
  });
});
