import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { openConfiguredDatabase } from './kernel/db.ts';
import type { AppDeps } from './kernel/deps.ts';
import { startJobs } from './kernel/jobs.ts';
import { backgroundJobs } from './background-jobs.ts';
import { databaseIsEmpty, demoIsLoaded, loadDemo } from './demo/load-demo.ts';
import { formatDemoAccounts } from './demo/accounts.ts';

const config = loadConfig();
const database = await openConfiguredDatabase(config);

const deps: AppDeps = { config, database, db: database.db, clock: () => new Date() };

// Only on a first start: a database that already has organisations is never touched.
if (config.loadDemo && (await databaseIsEmpty(deps.db))) {
  console.log('Première mise en route : chargement du territoire de démonstration…');
  await loadDemo(deps.db, { now: deps.clock() });
}

const app = await buildApp(deps, { logger: process.env.RELAIS_LOG === 'true' });
const jobs = await startJobs(deps, backgroundJobs(deps));

const shutdown = async () => {
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
console.log(
  `Relais écoute sur ${config.publicUrl} (base : ${database.kind === 'pglite' ? `PGlite embarqué, ${config.dataDir}` : 'PostgreSQL'})`,
);
if (await demoIsLoaded(deps.db)) console.log(formatDemoAccounts(config.publicUrl));
