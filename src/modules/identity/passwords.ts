import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19456, t=2, p=1: OWASP's minimum). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the time of a real check when the email is unknown, so that the answer time does not tell
 * which addresses have an account.
 */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hash('relais-no-such-account');
  await verifyPassword(await dummyHash, password);
}
