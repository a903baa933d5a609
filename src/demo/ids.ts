import { createHash } from 'node:crypto';

/**
 * A stable UUID for a demo fixture, derived from its name (the way RFC 4122 version 5 does, with
 * SHA-256): loading the demo twice yields the same ids, so every insert can skip existing rows.
 * The version and variant bits are set so that strict validators (zod's z.uuid()) accept it.
 */
export function stableId(name: string): string {
  const bytes = createHash('sha256').update(`relais-demo:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const householdId = (key: string) => stableId(`household:${key}`);
export const referralId = (key: string) => stableId(`referral:${key}`);
