import type { ForceArea } from '../area/force-area';

/**
 * Where reports are, for the map. Harbour holds a report's town and postcode, not its exact
 * position, so a report is placed at its town's centre (or, with only a postcode, at the centre
 * of the towns of its postcode district); one with neither is counted in its area but not placed.
 */
export interface Place {
  /** The tally's key: a town as written (lower case) or 'postcode:NP20'. */
  readonly key: string;
  readonly name: string;
  readonly nameCy: string;
  readonly area: string;
  readonly lat: number;
  readonly lon: number;
}

/** The place a tally key stands for in this force's area, if it is one the area knows. */
export function placeOf(key: string, area: ForceArea): Place | undefined {
  if (key.startsWith('postcode:')) {
    const district = key.slice('postcode:'.length).toUpperCase();
    for (const la of area.localAuthorities) {
      const towns = la.towns.filter((t) => t.postcodeDistricts.includes(district));
      if (towns.length === 0) continue;
      const lat = towns.reduce((a, t) => a + t.lat, 0) / towns.length;
      const lon = towns.reduce((a, t) => a + t.lon, 0) / towns.length;
      return { key, name: district, nameCy: district, area: la.code, lat, lon };
    }
    return undefined;
  }
  const written = key.trim().toLowerCase();
  for (const la of area.localAuthorities)
    for (const t of la.towns)
      if (t.name.toLowerCase() === written || t.nameCy.toLowerCase() === written)
        return { key, name: t.name, nameCy: t.nameCy, area: la.code, lat: t.lat, lon: t.lon };
  return undefined;
}

export interface DensityCell {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
  /** Reports per square kilometre, smoothed. */
  readonly density: number;
}

const KM_PER_DEGREE = 111.32;

/**
 * A hotspot surface: kernel density (Gaussian, bandwidth `bandwidthKm`) of weighted points, on a
 * grid of `cellKm` squares covering every point with three bandwidths to spare. Cells below
 * `floor` of the highest density are left out, so the surface draws only where there is something.
 */
export function densityGrid(
  points: readonly { lat: number; lon: number; n: number }[],
  options: { cellKm?: number; bandwidthKm?: number; floor?: number } = {},
): DensityCell[] {
  const cellKm = options.cellKm ?? 1;
  const h = options.bandwidthKm ?? 2;
  const floor = options.floor ?? 0.02;
  const weighted = points.filter((p) => p.n > 0);
  if (weighted.length === 0) return [];
  const midLat = weighted.reduce((a, p) => a + p.lat, 0) / weighted.length;
  const kmPerLon = KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180);
  const dLat = cellKm / KM_PER_DEGREE;
  const dLon = cellKm / kmPerLon;
  const margin = 3 * h;
  const south = Math.min(...weighted.map((p) => p.lat)) - margin / KM_PER_DEGREE;
  const north = Math.max(...weighted.map((p) => p.lat)) + margin / KM_PER_DEGREE;
  const west = Math.min(...weighted.map((p) => p.lon)) - margin / kmPerLon;
  const east = Math.max(...weighted.map((p) => p.lon)) + margin / kmPerLon;
  const rows = Math.ceil((north - south) / dLat);
  const columns = Math.ceil((east - west) / dLon);
  const norm = 1 / (2 * Math.PI * h * h);
  const cells: DensityCell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const lat = south + (r + 0.5) * dLat;
      const lon = west + (c + 0.5) * dLon;
      let density = 0;
      for (const p of weighted) {
        const dy = (lat - p.lat) * KM_PER_DEGREE;
        const dx = (lon - p.lon) * kmPerLon;
        const d2 = dx * dx + dy * dy;
        if (d2 < 9 * h * h) density += p.n * norm * Math.exp(-d2 / (2 * h * h));
      }
      cells.push({ south: south + r * dLat, west: west + c * dLon, north: south + (r + 1) * dLat, east: west + (c + 1) * dLon, density });
    }
  const highest = Math.max(...cells.map((c) => c.density));
  return cells.filter((c) => c.density >= highest * floor);
}
