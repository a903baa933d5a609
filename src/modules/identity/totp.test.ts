import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import {
  RECOVERY_CODE_COUNT,
  checkTotpCode,
  consumeRecoveryCode,
  newRecoveryCode,
  newRecoveryCodes,
  newTotpEnrolment,
  normaliseRecoveryCode,
} from './totp.ts';

describe('totp', () => {
  it('enrols with a QR code of the otpauth URL', async () => {
    const e = await newTotpEnrolment('marie@asso.test');
    expect(e.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Relais:marie%40asso\.test\?secret=/);
    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('accepts a code one step off, refuses two steps off and a replayed step', async () => {
    const { secret } = await newTotpEnrolment('a@b.test');
    const now = new Date('2026-03-02T09:00:10Z');
    const epoch = now.getTime() / 1000;
    const previous = await generate({ secret, epoch: epoch - 30 });
    const step = await checkTotpCode({ secret, code: previous, now, lastTimeStep: null });
    expect(step).toBe(Math.floor(epoch / 30) - 1);
    expect(await checkTotpCode({ secret, code: previous, now, lastTimeStep: step })).toBeNull();
    const old = await generate({ secret, epoch: epoch - 65 });
    expect(await checkTotpCode({ secret, code: old, now, lastTimeStep: null })).toBeNull();
  });

  it('issues distinct recovery codes, each usable once, whatever the case and dashes', async () => {
    expect(newRecoveryCode()).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    const { codes, hashes } = await newRecoveryCodes();
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    const left = await consumeRecoveryCode(hashes, ` ${codes[3]!.toUpperCase().replace('-', ' ')} `);
    expect(left).toHaveLength(RECOVERY_CODE_COUNT - 1);
    expect(await consumeRecoveryCode(left!, codes[3]!)).toBeNull();
    expect(normaliseRecoveryCode('AB-cd ef')).toBe('abcdef');
  });
});
