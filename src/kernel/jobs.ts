import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { AppDeps } from './deps.ts';

/** A background job: its pg-boss queue, when it runs, and what it does. */
export interface JobDefinition {
  /** The queue name, e.g. `mail-delivery`. */
  name: string;
  /** Cron expression (UTC): pg-boss fires it once per tick for all the app servers together. */
  cron?: string;
  /** The time zone the cron is read in instead of UTC (`Europe/Paris`: the same Paris hour all year). */
  cronTimeZone?: string;
  /** Queue one run as soon as the runner starts, without waiting for the first cron tick. */
  runAtStart?: boolean;
  run(): Promise<void>;
}

export interface Jobs {
  /** Let the running jobs finish, then stop polling; call it before closing the database. */
  stop(): Promise<void>;
}

/**
 * pg-boss on the PGlite instance the app already holds (stack notes G12): its queries queue behind
 * Drizzle's transactions instead of joining them. Parameter-less SQL goes to exec(), because pg-boss
 * sends multi-statement scripts that a prepared statement refuses.
 */
function pgliteAdapter(pglite: PGlite): PgBoss.Db {
  return {
    executeSql: async (text, values) =>
      values?.length ? pglite.query(text, values) : ((await pglite.exec(text)).at(-1) ?? { rows: [] }),
  };
}

/** pg-boss creates or upgrades its schema only where the app may change the schema (`migrate`). */
function bossOptions(deps: Pick<AppDeps, 'config' | 'database'>): PgBoss.ConstructorOptions {
  const common = { schema: 'pgboss', migrate: deps.config.migrate };
  if (deps.database.pglite) return { ...common, db: pgliteAdapter(deps.database.pglite) };
  // Its own small pool: polling and cron must not take connections from the requests.
  return { ...common, connectionString: deps.database.url, max: 2 };
}

/**
 * A job's queue, `stately`: at most one run waiting and one running across all the app servers, so
 * a slow run delays the next one instead of overlapping it, and start-up kicks do not pile up.
 * Creating an existing queue changes nothing.
 */
const createQueue = (boss: PgBoss, job: JobDefinition) =>
  boss.createQueue(job.name, { name: job.name, policy: 'stately' });

/**
 * Create pg-boss's schema and the jobs' queues (a queue is a partition: only the schema's owner
 * may add one). `npm run db:migrate` calls it, so that an app role without that right finds them.
 */
export async function installJobs(
  deps: Pick<AppDeps, 'config' | 'database'>,
  jobs: JobDefinition[],
): Promise<void> {
  const boss = new PgBoss({ ...bossOptions(deps), migrate: true, supervise: false, schedule: false });
  await boss.start();
  for (const job of jobs) await createQueue(boss, job);
  await boss.stop({ graceful: false, wait: true });
}

/** Start pg-boss on the app's database, create the queues, register the workers and the schedules. */
export async function startJobs(
  deps: Pick<AppDeps, 'config' | 'database'>,
  jobs: JobDefinition[],
): Promise<Jobs> {
  const boss = new PgBoss(bossOptions(deps));
  boss.on('error', (error) => console.error('Tâches de fond : erreur', error));
  await boss.start();
  for (const job of jobs) {
    await createQueue(boss, job);
    if (job.runAtStart) await boss.send(job.name, {});
    await boss.work(job.name, () => job.run());
    if (job.cron)
      await boss.schedule(job.name, job.cron, {}, job.cronTimeZone ? { tz: job.cronTimeZone } : {});
  }
  return { stop: () => boss.stop() };
}
