import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../../src/kernel/db.ts';
import { verifyAuditChain } from '../../src/modules/audit/index.ts';
import { emptyDatabase, migrationsUpTo, type Scratch } from '../helpers/migrations.ts';

/**
 * The migration that chains the audit log (0009), on a log already written: every entry keeps its id
 * and content and is chained, in order, into stream 0, whose head names the last one.
 */
describe('migration of the audit log to a hash chain (0009)', () => {
  let s: Scratch;
  const ENTRIES = 2_000;

  beforeAll(async () => {
    s = await emptyDatabase();
    await s.migrate(migrationsUpTo('0008_unmatched_sign_in_attempts'));
    await s.run(sql`insert into audit_log (at, action, entity_type, entity_id, household_id, ip, details)
      select timestamptz '2026-01-01 08:00:00+01' + n * interval '1 minute', 'household.read', 'household',
             n::text, md5(n::text)::uuid, '10.0.0.' || (n % 250), jsonb_build_object('accessLevel', 'caseworker', 'n', n)
      from generate_series(1, ${ENTRIES}) n`);
    await s.migrate(migrationsFolder);
  });
  afterAll(() => s.close());

  it('chains the entries written before it, in their order, and the next ones after them', async () => {
    const [stream0] = await s.run(
      sql`select count(*)::int as n, min(chain_seq)::int as first, max(chain_seq)::int as last,
                 bool_and(chain_stream = 0) as all_in_0,
                 bool_and(details->>'n' = entity_id) as content_kept from audit_log`,
    );
    expect(stream0).toEqual({ n: ENTRIES, first: 1, last: ENTRIES, all_in_0: true, content_kept: true });
    const [order] = await s.run(
      sql`select bool_and(chain_seq = rn) as in_order from (select chain_seq, row_number() over (order by id) as rn from audit_log) x`,
    );
    expect(order!.in_order).toBe(true);
    await s.run(sql`insert into audit_log (action, entity_type) values ('test.after', 'test')`);
    const report = await verifyAuditChain(s.db);
    expect(report.firstBreak).toBeNull();
    expect(report.entries).toBe(ENTRIES + 1);
    expect(report.heads.find((h) => h.stream === 0)!.seq).toBe(ENTRIES + 1);
  });
});
