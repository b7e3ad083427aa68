import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Harbour';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/**
 * Checks a code, allowing one step of clock drift either way. Returns the time step it matched,
 * so the caller can refuse the same code twice.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, 'check').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 30_000) + delta;
}

export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret, 'code').generate({ timestamp: now });
}

export async function totpEnrolment(secret: string, account: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = totp(secret, account).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg };
}
