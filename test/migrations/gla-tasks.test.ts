import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../../src/kernel/db.ts';
import { emptyDatabase, migrationsUpTo, type Scratch } from '../helpers/migrations.ts';

/**
 * The migration that makes the GLA plan's tasks tasks of the tasks module (0036), on plans already
 * written: each keeps its id, dwelling, kind and due day, belongs to the association, and one noted
 * done on a day is closed at noon, Paris time, that day; the old table is gone.
 */
describe('migration of the GLA plan tasks into the tasks (0036)', () => {
  let s: Scratch;

  beforeAll(async () => {
    s = await emptyDatabase();
    await s.migrate(migrationsUpTo('0035_housing_pool_and_vacancies'));
    await s.run(sql`
      with landlord as (
        insert into organisations (id, type, name) values ('00000000-0000-4000-8000-000000000001', 'landlord', 'Habitat Test') returning id
      ), association as (
        insert into organisations (id, type, name) values ('00000000-0000-4000-8000-000000000002', 'association', 'Asso Test') returning id
      ), dwelling as (
        insert into dwellings (id, address) values ('00000000-0000-4000-8000-000000000003', '1 rue du Test') returning id
      ), convention as (
        insert into partnership_conventions (id, landlord_organisation_id, association_organisation_id, title, start_on, fee_mode, referentiel_version)
        select '00000000-0000-4000-8000-000000000004', landlord.id, association.id, 'Convention test', '2026-01-01', 'per_dwelling_year', '2024'
        from landlord, association returning id
      ), entry as (
        insert into convention_dwellings (id, convention_id, dwelling_id, occupancy_kind, available_from)
        select '00000000-0000-4000-8000-000000000005', convention.id, dwelling.id, 'bail_glissant', '2026-01-01'
        from convention, dwelling returning id
      )
      insert into gla_tasks (id, convention_dwelling_id, year, kind, due_on, done_on)
      select v.id::uuid, entry.id, 2026, v.kind::gla_task_kind, v.due_on::date, v.done_on::date
      from entry, (values
        ('00000000-0000-4000-8000-0000000000a1', 'monthly_contact', '2026-02-28', '2026-02-20'),
        ('00000000-0000-4000-8000-0000000000a2', 'yearly_visit', '2026-06-30', null)
      ) as v(id, kind, due_on, done_on)`);
    await s.migrate(migrationsFolder);
  });
  afterAll(() => s.close());

  it('moves every plan task, its state and its closing at noon Paris time, and drops the old table', async () => {
    const rows = await s.run(sql`
      select id::text, household_id, dwelling_id::text, gla_kind::text, source::text, source_id::text, status::text,
             owner_organisation_id::text, due_on::text, to_char(closed_at at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI') as closed
      from tasks order by due_on`);
    expect(rows).toEqual([
      {
        id: '00000000-0000-4000-8000-0000000000a1',
        household_id: null,
        dwelling_id: '00000000-0000-4000-8000-000000000003',
        gla_kind: 'monthly_contact',
        source: 'gla',
        source_id: '00000000-0000-4000-8000-000000000005',
        status: 'done',
        owner_organisation_id: '00000000-0000-4000-8000-000000000002',
        due_on: '2026-02-28',
        closed: '2026-02-20 12:00',
      },
      {
        id: '00000000-0000-4000-8000-0000000000a2',
        household_id: null,
        dwelling_id: '00000000-0000-4000-8000-000000000003',
        gla_kind: 'yearly_visit',
        source: 'gla',
        source_id: '00000000-0000-4000-8000-000000000005',
        status: 'open',
        owner_organisation_id: '00000000-0000-4000-8000-000000000002',
        due_on: '2026-06-30',
        closed: null,
      },
    ]);
    const [old] = await s.run(sql`select to_regclass('public.gla_tasks') is null as gone`);
    expect(old!.gone).toBe(true);
  });
});
