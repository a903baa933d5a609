import type pg from 'pg';
import type { CapturedQuery } from './raw-load.ts';

/** A read's plan as PostgreSQL ran it: its text, and its execution time in ms. */
export interface ExplainedQuery {
  sql: string;
  executionMs: number;
  plan: string[];
}

/** A read (not a write, not BEGIN or COMMIT): only those are run again under EXPLAIN ANALYZE. */
const isRead = (text: string) =>
  /^\s*(select|with)\b/i.test(text) && !/\b(insert\s+into|update\s+\S+\s+set|delete\s+from)\b/i.test(text);

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each read among a request's statements, with its parameters, slowest
 * first: where the time of a request goes in the database, and whether it reads what it needs only.
 */
export async function explainReads(pool: pg.Pool, statements: CapturedQuery[]): Promise<ExplainedQuery[]> {
  const explained: ExplainedQuery[] = [];
  for (const s of statements.filter((x) => isRead(x.sql))) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, format text) ${s.sql}`,
      s.params,
    );
    const plan = rows.map((r) => r['QUERY PLAN']);
    const time = plan.find((line) => line.startsWith('Execution Time:'));
    explained.push({ sql: s.sql, executionMs: Number(time?.match(/[\d.]+/)?.[0] ?? 0), plan });
  }
  return explained.sort((a, b) => b.executionMs - a.executionMs);
}
