import type { AppConfig } from '../config.ts';
import type { DB, Database } from './db.ts';

/** What the app is built with; tests build it with their own database, clock and config. */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  db: DB;
  /** Injected so tests can move time (session expiry, lockout, token validity). */
  clock: () => Date;
}
