/** A force's area: its local authorities and towns. Configurable so another force can use Harbour. */
export interface Town {
  readonly name: string;
  readonly nameCy: string;
  readonly postcodeDistricts: readonly string[];
  readonly lat: number;
  readonly lon: number;
}

export interface LocalAuthority {
  readonly code: string; // ONS code, e.g. W06000022
  readonly name: string;
  readonly nameCy: string;
  readonly population: number; // mid-year estimate, for weighting synthetic data
  readonly towns: readonly Town[];
}

export interface ForceArea {
  readonly force: string;
  readonly forceCy: string;
  readonly localAuthorities: readonly LocalAuthority[];
}

/** The area's local authority codes, as a validator's list of choices (there is always one). */
export function areaCodes(area: ForceArea): readonly [string, ...string[]] {
  const codes = area.localAuthorities.map((l) => l.code);
  if (codes.length === 0) throw new Error(`The force area ${area.force} has no local authorities`);
  return codes as [string, ...string[]];
}
