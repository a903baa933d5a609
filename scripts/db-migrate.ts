// `npm run db:migrate`, run as the owner role: apply the migrations, create the job queues, and,
// when RELAIS_APP_ROLE names the role the app runs as, grant it its rights (README).
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/kernel/db.ts';
import { grantAppRole } from '../src/kernel/db-roles.ts';
import { installJobs } from '../src/kernel/jobs.ts';
import { backgroundJobs } from '../src/background-jobs.ts';

const config = { ...loadConfig(), migrate: true };
const database = await openConfiguredDatabase(config);
try {
  const deps = { config, database, db: database.db, clock: () => new Date() };
  await installJobs(deps, backgroundJobs(deps));
  const role = process.env.RELAIS_APP_ROLE;
  if (role) await grantAppRole(database.db, role);
  console.log(`Base à jour${role ? ` ; droits du rôle ${role} accordés` : ''}.`);
} finally {
  await database.close();
}
