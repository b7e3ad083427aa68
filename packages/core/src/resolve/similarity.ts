import { distance } from 'fastest-levenshtein';

/** Edit distance (insertions, deletions, substitutions); fastest-levenshtein does the work. */
export const levenshtein: (a: string, b: string) => number = distance;

const MATCHED = new Uint8Array(256);
const MATCHED_B = new Uint8Array(256);

/**
 * Jaro–Winkler similarity in [0, 1] (Winkler's prefix scale 0.1, up to 4 characters). Written here
 * because it runs in the inner loop of resolution over millions of pairs: no allocation per call
 * for strings up to 256 characters.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const long = la > 256 || lb > 256;
  const ma = long ? new Uint8Array(la) : MATCHED;
  const mb = long ? new Uint8Array(lb) : MATCHED_B;
  if (!long) {
    ma.fill(0, 0, la);
    mb.fill(0, 0, lb);
  }
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (mb[j] === 0 && b.charCodeAt(j) === c) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const most = Math.min(4, la, lb);
  while (prefix < most && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
