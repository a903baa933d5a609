import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { migrationVersion } from '../../kernel/db.ts';
import { ZHealth } from '../../shared/contracts/common.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export async function systemRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'État du service', response: { 200: ZHealth } },
    },
    async () => ({
      status: 'ok' as const,
      database: deps.database.kind,
      migration: await migrationVersion(deps.database),
      version: packageJson.version,
    }),
  );
}
