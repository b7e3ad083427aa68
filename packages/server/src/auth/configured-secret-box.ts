import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { newSecretKey, SecretBox } from './secret-box';

/** Outside production, with no key configured, one is made once and kept beside the embedded store. */
export const DEVELOPMENT_KEY_FILE = 'secret.key';

/** The secret box the configuration asks for. Production always names its key (config refuses otherwise). */
export function configuredSecretBox(config: Pick<Config, 'secretKeys' | 'dataDir'>): SecretBox {
  return new SecretBox(config.secretKeys.current ?? developmentKey(config.dataDir), config.secretKeys.previous);
}

function developmentKey(dataDir: string): string {
  const file = join(dataDir, DEVELOPMENT_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = newSecretKey();
  // 'wx': two processes starting together must not each write their own key.
  try {
    writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return key;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
