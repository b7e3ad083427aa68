import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets Harbour must read back (authenticator secrets) are sealed with AES-256-GCM under a key
 * from configuration, so a copy of the database or a backup alone cannot mint anyone's codes.
 * Each sealed value names its key, so a rotation can hold the old key beside the new one while
 * every value is sealed again (`harbour secret-key rotate`).
 *
 * Sealed form: `hsb1.<key id>.<nonce>.<ciphertext>.<tag>` (base64url parts). The context (e.g.
 * the account id) is bound in as associated data: a value copied to another account's row does
 * not open there.
 */

const PREFIX = 'hsb1';
const SIGNATURE_PREFIX = 'hsig1';
/** A key as configured must be at least this long (`harbour secret-key new` gives 43 characters). */
export const SECRET_KEY_MIN_LENGTH = 32;

export class SecretKeyMissing extends Error {}

interface Key {
  readonly id: string;
  readonly bytes: Buffer;
  /** A second key from the same secret, for signatures only. */
  readonly signing: Buffer;
}

function deriveKey(configured: string): Key {
  if (configured.length < SECRET_KEY_MIN_LENGTH) throw new Error(`a secret key must be at least ${SECRET_KEY_MIN_LENGTH} characters`);
  const ikm = Buffer.from(configured, 'utf8');
  const bytes = Buffer.from(hkdfSync('sha256', ikm, 'harbour', 'secret-box aes-256-gcm v1', 32));
  const signing = Buffer.from(hkdfSync('sha256', ikm, 'harbour', 'signature hmac-sha256 v1', 32));
  // Names the key without saying anything about it: a hash of the derived key, cut short.
  const id = createHash('sha256').update(bytes).update('key id').digest('base64url').slice(0, 8);
  return { id, bytes, signing };
}

/** A fresh key to configure: 32 random bytes. */
export function newSecretKey(): string {
  return randomBytes(32).toString('base64url');
}

export class SecretBox {
  private readonly current: Key;
  private readonly keys: ReadonlyMap<string, Key>;

  constructor(current: string, previous: readonly string[] = []) {
    this.current = deriveKey(current);
    this.keys = new Map([this.current, ...previous.map(deriveKey)].map((k) => [k.id, k]));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plain: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, this.current.id, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The plain value; throws SecretKeyMissing for a key not configured, and on any tampering. */
  open(sealed: string, context: string): string {
    const [prefix, keyId, nonce, body, tag, ...rest] = sealed.split('.');
    if (prefix !== PREFIX || !keyId || nonce === undefined || body === undefined || tag === undefined || rest.length > 0) {
      throw new Error('not a sealed secret');
    }
    const key = this.keys.get(keyId);
    if (!key) throw new SecretKeyMissing(`sealed with key ${keyId}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A signature of `text` (HMAC-SHA256) naming its key: `hsig1.<key id>.<mac>`. */
  sign(text: string): string {
    return [SIGNATURE_PREFIX, this.current.id, createHmac('sha256', this.current.signing).update(text).digest('base64url')].join('.');
  }

  /** Whether `signature` is this Harbour's signature of `text`, under the current or a previous key. */
  signatureStanding(text: string, signature: string): 'valid' | 'invalid' | 'unknown-key' {
    const [prefix, keyId, mac, ...rest] = signature.split('.');
    if (prefix !== SIGNATURE_PREFIX || !keyId || !mac || rest.length > 0) return 'invalid';
    const key = this.keys.get(keyId);
    if (!key) return 'unknown-key';
    const expected = createHmac('sha256', key.signing).update(text).digest();
    const given = Buffer.from(mac, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
  }

  /** Which key sealed a value: 'current', 'previous', 'unknown', or 'plain' for one never sealed. */
  standing(value: string): 'current' | 'previous' | 'unknown' | 'plain' {
    const [prefix, keyId] = value.split('.');
    if (prefix !== PREFIX) return 'plain';
    if (keyId === this.current.id) return 'current';
    return keyId !== undefined && this.keys.has(keyId) ? 'previous' : 'unknown';
  }
}
