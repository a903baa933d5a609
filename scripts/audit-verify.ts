// `npm run audit:verify [-- --checkpoint FILE]... [--public-key FILE]...`: recompute the audit
// log's chain, check the checkpoints stored and those kept outside; exit 1 on any problem.
// On the embedded database, stop the server first (PGlite admits one process).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/kernel/db.ts';
import { configuredPublicKey, verifyAuditLog, type CheckpointFile } from '../src/modules/audit/index.ts';
import { createPublicKey } from 'node:crypto';

const { values } = parseArgs({
  options: {
    checkpoint: { type: 'string', multiple: true, default: [] },
    'public-key': { type: 'string', multiple: true, default: [] },
  },
});
const config = loadConfig();
const ownKey = configuredPublicKey(config);
const trustedKeys = [
  ...values['public-key'].map((path) => createPublicKey(readFileSync(path))),
  ...(ownKey ? [ownKey] : []),
];
const files = values.checkpoint.map((path) => ({
  name: basename(path),
  checkpoint: JSON.parse(readFileSync(path, 'utf8')) as CheckpointFile,
}));

const database = await openConfiguredDatabase({ ...config, migrate: false });
try {
  const { ok, lines } = await verifyAuditLog(database.db, { files, trustedKeys });
  console.log(lines.join('\n'));
  process.exitCode = ok ? 0 : 1;
} finally {
  await database.close();
}
