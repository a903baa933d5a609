import type pg from 'pg';
import { summarise, type LoadResult } from './stats.ts';

/** One request's statements as the app sent them to the database (captured through Drizzle's logger). */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * Replays a request's statements through node-postgres with `connections` concurrent workers for
 * `durationSeconds`: the database-only cost of the same work, for the app/raw ratio. A route's
 * transaction is in the capture (BEGIN and COMMIT are logged too), so it is replayed as well.
 */
export async function runRawLoad(input: {
  pool: pg.Pool;
  connections: number;
  durationSeconds: number;
  nextRequest: () => CapturedQuery[];
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + input.durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const statements = input.nextRequest();
      const started = performance.now();
      const client = await input.pool.connect();
      try {
        for (const s of statements) await client.query(s.sql, s.params);
        latencies.push(performance.now() - started);
      } catch {
        errors++;
        await client.query('rollback').catch(() => undefined);
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: input.connections }, worker));
  return summarise(latencies, input.durationSeconds, errors);
}
