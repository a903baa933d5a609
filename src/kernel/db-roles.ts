import { sql } from 'drizzle-orm';
import type { Queryable } from './db.ts';

/**
 * The rights of the role the app runs as in production (README, "Rôles PostgreSQL"). The migration
 * role owns every table; the app role reads and writes the data, but may only add to the audit log
 * and its checkpoints, only read the chain heads (the owner's trigger moves them), and, owning
 * nothing, cannot disable a trigger or alter a table. Idempotent: `npm run db:migrate` runs it after
 * each migration, so tables and job queues added since are covered.
 */
export async function grantAppRole(q: Queryable, role: string): Promise<void> {
  const app = sql.identifier(role);
  const statements = [
    sql`grant usage on schema public, drizzle, pgboss to ${app}`,
    sql`grant select, insert, update, delete on all tables in schema public, pgboss to ${app}`,
    sql`grant usage, select on all sequences in schema public, pgboss to ${app}`,
    sql`revoke update, delete on audit_log, audit_checkpoints from ${app}`,
    sql`revoke insert, update, delete on audit_chain_heads from ${app}`,
    // /api/health reports the latest migration applied.
    sql`grant select on drizzle.__drizzle_migrations to ${app}`,
  ];
  for (const statement of statements) await q.execute(statement);
}
