import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token for a cookie or a form: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Recovery codes: 10 random characters from an unambiguous alphabet, shown as xxxxx-xxxxx. */
export function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function normaliseRecoveryCode(input: string): string {
  const compact = input.trim().toLowerCase().replace(/[\s-]/g, '');
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
