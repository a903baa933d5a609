import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/kernel/actor.ts';
import type { Context } from '../../src/kernel/context.ts';
import type { Queryable } from '../../src/kernel/db.ts';
import { loadConfig, type AppConfig } from '../../src/config.ts';
import { buildApp, type AppPorts } from '../../src/app.ts';
import type { AppDeps } from '../../src/kernel/deps.ts';
import type { ZApp } from '../../src/kernel/zod-app.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: ZApp;
  deps: AppDeps;
  /** Move the app's clock (session expiry, lockout, token validity). */
  setNow(date: Date): void;
  advance(ms: number): void;
  close(): Promise<void>;
}

/** `ports`: what the app's modules receive from outside the module graph (a recording rent account…). */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  ports: AppPorts = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = new Date();
  // The audit signing key, created on first use, goes to a folder of the test's own.
  const keyDir = mkdtempSync(join(tmpdir(), 'relais-key-'));
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: undefined,
    smtpUrl: undefined,
    loadDemo: false,
    auditSigningKeyFile: join(keyDir, 'audit-signing-key.pem'),
    ...overrides,
  };
  const deps: AppDeps = { config, database, db: database.db, clock: () => new Date(now) };
  const app = await buildApp(deps, { ports });
  await app.ready();
  return {
    app,
    deps,
    setNow: (d) => {
      now = new Date(d);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** A use case's context outside a request (a test calling a use case directly). */
export function contextFor<A extends Actor | null>(
  t: TestApp,
  actor: A,
  db: Queryable = t.deps.db,
): Context<A> {
  return {
    db,
    actor,
    now: t.deps.clock(),
    client: { ip: '127.0.0.1', userAgent: 'vitest' },
    session: null,
    config: t.deps.config,
  };
}
