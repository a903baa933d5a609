import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hash } from '@node-rs/argon2';
import { verifyPassword } from './passwords.ts';

const ISSUER = 'Relais';
const PERIOD_SECONDS = 30;

export async function newTotpEnrolment(email: string) {
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer: ISSUER, label: email, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 240,
  });
  return { secret, otpauthUrl, qrCodeDataUrl };
}

/**
 * Check a code at `now`, one step of clock drift allowed either way. A code of a step already used
 * (lastTimeStep) is refused, so that an observed code cannot be replayed. Returns the step matched.
 */
export async function checkTotpCode(input: {
  secret: string;
  code: string;
  now: Date;
  lastTimeStep: number | null;
}): Promise<number | null> {
  const result = await verify({
    secret: input.secret,
    token: input.code,
    epoch: Math.floor(input.now.getTime() / 1000),
    epochTolerance: PERIOD_SECONDS,
    ...(input.lastTimeStep === null ? {} : { afterTimeStep: input.lastTimeStep }),
  });
  // The functional API also types HOTP results; a TOTP match always carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** "abcd-efgh": 8 characters of an unambiguous alphabet (about 40 bits each). */
export function newRecoveryCode(): string {
  const chars = [...randomBytes(8)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What the user typed, as it was hashed: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hash(normaliseRecoveryCode(c))));
  return { codes, hashes };
}

/** The hashes left once `code` is used, or null when it matches none. */
export async function consumeRecoveryCode(hashes: readonly string[], code: string): Promise<string[] | null> {
  const typed = normaliseRecoveryCode(code);
  for (const [i, h] of hashes.entries()) {
    if (await verifyPassword(h, typed)) return hashes.filter((_, j) => j !== i);
  }
  return null;
}
