import { createHmac } from 'node:crypto';
import { ScureBase32Plugin, generate } from 'otplib';
import { roleNeedsSecondFactor } from '../shared/access/household-access.ts';
import { ROLE_LABELS } from '../shared/contracts/roles.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS, type DemoUser } from './territory.ts';

/** The one password of every demo account. Demo data only: never reuse it for real accounts. */
export const DEMO_PASSWORD = 'Relais-demo-2026!';

// Fixed on purpose: the secrets must be the same on every start, so that an authenticator app
// set up once keeps working. They protect fictional data only.
const DEMO_TOTP_SEED = 'relais-demo-totp-v1';
const base32 = new ScureBase32Plugin();

/** The base32 TOTP secret of a demo account (20 bytes, like otplib's generateSecret). */
export const demoTotpSecret = (email: string) =>
  base32.encode(new Uint8Array(createHmac('sha256', DEMO_TOTP_SEED).update(email).digest().subarray(0, 20)));

export const demoUserNeedsTotp = (user: DemoUser) => roleNeedsSecondFactor(user.role);

export interface DemoAccount {
  role: string;
  organisation: string;
  fullName: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

export function demoAccounts(): DemoAccount[] {
  return DEMO_USERS.map((user) => ({
    role: ROLE_LABELS[user.role],
    organisation: DEMO_ORGANISATIONS.find((o) => o.key === user.org)!.shortName,
    fullName: user.fullName,
    email: user.email,
    password: DEMO_PASSWORD,
    totpSecret: demoUserNeedsTotp(user) ? demoTotpSecret(user.email) : null,
  }));
}

/** The current 6-digit code of a demo account, or null for an unknown or TOTP-less account. */
export async function demoTotpCode(email: string, at: Date): Promise<string | null> {
  const user = DEMO_USERS.find((u) => u.email === email.trim().toLowerCase());
  if (!user || !demoUserNeedsTotp(user)) return null;
  return generate({ secret: demoTotpSecret(user.email), epoch: Math.floor(at.getTime() / 1000) });
}

/** The French table printed at start-up, so that anyone can sign in to the demo. */
export function formatDemoAccounts(publicUrl: string): string {
  const accounts = demoAccounts();
  const header = ['Rôle', 'Organisation', 'E-mail', 'Mot de passe', 'Secret TOTP'];
  const rows = accounts.map((a) => [a.role, a.organisation, a.email, a.password, a.totpSecret ?? '— (sans)']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [
    '',
    `Données de démonstration (territoire fictif du Val-de-Brenne) — ${publicUrl}`,
    'Comptes de démonstration (données fictives uniquement) :',
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    'Second facteur : ajoutez le secret TOTP du compte à une application d’authentification,',
    'ou affichez le code du moment avec : npm run demo:totp -- <e-mail>',
    'Un code n’est accepté qu’une fois : attendez le suivant (30 s) pour une nouvelle connexion.',
    '',
  ].join('\n');
}
