import { describe, expect, it } from 'vitest';
import { countryOf, nationalityRegion } from './nationality';

describe('nationality as written', () => {
  it('resolves names, demonyms, codes and other spellings to one country', () => {
    for (const written of ['Albanian', 'albania', 'ALB', 'AL', ' Republic of Albania ']) expect(countryOf(written)?.code, written).toBe('AL');
    for (const written of ['Vietnamese', 'Viet Nam', 'Vietnam', 'VNM']) expect(countryOf(written)?.code, written).toBe('VN');
    for (const written of ['British', 'Welsh', 'Cymraes', 'UK', 'United Kingdom', 'GBR', 'Northern Irish'])
      expect(countryOf(written)?.code, written).toBe('GB');
    expect(countryOf('Romanian')?.name).toBe('Romania');
    expect(countryOf('Eritrean')?.region).toBe('Africa');
  });

  it('resolves nothing it does not know, and nothing from nothing', () => {
    expect(countryOf('unknown')).toBeUndefined();
    expect(countryOf('')).toBeUndefined();
    expect(countryOf(null)).toBeUndefined();
  });

  it('tells the UK on its own and others by subregion, then region', () => {
    expect(nationalityRegion('GB', 'region')).toBe('United Kingdom');
    expect(nationalityRegion('AL', 'subregion')).toBe('Southeast Europe');
    expect(nationalityRegion('AL', 'region')).toBe('Europe');
    expect(nationalityRegion('VN', 'subregion')).toBe('South-Eastern Asia');
    expect(nationalityRegion(null, 'region')).toBe('Unknown');
  });
});
