import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GWENT } from '../area/gwent';
import { readEstablishmentFile, readUnitsFile } from './establishment-file';

const lines = (...records: string[][]) => records.map((record, i) => ({ record, line: i + 1 }));
const UNITS = new Set(['NPT-RESP', 'CAE-NHP']);

describe('the units file', () => {
  it('reads codes, names and the local authority by name or code, whatever the headings’ case', () => {
    const read = readUnitsFile(
      lines(
        ['Unit Code', 'Unit name', 'Council'],
        ['npt-resp', 'Newport response', 'Newport City Council'],
        ['CAE-NHP', 'Caerphilly NHP', 'W06000018'],
        ['HQ', 'Headquarters', ''],
      ),
      GWENT,
    );
    expect(read.problems).toEqual([]);
    expect(read.units).toEqual([
      { code: 'NPT-RESP', name: 'Newport response', localAuthority: 'W06000022' },
      { code: 'CAE-NHP', name: 'Caerphilly NHP', localAuthority: 'W06000018' },
      { code: 'HQ', name: 'Headquarters', localAuthority: null },
    ]);
  });

  it('takes nothing from a file with a bad row, and names each problem by line and column', () => {
    const read = readUnitsFile(lines(['code', 'name', 'local authority'], ['A1', 'One', 'Cardiff'], ['a1', 'Again', ''], ['', '', '']), GWENT);
    expect(read.units).toEqual([]);
    expect(read.problems).toEqual([
      { line: 2, column: 'local authority', reason: expect.stringContaining('"Cardiff" is not a local authority of Gwent Police') },
      { line: 3, column: 'code', reason: 'The code a1 is given already, on line 2' },
      { line: 4, column: 'code', reason: 'Give the unit’s code' },
      { line: 4, column: 'name', reason: 'Give the unit’s name' },
    ]);
    expect(readUnitsFile(lines(['unit'], ['A']), GWENT).problems[0]).toMatchObject({
      line: 1,
      column: null,
      reason: expect.stringContaining('no "name" column'),
    });
  });
});

describe('the establishment file', () => {
  it('reads each colleague, the staff number and unit as codes and the email in lower case', () => {
    const read = readEstablishmentFile(
      lines(
        ['Staff No', 'Full name', 'Email address', 'Station'],
        ['g1234', 'PC Rhian Davies', 'PC.Davies@Gwent.Police.example', 'npt-resp'],
        ['G5678', 'PC Tom Lewis', '', 'CAE-NHP'],
      ),
      UNITS,
    );
    expect(read.problems).toEqual([]);
    expect(read.colleagues).toEqual([
      { staffNumber: 'G1234', name: 'PC Rhian Davies', email: 'pc.davies@gwent.police.example', unitCode: 'NPT-RESP' },
      { staffNumber: 'G5678', name: 'PC Tom Lewis', email: null, unitCode: 'CAE-NHP' },
    ]);
  });

  it('names every bad row, and takes none: a file of the whole force cannot be taken in part', () => {
    const read = readEstablishmentFile(
      lines(['staff number', 'name', 'email', 'unit'], ['G1', 'A', 'not-an-email', 'NPT-RESP'], ['g1', 'B', '', 'NPT-RESP'], ['G2', '', '', 'NOWHERE']),
      UNITS,
    );
    expect(read.colleagues).toEqual([]);
    expect(read.problems).toEqual([
      { line: 2, column: 'email', reason: '"not-an-email" is not an email address' },
      { line: 3, column: 'staff number', reason: 'The staff number g1 is given already, on line 2' },
      { line: 4, column: 'name', reason: 'Give the colleague’s name' },
      { line: 4, column: 'unit', reason: 'No unit has the code NOWHERE: add it to the units first' },
    ]);
  });

  const colleague = fc.record({
    staffNumber: fc.stringMatching(/^[A-Z0-9][A-Z0-9/-]{0,19}$/),
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0),
    email: fc.option(
      fc
        .emailAddress()
        .map((e) => e.toLowerCase())
        .filter((e) => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(e)),
      { nil: null },
    ),
    unitCode: fc.constantFrom(...UNITS),
  });
  const establishment = fc.uniqueArray(colleague, { minLength: 1, maxLength: 30, selector: (c) => c.staffNumber });

  it('reads back any well-formed establishment exactly, and refuses it whole with one row spoilt, naming that line', () => {
    fc.assert(
      fc.property(establishment, fc.nat(), fc.constantFrom('staffNumber', 'name', 'unitCode'), (colleagues, which, spoil) => {
        const rows = [['staff number', 'name', 'email', 'unit code'], ...colleagues.map((c) => [c.staffNumber, c.name, c.email ?? '', c.unitCode])];
        expect(readEstablishmentFile(lines(...rows), UNITS)).toEqual({ colleagues, problems: [] });
        const bad = 1 + (which % colleagues.length);
        const column = { staffNumber: 0, name: 1, unitCode: 3 }[spoil];
        rows[bad] = rows[bad]!.map((v, i) => (i === column ? '' : v));
        const read = readEstablishmentFile(lines(...rows), UNITS);
        expect(read.colleagues).toEqual([]);
        expect(read.problems.map((p) => p.line)).toEqual([bad + 1]);
      }),
    );
  });
});
