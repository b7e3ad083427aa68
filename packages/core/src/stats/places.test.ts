import { describe, expect, it } from 'vitest';
import { GWENT } from '../area/gwent';
import { densityGrid, placeOf } from './places';

const cellArea = (c: { south: number; north: number; west: number; east: number }) =>
  (c.north - c.south) * 111.32 * (c.east - c.west) * 111.32 * Math.cos((((c.north + c.south) / 2) * Math.PI) / 180);
const contains = (c: { south: number; north: number; west: number; east: number }, p: { lat: number; lon: number }) =>
  p.lat >= c.south && p.lat < c.north && p.lon >= c.west && p.lon < c.east;

describe('places on the map', () => {
  it('places a town written in English or Welsh, in any case, at its centre', () => {
    expect(placeOf('ebbw vale', GWENT)).toMatchObject({ name: 'Ebbw Vale', area: 'W06000019', lat: 51.777, lon: -3.207 });
    expect(placeOf('Glynebwy', GWENT)?.name).toBe('Ebbw Vale');
    expect(placeOf('casnewydd', GWENT)?.area).toBe('W06000022');
  });

  it('places a postcode district at the middle of its towns, and nothing it does not know', () => {
    const np23 = placeOf('postcode:NP23', GWENT)!;
    expect(np23.area).toBe('W06000019');
    expect(np23.lat).toBeCloseTo((51.777 + 51.8) / 2, 6);
    expect(placeOf('postcode:SW1', GWENT)).toBeUndefined();
    expect(placeOf('atlantis', GWENT)).toBeUndefined();
    expect(placeOf('', GWENT)).toBeUndefined();
  });
});

describe('hotspot density', () => {
  it('peaks where the reports are, and the surface holds as many reports as were placed', () => {
    const newport = { lat: 51.588, lon: -2.998, n: 40 };
    const cells = densityGrid([newport], { cellKm: 0.5, bandwidthKm: 2, floor: 0 });
    const peak = cells.reduce((a, c) => (c.density > a.density ? c : a));
    expect(Math.abs((peak.north + peak.south) / 2 - newport.lat)).toBeLessThan(0.01);
    expect(Math.abs((peak.east + peak.west) / 2 - newport.lon)).toBeLessThan(0.01);
    const total = cells.reduce((a, c) => a + c.density * cellArea(c), 0);
    expect(total).toBeGreaterThan(40 * 0.97);
    expect(total).toBeLessThan(40 * 1.01);
  });

  it('shows two places far apart as two hotspots, the busier one denser', () => {
    const ebbwVale = { lat: 51.777, lon: -3.207, n: 5 };
    const chepstow = { lat: 51.642, lon: -2.675, n: 20 };
    const cells = densityGrid([ebbwVale, chepstow], { cellKm: 1, bandwidthKm: 1.5 });
    const at = (p: { lat: number; lon: number }) => cells.find((c) => contains(c, p))!.density;
    expect(at(chepstow)).toBeGreaterThan(at(ebbwVale) * 3);
    // Halfway between them there is nothing to draw.
    expect(cells.some((c) => contains(c, { lat: 51.71, lon: -2.94 }))).toBe(false);
  });

  it('draws nothing from nothing', () => {
    expect(densityGrid([])).toEqual([]);
    expect(densityGrid([{ lat: 51.6, lon: -3, n: 0 }])).toEqual([]);
  });
});
