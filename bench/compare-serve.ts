import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Serves the app of another checkout (its own code, its own node_modules) on its bench database,
 * signed in as the bench association's caseworker; prints { url, cookie, householdIds } as JSON.
 * Child of compare-reads.ts. Imports go through the checkout's paths, so that an older commit's
 * modules are the ones measured.
 */
const [checkout, url] = process.argv.slice(2) as [string, string];
const load = <T>(path: string) => import(pathToFileURL(join(checkout, path)).href) as Promise<T>;
const { loadConfig } = await load<typeof import('../src/config.ts')>('src/config.ts');
const { buildApp } = await load<typeof import('../src/app.ts')>('src/app.ts');
const { openDatabase } = await load<typeof import('../src/kernel/db.ts')>('src/kernel/db.ts');
const { SESSION_COOKIE, createSession } = await load<typeof import('../src/modules/identity/sessions.ts')>(
  'src/modules/identity/sessions.ts',
);

const database = await openDatabase({ kind: 'postgresql', url, max: 10 });
const config = { ...loadConfig({}), databaseUrl: url, loadDemo: false, smtpUrl: undefined };
const pool = database.pool!;
// The bench association (the first association by name) and its first caseworker, as bench/run.ts signs in.
const { rows: who } = await pool.query<{ organisation_id: string; user_id: string }>(
  `select m.organisation_id, m.user_id from memberships m join organisations o on o.id = m.organisation_id
   where m.role = 'caseworker' and o.type = 'association' order by o.name, m.user_id limit 1`,
);
const { organisation_id: organisationId, user_id: userId } = who[0]!;
const { rows } = await pool.query<{ household_id: string }>(
  `select household_id from household_parties where organisation_id = $1 and ended_at is null order by household_id`,
  [organisationId],
);
const session = await createSession(database.db, {
  userId,
  organisationId,
  secondFactorDone: true,
  now: new Date(),
  config,
});
const app = await buildApp({ config, database, db: database.db, clock: () => new Date() }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
console.log(
  JSON.stringify({
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    cookie: `${SESSION_COOKIE}=${session.token}`,
    householdIds: rows.map((r) => r.household_id),
  }),
);
