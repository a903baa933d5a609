import type { z } from 'zod';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { migrationVersion, type DatabaseKind } from '../../../kernel/db.ts';
import type { ZHealth } from '../../../shared/contracts/common.ts';
import packageJson from '../../../../package.json' with { type: 'json' };

/** The service answers, with its database (kind, latest migration applied) and version. */
export async function checkHealth(
  ctx: Context<Actor | null>,
  database: DatabaseKind,
): Promise<z.infer<typeof ZHealth>> {
  return {
    status: 'ok',
    database,
    migration: await migrationVersion(ctx.db),
    version: packageJson.version,
  };
}
