import { join, resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Set: a PostgreSQL server (production). Unset: the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Public base URL used in links sent by email (invitations, password reset). */
  publicUrl: string;
  /** Secure cookies need HTTPS; off for the local demo on http://localhost. On, answers carry HSTS too. */
  secureCookies: boolean;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. Empty: the
   * socket's address is the client's, so a forged header neither escapes the per-address limits
   * nor writes an address into the audit log.
   */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  loadDemo: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  /**
   * After maxFailures failed attempts an account (or an address without one) waits firstLockMinutes,
   * doubling with each further failure up to maxLockMinutes: a bounded delay, which the real user
   * can also lift with a password-reset link.
   */
  lockout: { maxFailures: number; firstLockMinutes: number; maxLockMinutes: number };
  /**
   * Apply pending migrations at start. Off in production when the app runs as a role that may not
   * change the schema: `npm run db:migrate` applies them as the owner (README).
   */
  migrate: boolean;
  /** Ed25519 private key (PEM) signing the audit checkpoints; created on first use when absent. */
  auditSigningKeyFile: string;
  /** When the audit checkpoint job runs (cron, UTC). */
  auditCheckpointCron: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  const dataDir = resolve(env.RELAIS_DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    publicUrl: env.RELAIS_PUBLIC_URL ?? `http://localhost:${port}`,
    secureCookies: env.RELAIS_SECURE_COOKIES === 'true',
    trustedProxies: (env.RELAIS_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Relais <no-reply@relais.local>',
    loadDemo: env.RELAIS_DEMO !== 'false',
    session: {
      idleMinutes: Number(env.RELAIS_SESSION_IDLE_MINUTES ?? 30),
      absoluteHours: Number(env.RELAIS_SESSION_ABSOLUTE_HOURS ?? 12),
    },
    lockout: { maxFailures: 5, firstLockMinutes: 1, maxLockMinutes: 15 },
    migrate: env.RELAIS_MIGRATE !== 'false',
    auditSigningKeyFile: resolve(env.RELAIS_AUDIT_SIGNING_KEY_FILE ?? join(dataDir, 'audit-signing-key.pem')),
    auditCheckpointCron: env.RELAIS_AUDIT_CHECKPOINT_CRON ?? '0 * * * *',
  };
}
