import countries from 'world-countries';

/**
 * Nationality as people write it ("Albanian", "albania", "ALB", "Viet Nam", "Welsh") resolved to a
 * country, so that figures count one nationality once. The country list is world-countries
 * (Mohammed Le Doze, ODbL): codes, names, other spellings, English demonyms and UN regions.
 */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. AL: what Intl.DisplayNames names in any language. */
  readonly code: string;
  readonly alpha3: string;
  readonly name: string;
  readonly region: string;
  readonly subregion: string;
}

const UNITED_KINGDOM = 'GB';

// The nations of the UK and other ways people write it.
const MORE_NAMES: Readonly<Record<string, string>> = {
  welsh: 'GB',
  english: 'GB',
  scottish: 'GB',
  'northern irish': 'GB',
  wales: 'GB',
  england: 'GB',
  scotland: 'GB',
  'northern ireland': 'GB',
  cymru: 'GB',
  cymro: 'GB',
  cymraes: 'GB',
  cymreig: 'GB',
  prydeinig: 'GB',
  uk: 'GB',
  'viet nam': 'VN',
};

const byCode = new Map<string, Country>();
const regionOf = new Map<string, string>();
const byName = new Map<string, string>();

function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

for (const c of countries) {
  const country: Country = { code: c.cca2, alpha3: c.cca3, name: c.name.common, region: c.region, subregion: c.subregion || c.region };
  byCode.set(c.cca2, country);
  if (country.subregion !== country.region) regionOf.set(country.subregion, country.region);
  const names = [c.cca2, c.cca3, c.name.common, c.name.official, ...c.altSpellings, c.demonyms['eng']?.f, c.demonyms['eng']?.m];
  for (const name of names) if (name && !byName.has(key(name))) byName.set(key(name), c.cca2);
}
for (const [name, code] of Object.entries(MORE_NAMES)) byName.set(key(name), code);

/** The country a written nationality names, or undefined when it names none (or is empty). */
export function countryOf(nationality: string | null | undefined): Country | undefined {
  if (!nationality) return undefined;
  const code = byName.get(key(nationality));
  return code ? byCode.get(code) : undefined;
}

/** The country with this ISO alpha-2 code. */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.toUpperCase());
}

/**
 * A nationality told at three levels of detail, for de-identified figures: the UK on its own
 * (most potential victims in UK figures are British), otherwise the UN subregion, then the region.
 */
export function nationalityRegion(code: string | null | undefined, level: 'subregion' | 'region'): string {
  if (!code) return 'Unknown';
  if (code === UNITED_KINGDOM) return 'United Kingdom';
  const country = byCode.get(code);
  if (!country) return 'Unknown';
  return level === 'subregion' ? country.subregion : country.region;
}

/** The region a UN subregion lies in ("Southeast Europe": "Europe"); anything else as it is. */
export function regionOfSubregion(subregion: string): string {
  return regionOf.get(subregion) ?? subregion;
}
