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

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Groups of random characters that are easy to read out and type: no 0/O, 1/I/L. */
export function newCode(groups: number, size = 4): string {
  const bytes = randomBytes(groups * size);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return Array.from({ length: groups }, (_, i) => chars.slice(i * size, (i + 1) * size)).join('-');
}

/** Accepts a code however it was typed: any case, spaces or hyphens anywhere. */
export function normaliseCode(input: string, size = 4): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return (compact.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join('-');
}
