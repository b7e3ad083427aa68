import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GWENT } from '../area/gwent';
import {
  IMPORT_FIELDS,
  localAuthorityReader,
  mappingProblems,
  parseDay,
  readExploitationTypes,
  readImportRow,
  rowKey,
  suggestMapping,
  type DateOrder,
  type ImportField,
  type ImportMapping,
} from './bulk-import';
import { decodeText, detectDelimiter } from './text-encoding';

const area = localAuthorityReader(GWENT);
const context = { area, today: '2026-11-30' };

function mapping(columns: (ImportField | null)[], dateOrder: DateOrder = 'dmy'): ImportMapping {
  return { columns, dateOrder, source: 'partner' };
}

describe('dates as spreadsheets write them', () => {
  it.each([
    ['2026-01-31', 'dmy', '2026-01-31'],
    ['2026-01-31T09:30:00Z', 'dmy', '2026-01-31'],
    ['31/01/2026', 'dmy', '2026-01-31'],
    ['31-1-26', 'dmy', '2026-01-31'],
    ['31.01.2026', 'dmy', '2026-01-31'],
    ['01/31/2026', 'mdy', '2026-01-31'],
    ['2026/01/31', 'ymd', '2026-01-31'],
    ['5/3/99', 'dmy', '1999-03-05'],
    ['31 January 2026', 'mdy', '2026-01-31'],
    ['1st Mar 2026', 'dmy', '2026-03-01'],
    ['Jan 31, 2026', 'dmy', '2026-01-31'],
    ['3 Mawrth 2026', 'dmy', '2026-03-03'],
    ['14/02/2024 10:15', 'dmy', '2024-02-14'],
  ] as const)('%s (%s) is %s', (text, order, day) => {
    expect(parseDay(text, order)).toEqual({ day });
  });

  it.each([
    ['31/02/2026', 'dmy', 'is not a day of the calendar'],
    ['01/31/2026', 'dmy', 'has no month 31'],
    ['yesterday', 'dmy', 'is not a date'],
    ['3 Smarch 2026', 'dmy', 'is not a month'],
    ['1/1/202', 'dmy', 'three-digit year'],
  ] as const)('%s is refused: %s', (text, order, reason) => {
    const read = parseDay(text, order);
    expect('problem' in read && read.problem).toContain(reason);
  });

  it('reads back every day written in each order', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2069-12-31'), noInvalidDate: true }),
        fc.constantFrom(...(['dmy', 'mdy', 'ymd'] as const)),
        (date, order) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const written = order === 'dmy' ? `${d}/${m}/${y}` : order === 'mdy' ? `${m}/${d}/${y}` : `${y}/${m}/${d}`;
          expect(parseDay(written, order)).toEqual({ day: iso });
        },
      ),
    );
  });

  it('never throws, and answers a day or a reason that quotes what was written', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...(['dmy', 'mdy', 'ymd'] as const)), (text, order) => {
        const read = parseDay(text, order);
        if ('day' in read) expect(read.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(read.problem.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('exploitation types and local authorities', () => {
  it('reads several types in one cell, in English or Welsh', () => {
    expect(readExploitationTypes('Sexual exploitation; County Lines')).toEqual({ types: ['sexual', 'criminal'] });
    expect(readExploitationTypes('labour and domestic servitude')).toEqual({ types: ['labour', 'domestic_servitude'] });
    expect(readExploitationTypes('llafur')).toEqual({ types: ['labour'] });
    expect(readExploitationTypes('Forced begging')).toEqual({ types: ['criminal'] });
    expect(readExploitationTypes('not known, sexual')).toEqual({ types: ['sexual'] });
    expect(readExploitationTypes('')).toEqual({ types: ['unknown'] });
    const fishing = readExploitationTypes('fishing');
    expect('problem' in fishing && fishing.problem).toContain('"fishing" is not an exploitation type');
  });

  it('knows each authority by code, English or Welsh name, and with "council"', () => {
    expect(area('Newport')).toEqual({ code: 'W06000022' });
    expect(area('Casnewydd')).toEqual({ code: 'W06000022' });
    expect(area('Newport City Council')).toEqual({ code: 'W06000022' });
    expect(area('blaenau-gwent')).toEqual({ code: 'W06000019' });
    expect(area('Caerphilly County Borough Council')).toEqual({ code: 'W06000018' });
    expect(area('W06000020')).toEqual({ code: 'W06000020' });
    const cardiff = area('Cardiff');
    expect('problem' in cardiff && cardiff.problem).toContain('"Cardiff" is not a local authority of');
  });
});

describe('a row read as a referral', () => {
  const header = ['Ref', 'Date', 'Type', 'Local authority', 'Postcode', 'Name', 'DOB', 'Gender', 'Phone', 'Notes', 'Internal flag'];
  const columns = suggestMapping(header);

  it('guesses the mapping from headings and leaves the rest out', () => {
    expect(columns).toEqual([
      'reference',
      'received',
      'exploitation_type',
      'local_authority',
      'postcode',
      'victim_name',
      'victim_dob',
      'victim_gender',
      'victim_phone',
      'summary',
      null,
    ]);
  });

  it('keeps what the agency chose before, leaving out included, and gives a field to one column only', () => {
    expect(suggestMapping(['Name', 'Client', 'Area'], { client: 'victim_name', area: null })).toEqual([null, 'victim_name', null]);
  });

  it('reads a good row whole', () => {
    const read = readImportRow(
      header,
      mapping(columns),
      ['P-17', '14/02/2026', 'labour', 'Torfaen', 'np4 6aa', 'Popescu, Ana', '03/05/2009', 'F', '07700 900123', 'Found at a car wash', 'x'],
      context,
    );
    expect(read.kind).toBe('referral');
    if (read.kind !== 'referral') return;
    expect(read.referral).toMatchObject({
      reference: 'P-17',
      received: '2026-02-14',
      exploitationTypes: ['labour'],
      localAuthority: 'W06000020',
      postcode: 'NP4 6AA',
      involvesChild: true,
      summary: 'Found at a car wash',
      victim: { givenName: 'Ana', familyName: 'Popescu', dob: '2009-05-03', gender: 'female', phone: '07700 900123' },
    });
  });

  it('names every problem in a row: field, column and reason', () => {
    const read = readImportRow(
      header,
      mapping(columns),
      ['P-18', '31/02/2026', 'fishing', 'Cardiff', 'XYZ', 'A B', '01/01/2030', 'maybe', 'call me', '', ''],
      context,
    );
    expect(read.kind).toBe('refused');
    if (read.kind !== 'refused') return;
    expect(read.problems.map((p) => [p.field, p.column])).toEqual([
      ['received', 'Date'],
      ['exploitation_type', 'Type'],
      ['local_authority', 'Local authority'],
      ['postcode', 'Postcode'],
      ['victim_dob', 'DOB'],
      ['victim_gender', 'Gender'],
      ['victim_phone', 'Phone'],
    ]);
  });

  it('refuses a date in the future and a row whose cells do not match the header', () => {
    const future = readImportRow(['Date'], mapping(['received']), ['01/12/2026'], context);
    expect(future.kind === 'refused' && future.problems[0]!.reason).toBe('2026-12-01 is in the future');
    const short = readImportRow(header, mapping(columns), ['P-19', '14/02/2026'], context);
    expect(short.kind === 'refused' && short.problems[0]!.reason).toBe('the row has 2 cells where the header has 11');
  });

  it('treats a row with nothing in its mapped cells as empty', () => {
    expect(readImportRow(header, mapping(columns), ['', '', '', '', '', '', '', '', '', '', 'flag'], context)).toEqual({ kind: 'empty' });
  });

  it('never throws on any cells, and every problem names a mapped field or the row', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 0, maxLength: 13 }), (cells) => {
        const read = readImportRow(header, mapping(columns), cells, context);
        if (read.kind === 'refused') for (const p of read.problems) expect(p.field === null || columns.includes(p.field)).toBe(true);
      }),
    );
  });

  it('keys a row by its reference when it has one, otherwise by all it says', () => {
    expect(rowKey({ reference: 'P-1', summary: 'a' })).toBe(rowKey({ reference: ' p-1 ', summary: 'b' }));
    expect(rowKey({ summary: 'Seen  at the farm' })).toBe(rowKey({ summary: 'seen at the farm ' }));
    expect(rowKey({ summary: 'seen at the farm' })).not.toBe(rowKey({ summary: 'seen at the farm', town: 'Usk' }));
  });

  it('finds a field mapped twice, or nothing mapped', () => {
    expect(mappingProblems(['A', 'B'], mapping(['town', 'town']))[0]).toMatchObject({ field: 'town', column: 'B' });
    expect(mappingProblems(['A'], mapping([null]))[0]!.reason).toBe('no column is mapped to a field');
    expect(IMPORT_FIELDS).toContain('received');
  });
});

describe('file text', () => {
  it('reads Windows-1252 when the bytes are not UTF-8, and UTF-8 (with or without its mark) when they are', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcŵŷâêéèüöñ€£’ ,;"\n'.split('')), maxLength: 40 }), (text) => {
        expect(decodeText(new Uint8Array(Buffer.from(text, 'utf8'))).text).toBe(text);
        expect(decodeText(new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8')))).toEqual({ text, encoding: 'utf-8' });
        const westernText = text.replace(/[ŵŷ]/g, 'w');
        const bytes = new Uint8Array(iconv.encode(westernText, 'windows-1252'));
        // A few Windows-1252 texts are also valid UTF-8 ("è££" is the bytes of "裣"): the bytes
        // alone cannot tell, and they are read as UTF-8 (the encoding can be chosen on the page).
        expect(decodeText(bytes).text).toBe(isUtf8(bytes) ? Buffer.from(bytes).toString('utf8') : westernText);
      }),
    );
    expect(decodeText(new Uint8Array(iconv.encode('è££', 'windows-1252')))).toEqual({ text: '裣', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(iconv.encode('Zoë £5', 'windows-1252')))).toEqual({ text: 'Zoë £5', encoding: 'windows-1252' });
  });

  it('finds the separator the header uses, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
