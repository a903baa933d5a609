import { invalid } from '../../kernel/errors.ts';
import { SIGNATURE_MAX_BYTES } from '../../shared/contracts/diagnostics.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PREFIX = 'data:image/png;base64,';

/**
 * Checks a tablet signature: a base64 PNG data URL of at most 300 KB whose bytes really are a PNG
 * (signature bytes, then an IHDR chunk with a non-empty image). Returns the data URL as stored.
 */
export function checkSignaturePng(dataUrl: string): string {
  const fail = (message: string) => invalid({ signaturePng: message });
  const base64 = dataUrl.slice(PREFIX.length);
  if (!dataUrl.startsWith(PREFIX) || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw fail('Signature attendue au format PNG.');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw fail('Signature trop volumineuse (300 Ko au plus).');
  const isPng =
    bytes.length > 24 &&
    bytes.subarray(0, 8).equals(PNG_MAGIC) &&
    bytes.subarray(12, 16).toString('latin1') === 'IHDR' &&
    bytes.readUInt32BE(16) > 0 &&
    bytes.readUInt32BE(20) > 0;
  if (!isPng) throw fail('Le fichier de signature n’est pas une image PNG valide.');
  return dataUrl;
}
