import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consonantSkeleton, isAbjad, normaliseName, normalisePhone, normalisePostcode, normaliseRegistration, parseDob, storedPostcode } from './normalise';

describe('names', () => {
  it('removes accents and case, joins apostrophes, and transliterates other scripts', () => {
    expect(normaliseName('  Siân  ')).toBe('sian');
    expect(normaliseName("O'Brien-Smith")).toBe('obrien smith');
    expect(normaliseName('Nguyễn Văn Minh')).toBe('nguyen van minh');
    expect(normaliseName('Đặng')).toBe('dang');
    expect(normaliseName('Wiśniewski')).toBe('wisniewski');
    expect(normaliseName('Ștefan')).toBe('stefan');
    expect(normaliseName('Иван Петров')).toBe('ivan petrov');
    expect(normaliseName('张伟')).toBe('zhangwei');
    expect(normaliseName('محمد')).toBe('mhmd');
    expect(normaliseName('Łukasz 2nd')).toBe('lukasz nd');
    expect(normaliseName('')).toBe('');
    expect(normaliseName(null)).toBe('');
  });

  it('compares an Arabic-script name with its Latin spellings by consonants', () => {
    expect(isAbjad('محمد')).toBe(true);
    expect(isAbjad('Mohammed')).toBe(false);
    const latin = ['mohammed', 'muhammad', 'mohamed', 'mohamad'].map(consonantSkeleton);
    expect(new Set([...latin, consonantSkeleton(normaliseName('محمد'))])).toEqual(new Set(['mhmd']));
    expect(consonantSkeleton(normaliseName('يوسف'))).toBe(consonantSkeleton('yousif'));
    expect(consonantSkeleton(normaliseName('عبدالرحمن'))).toBe(consonantSkeleton('abdelrahman'));
  });

  it('is idempotent and yields only lower-case letters and single spaces, for any input (mixed scripts, very long, empty)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant('x'.repeat(10_000))), (raw) => {
        const once = normaliseName(raw);
        expect(once).toMatch(/^([a-z]+( [a-z]+)*)?$/);
        expect(normaliseName(once)).toBe(once);
      }),
    );
  });
});

describe('phones', () => {
  it('writes UK numbers in E.164 whatever the format, and refuses what cannot be a number', () => {
    for (const written of ['07700 900123', '07700900123', '+447700900123', '0044 7700 900123', '(07700) 900 123', '+44 (0)7700 900123', '07700-900-123']) {
      expect(normalisePhone(written), written).toBe('+447700900123');
    }
    expect(normalisePhone('01633 838111')).toBe('+441633838111');
    expect(normalisePhone('+48 512 345 678')).toBe('+48512345678');
    expect(normalisePhone('call me')).toBeNull();
    expect(normalisePhone('123')).toBeNull();
    expect(normalisePhone('')).toBeNull();
  });

  it('never throws, and anything it accepts is E.164', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const e164 = normalisePhone(raw);
        if (e164 !== null) expect(e164).toMatch(/^\+\d{6,15}$/);
      }),
    );
  });
});

describe('postcodes, registrations and dates of birth', () => {
  it('puts postcodes and registrations in one form', () => {
    expect(normalisePostcode('np201ab')).toBe('NP20 1AB');
    expect(normalisePostcode(' NP20   1AB ')).toBe('NP20 1AB');
    expect(normalisePostcode('np44')).toBe('NP44');
    expect(normalisePostcode('not a postcode')).toBeNull();
    expect(normaliseRegistration('cu57 abc')).toBe('CU57ABC');
    expect(normaliseRegistration('-')).toBeNull();
  });

  it('stores a postcode one way however it was typed, and keeps one that is not a UK postcode as written', () => {
    const letters = fc.constantFrom(...'ABCDEFGHJKLMNPRSTUWYZ');
    const postcode = fc
      .tuple(
        fc.array(letters, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 1, max: 9 }),
        fc.option(letters, { nil: '' }),
        fc.integer({ min: 0, max: 9 }),
        letters,
        letters,
      )
      .map(([area, district, sub, sector, u1, u2]) => ({ outward: `${area.join('')}${district}${sub}`, inward: `${sector}${u1}${u2}` }));
    const typed = fc.tuple(postcode, fc.constantFrom('', ' ', '  ', '\t'), fc.boolean(), fc.constantFrom('', ' '));
    fc.assert(
      fc.property(typed, ([{ outward, inward }, gap, lower, pad]) => {
        const written = `${pad}${outward}${gap}${inward}${pad}`;
        expect(storedPostcode(lower ? written.toLowerCase() : written)).toBe(`${outward} ${inward}`);
      }),
    );
    expect(storedPostcode('np20')).toBe('NP20');
    expect(storedPostcode('  Paris  75008 ')).toBe('PARIS 75008');
    expect(storedPostcode('   ')).toBeNull();
    expect(storedPostcode(undefined)).toBeNull();
  });

  it('reads the usual ways of writing a date of birth, and only real dates', () => {
    const april3 = { y: 1990, m: 4, d: 3 };
    for (const written of ['1990-04-03', '19900403', '03/04/1990', '3.4.1990', '3/4/90', '1990-04-03T00:00:00Z'])
      expect(parseDob(written), written).toEqual(april3);
    expect(parseDob('2000-02-29')).toEqual({ y: 2000, m: 2, d: 29 });
    for (const wrong of ['1990-02-30', '1990-13-01', '1799-01-01', 'yesterday', '', '31/02/1990']) expect(parseDob(wrong), wrong).toBeNull();
  });
});
