// Fails when the Drizzle schema and the committed migrations drift: generating into a scratch copy
// of drizzle/ must produce no new migration.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const scratch = mkdtempSync(join(tmpdir(), 'relais-drift-'));
cpSync('drizzle', scratch, { recursive: true });
const before = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift'], {
  env: { ...process.env, DRIZZLE_OUT: scratch },
  stdio: 'pipe',
});
const after = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
rmSync(scratch, { recursive: true, force: true });
if (after !== before) {
  console.error(
    'Le schéma Drizzle a changé sans migration : lancez `npm run db:generate` et committez le résultat.',
  );
  process.exit(1);
}
console.log('Schéma et migrations cohérents.');
