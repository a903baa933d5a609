import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './kernel/db.ts';
import type { AppDeps } from './kernel/deps.ts';

const config = loadConfig();
const database = config.databaseUrl
  ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
  : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });

const deps: AppDeps = { config, database, db: database.db, clock: () => new Date() };
const app = await buildApp(deps, { logger: process.env.RELAIS_LOG === 'true' });

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
console.log(
  `Relais écoute sur ${config.publicUrl} (base : ${database.kind === 'pglite' ? `PGlite embarqué, ${config.dataDir}` : 'PostgreSQL'})`,
);
