import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers } from '../helpers/factories.ts';
import { createHouseholdAs } from '../helpers/household-fixtures.ts';
import { testDatabaseKind } from '../helpers/database.ts';
import { audit } from '../../src/kernel/audit.ts';
import { queryRows } from '../../src/kernel/db.ts';
import { grantAppRole } from '../../src/kernel/db-roles.ts';
import { installJobs } from '../../src/kernel/jobs.ts';
import { backgroundJobs } from '../../src/background-jobs.ts';
import {
  configuredPublicKey,
  createCheckpoint,
  verifyAuditChain,
  verifyAuditLog,
  type CheckpointFile,
} from '../../src/modules/audit/index.ts';

type Members = Awaited<ReturnType<typeof makeOrgWithUsers>>['members'];

// Each test builds a fresh app and database (freshLog): on a busy machine that alone can take 30 s.
describe('tamper-evident audit log', { timeout: 120_000 }, () => {
  let t: TestApp;
  let members: Members;

  /** Rewrite the log as its owner could: the append-only trigger off for the time of `change`. */
  async function asOwner(change: ReturnType<typeof sql>) {
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(change);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
  }
  const verify = (files: { name: string; checkpoint: CheckpointFile }[] = []) =>
    verifyAuditLog(t.deps.db, { files, trustedKeys: [configuredPublicKey(t.deps.config)!] });
  const entriesInStream0 = async () =>
    queryRows<{ id: number; seq: number }>(
      t.deps.db,
      sql`select id::int as id, chain_seq::int as seq from audit_log where chain_stream = 0 order by chain_seq`,
    );

  /** Each test tampers with its own copy: a fresh database with a varied log. */
  async function freshLog() {
    await t?.close();
    t = await createTestApp();
    members = (await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'admin'])).members;
    const caseworker = members.caseworker!.session;
    const id = await createHouseholdAs(t, caseworker);
    await t.app.inject({ method: 'GET', url: `/api/households/${id}`, headers: caseworker.headers });
    await t.app.inject({ method: 'GET', url: '/api/households?q=Dup', headers: caseworker.headers });
    await t.app.inject({ method: 'GET', url: `/api/households/${id}/history`, headers: caseworker.headers });
  }

  afterAll(() => t.close());

  it('chains every entry, whoever writes it, and verifies a log nobody touched', async () => {
    await freshLog();
    await t.deps.db.execute(
      sql`insert into audit_log (action, entity_type, details) values ('test.raw', 'test', '{"b": [1, "é"], "a": null}')`,
    );
    const [unchained] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_log where chain_hash is null`,
    );
    expect(unchained!.n).toBe(0);
    // A few thousand entries, one statement: the trigger chains them one by one, across batches.
    await t.deps.db.execute(
      sql`insert into audit_log (action, entity_type, entity_id) select 'test.bulk', 'test', n::text from generate_series(1, 3000) n`,
    );
    const report = await verifyAuditChain(t.deps.db);
    expect(report.entries).toBeGreaterThan(3004);
    expect(report.firstBreak).toBeNull();
    const { ok, lines } = await verify();
    expect(lines[0]).toMatch(/^Journal d’audit : \d{1,3}(\u202f\d{3})* entrées, 16 flux\.$/);
    expect(lines[1]).toBe('Chaîne intacte.');
    expect(ok).toBe(true);
  });

  it('names the first entry changed in place', async () => {
    await freshLog();
    const [, second, third] = await entriesInStream0();
    await asOwner(
      sql`update audit_log set details = '{"forged": true}' where id in (${third!.id}, ${second!.id})`,
    );
    const report = await verifyAuditChain(t.deps.db);
    expect(report.firstBreak).toEqual({
      reason: 'hash_mismatch',
      entryId: second!.id,
      stream: 0,
      seq: second!.seq,
    });
    const { ok, lines } = await verify();
    expect(ok).toBe(false);
    expect(lines[1]).toContain(`entrée n° ${second!.id} (flux 0, rang ${second!.seq})`);
  });

  it('names the entry after a deleted one, and a deletion at the end of a stream', async () => {
    await freshLog();
    const entries = await entriesInStream0();
    await asOwner(sql`delete from audit_log where id = ${entries[1]!.id}`);
    expect((await verifyAuditChain(t.deps.db)).firstBreak).toMatchObject({
      reason: 'missing',
      entryId: entries[2]!.id,
    });

    await freshLog();
    const last = (await entriesInStream0()).at(-1)!;
    await asOwner(sql`delete from audit_log where id = ${last.id}`);
    expect((await verifyAuditChain(t.deps.db)).firstBreak).toEqual({
      reason: 'head_mismatch',
      entryId: null,
      stream: 0,
      seq: last.seq,
    });
  });

  it('flags an entry written with the chaining trigger disabled', async () => {
    await freshLog();
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_chain`);
      await tx.execute(sql`insert into audit_log (action, entity_type) values ('test.forged', 'test')`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_chain`);
    });
    expect((await verifyAuditChain(t.deps.db)).firstBreak).toMatchObject({
      reason: 'unchained',
      stream: null,
    });
  });

  it('signs checkpoints that a rewritten log, however consistent, no longer reaches', async () => {
    await freshLog();
    const admin = members.admin!.session;
    const signed = await t.app.inject({
      method: 'POST',
      url: '/api/admin/audit-checkpoints',
      headers: admin.headers,
    });
    expect(signed.statusCode).toBe(201);
    const { id, entries } = signed.json() as { id: number; entries: number };
    const [total] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log`);
    // It attests every entry, its own sign-off included.
    expect(entries).toBe(total!.n);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit-checkpoints',
      headers: admin.headers,
    });
    expect(list.json().items[0]).toMatchObject({ id, entries });
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/admin/audit-checkpoints/${id}`,
      headers: admin.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const kept = { name: 'gardé.json', checkpoint: download.json() as CheckpointFile };
    expect((await verify([kept])).ok).toBe(true);

    // Not signed as it reads, or by another key: refused.
    const altered = {
      ...kept.checkpoint,
      payload: kept.checkpoint.payload.replace(/"entries":\d+/, '"entries":1'),
    };
    expect((await verify([{ name: 'altéré.json', checkpoint: altered }])).lines).toContain(
      'fichier altéré.json : signature invalide ou clé inconnue.',
    );
    const stranger = createPublicKey(generateKeyPairSync('ed25519').privateKey);
    expect((await verifyAuditLog(t.deps.db, { files: [kept], trustedKeys: [stranger] })).ok).toBe(false);

    // The owner rewrites stream 0 from its second entry, re-chaining it with the trigger: the chain
    // is consistent again, but the entries the checkpoint attests are gone.
    const [, second] = await entriesInStream0();
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(
        sql`create temporary table kept on commit drop as select * from audit_log where chain_stream = 0 and chain_seq >= ${second!.seq}`,
      );
      await tx.execute(sql`delete from audit_log where chain_stream = 0 and chain_seq >= ${second!.seq}`);
      await tx.execute(sql`update audit_chain_heads set seq = h.chain_seq, hash = h.chain_hash
        from (select chain_seq, chain_hash from audit_log where chain_stream = 0 and chain_seq = ${second!.seq - 1}) h where stream = 0`);
      await tx.execute(sql`insert into audit_log (id, at, action, entity_type, details) overriding system value
        select id, at, action, entity_type, '{}' from kept order by chain_seq`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    expect((await verifyAuditChain(t.deps.db)).firstBreak).toBeNull();
    const { ok, lines } = await verify([kept]);
    expect(ok).toBe(false);
    expect(lines.join('\n')).toMatch(
      /fichier gardé\.json : l’entrée de rang \d+ du flux 0 qu’il atteste n’est plus dans le journal/,
    );
    expect(lines.join('\n')).toMatch(/point de contrôle enregistré n° \d+ : l’entrée de rang/);
  });

  it('signs from the job only when the log moved, with a key created once', async () => {
    await freshLog();
    const first = await createCheckpoint(t.deps.db, t.deps.config, t.deps.clock());
    expect(first).not.toBeNull();
    expect(await createCheckpoint(t.deps.db, t.deps.config, t.deps.clock())).toBeNull();
    const key = configuredPublicKey(t.deps.config)!.export({ type: 'spki', format: 'pem' });
    await audit(t.deps.db, null, { action: 'test.more', entityType: 'test' });
    expect(await createCheckpoint(t.deps.db, t.deps.config, t.deps.clock())).toMatchObject({
      entries: first!.entries + 1,
    });
    expect(configuredPublicKey(t.deps.config)!.export({ type: 'spki', format: 'pem' })).toEqual(key);
    const auditor = (await makeOrgWithUsers(t.deps, 'funder', ['funder_officer'])).members.funder_officer!
      .session;
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit-checkpoints',
      headers: auditor.headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it.runIf(testDatabaseKind === 'postgresql')(
    'lets concurrent transactions chain into different streams without waiting (PostgreSQL: several connections)',
    async () => {
      await freshLog();
      const streams = await t.deps.db.transaction(async (outer) => {
        await audit(outer, null, { action: 'test.outer', entityType: 'test' });
        // With a single head, this second connection would wait for the outer transaction: a deadlock.
        const inner = await t.deps.db.transaction(async (tx) => {
          await audit(tx, null, { action: 'test.inner', entityType: 'test' });
          return queryRows<{ s: number }>(
            tx,
            sql`select chain_stream as s from audit_log where action = 'test.inner'`,
          );
        });
        const own = await queryRows<{ s: number }>(
          outer,
          sql`select chain_stream as s from audit_log where action = 'test.outer'`,
        );
        return [own[0]!.s, inner[0]!.s];
      });
      expect(new Set(streams).size).toBe(2);
      expect((await verifyAuditChain(t.deps.db)).firstBreak).toBeNull();
    },
  );

  it('runs the app as a role that can add to the audit log and nothing else there', async () => {
    await freshLog();
    await installJobs(t.deps, backgroundJobs(t.deps));
    await t.deps.db.execute(sql`do $$ begin
      if not exists (select from pg_roles where rolname = 'relais_app_test') then create role relais_app_test; end if;
    end $$`);
    await grantAppRole(t.deps.db, 'relais_app_test');
    const asApp = (statement: ReturnType<typeof sql>) =>
      t.deps.db.transaction(async (tx) => {
        await tx.execute(sql`set local role relais_app_test`);
        return tx.execute(statement);
      });
    await asApp(sql`insert into audit_log (action, entity_type) values ('test.app', 'test')`);
    await asApp(sql`select count(*) from households`);
    await asApp(sql`select count(*) from pgboss.job`);
    for (const forbidden of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
      sql`alter table audit_log disable trigger audit_log_no_update_delete`,
      sql`update audit_chain_heads set seq = 0`,
      sql`delete from audit_checkpoints`,
      sql`create table relais_intruder (id int)`,
    ]) {
      const refusal = await asApp(forbidden).then(
        () => 'accepted',
        (error: Error) => (error.cause instanceof Error ? error.cause : error).message,
      );
      expect(refusal).toMatch(/permission denied|must be owner/);
    }
    // A temporary table of the same name cannot stand in for the heads the trigger moves.
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local role relais_app_test`);
      await tx.execute(
        sql`create temporary table audit_chain_heads (stream smallint, seq bigint, hash text) on commit drop`,
      );
      await tx.execute(sql`insert into audit_chain_heads values (0, 0, '')`);
      await tx.execute(sql`insert into audit_log (action, entity_type) values ('test.shadowed', 'test')`);
    });
    const report = await verifyAuditChain(t.deps.db);
    expect(report.firstBreak).toBeNull();
  });
});
