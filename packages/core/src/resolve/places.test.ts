import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordIdentity } from './keys';
import { addressParts } from './places';

const address = (a: Record<string, string | null | undefined>) => recordIdentity('address', a)?.key ?? null;
const business = (a: Record<string, string | null | undefined>) => recordIdentity('business', a)?.key ?? null;

describe('an address as one place', () => {
  it('is one place whether written with its town or its postcode, however the postcode and street are written', () => {
    const withTown = address({ address: '40 Station Road', town: 'Newport' });
    expect(withTown).not.toBeNull();
    for (const other of [
      { address: '40 Station Road', postcode: 'NP20 2DG' },
      { address: '40 Station Rd.', postcode: 'np202dg' },
      { address: '40 Station Road, Newport NP20 2DG' },
      { address: '40, Station Road', town: 'Casnewydd' },
      { address: '40 STATION ROAD NEWPORT' },
    ])
      expect(address(other)).toBe(withTown);
  });

  it('is no place at all without a postcode or a town: a bare street is kept on its own, never a hub', () => {
    expect(address({ address: '86 Park Road' })).toBeNull();
    expect(address({ address: '86 Park Road', postcode: null, town: '' })).toBeNull();
    expect(address({ address: '', town: 'Newport' })).toBeNull();
  });

  it('tells apart other houses, other streets and other towns', () => {
    const home = address({ address: '86 Park Road', town: 'Newport' });
    expect(address({ address: '68 Park Road', town: 'Newport' })).not.toBe(home);
    expect(address({ address: '86 Park Lane', town: 'Newport' })).not.toBe(home);
    expect(address({ address: '86 Park Road', town: 'Pontypool' })).not.toBe(home);
    expect(address({ address: '86 Park Road', postcode: 'NP4 6JH' })).toBe(address({ address: '86 Park Road', town: 'Pontypool' }));
    // A locality posts under its post town: Rogerstone is Newport, Blaina is Abertillery.
    expect(address({ address: '86 Park Road', town: 'Rogerstone' })).toBe(home);
    expect(address({ address: '3 High Street', town: 'Blaina' })).toBe(address({ address: '3 High St', postcode: 'NP13 3AA' }));
  });

  it('takes the postcode and the town out of the line, whatever the spacing and case', () => {
    const spaced = fc.constantFrom('NP20 2DG', 'np20 2dg', 'NP202DG', 'Np20  2Dg');
    fc.assert(
      fc.property(spaced, fc.constantFrom(', ', ' ', ',  '), (postcode, gap) => {
        expect(addressParts({ address: `40 Station Rd${gap}Newport${gap}${postcode}` })).toEqual({
          line: '40 station road',
          postcode: 'NP20 2DG',
          town: 'newport',
        });
      }),
    );
  });
});

describe('a business as one place', () => {
  it('is its name within a post town: its own postcode or town, else the town of the report', () => {
    const plant = business({ name: 'Usk Vale Meats', postcode: 'NP10 8XG' });
    expect(business({ name: 'Usk Vale Meats', town: 'Rogerstone' })).toBe(plant);
    expect(business({ name: 'usk vale meats', reportTown: 'Newport' })).toBe(plant);
    expect(business({ name: 'Usk Vale Meats', address: 'Unit 4, Tredegar Park, Newport NP10 8XG' })).toBe(plant);
    expect(business({ name: 'Usk Vale Meats', town: 'Monmouth' })).not.toBe(plant);
  });

  it('with nowhere named, stays a record of its own', () => {
    expect(business({ name: 'Star Car Wash' })).toBeNull();
    expect(business({ name: '', town: 'Newport' })).toBeNull();
  });
});
