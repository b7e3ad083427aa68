/** A comparison level's translation key: "jaro-winkler ≥ 0.9" → "jaro_winkler_0_9" (keys cannot hold dots). */
export function levelKey(level: string): string {
  return level
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
