import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoTotpCode, demoUserNeedsTotp } from '../../src/demo/accounts.ts';
import { DEMO_USERS } from '../../src/demo/territory.ts';
import type { RunningApp } from './harness.ts';

export type DemoSignIn = (
  page: Page,
  email: string,
  options?: { onStep?: (step: 'password' | 'second factor') => Promise<void> },
) => Promise<void>;

const demoUserByEmail = (email: string) => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} n’est pas un compte de démonstration.`);
  return user;
};

/**
 * Signs demo accounts in through the sign-in page: password, then (unless the role goes without)
 * the account's current TOTP code (computed with the app's clock, which the server checks it
 * against). A code is accepted once
 * per account and time step, so signing the same account in again moves the app to the next step.
 * `onStep` runs on each step's page, e.g. for an accessibility check.
 */
export function demoSignIn(t: RunningApp): DemoSignIn {
  const signedIn = new Set<string>();
  return async (page, email, options = {}) => {
    if (signedIn.has(email)) t.advance(30_000);
    signedIn.add(email);
    await page.goto(`${t.url}/connexion`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await options.onStep?.('password');
    await page.getByLabel(/^Adresse e-mail/).fill(email);
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const home = page.getByRole('heading', { level: 1, name: /^Bonjour / });
    // Accounts without a second factor (funders' officers) land on the home page at once.
    if (!demoUserNeedsTotp(demoUserByEmail(email))) return home.waitFor();
    await page.getByRole('heading', { name: 'Vérification en deux étapes' }).waitFor();
    await options.onStep?.('second factor');
    const code = (await demoTotpCode(email, t.deps.clock()))!;
    await page.getByLabel(/^Code de vérification/).fill(code);
    await page.getByRole('button', { name: 'Valider' }).click();
    await home.waitFor();
  };
}
