import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBand, broadAgeBand, equivalenceClasses, kAnonymise, WITHHELD, type Row } from './k-anonymity';

const QUASI = ['age', 'gender', 'nationality', 'area'];

const rows = fc.array(
  fc.record({
    id: fc.uuid(),
    age: fc.constantFrom('0–8', '9–17', '18–20', '21–23', '30–38', '48+', 'Unknown'),
    gender: fc.constantFrom('female', 'male', 'unknown'),
    nationality: fc.constantFrom('United Kingdom', 'Southeast Europe', 'Eastern Europe', 'South-Eastern Asia', 'Western Africa'),
    area: fc.constantFrom('Newport', 'Caerphilly', 'Torfaen', 'Monmouthshire', 'Blaenau Gwent'),
    exploitation: fc.constantFrom('sexual', 'labour', 'criminal'),
  }),
  { maxLength: 200 },
);
const steps = [
  { field: 'age', to: broadAgeBand },
  { field: 'nationality', to: (v: string) => (v.endsWith('Europe') ? 'Europe' : v.endsWith('Asia') ? 'Asia' : v.endsWith('Africa') ? 'Africa' : v) },
];

describe('k-anonymity', () => {
  it('bands ages as the Counter Trafficking Data Collaborative does, and broadens them to child or adult', () => {
    expect([0, 8, 9, 17, 18, 20, 21, 29, 30, 38, 39, 47, 48, 90].map(ageBand)).toEqual([
      '0–8',
      '0–8',
      '9–17',
      '9–17',
      '18–20',
      '18–20',
      '21–23',
      '27–29',
      '30–38',
      '30–38',
      '39–47',
      '39–47',
      '48+',
      '48+',
    ]);
    expect(ageBand(null)).toBe('Unknown');
    expect(['0–8', '9–17', '24–26', '48+', 'Unknown', 'Child (0–17)'].map(broadAgeBand)).toEqual([
      'Child (0–17)',
      'Child (0–17)',
      'Adult (18+)',
      'Adult (18+)',
      'Unknown',
      'Child (0–17)',
    ]);
  });

  it('generalises only the rows in small groups, and leaves out what cannot be hidden', () => {
    const common = Array.from({ length: 3 }, (_, i) => ({ id: `c${i}`, age: '21–23', gender: 'female', nationality: 'Southeast Europe', area: 'Newport' }));
    const rare = [
      { id: 'r1', age: '9–17', gender: 'female', nationality: 'Western Africa', area: 'Newport' },
      { id: 'r2', age: '0–8', gender: 'female', nationality: 'Western Africa', area: 'Newport' },
      { id: 'r3', age: '48+', gender: 'male', nationality: 'Eastern Asia', area: 'Torfaen' },
    ];
    const result = kAnonymise([...common, ...rare], QUASI, 2, steps);
    // The common group keeps its detail; the two girls share a group once their ages are broad;
    // the man is alone whatever is withheld of him, and is left out.
    expect(result.rows.filter((r) => r.id.startsWith('c')).every((r) => r.age === '21–23')).toBe(true);
    expect(result.rows.filter((r) => r.id === 'r1' || r.id === 'r2').map((r) => r.age)).toEqual(['Child (0–17)', 'Child (0–17)']);
    expect(result.rows.map((r) => r.id)).not.toContain('r3');
    expect(result.left).toBe(1);
  });

  it('counts every equivalence class of the result: each has at least k rows', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 15 }), (input, k) => {
        const result = kAnonymise(input, QUASI, k, steps);
        for (const size of equivalenceClasses(result.rows, QUASI).values()) expect(size).toBeGreaterThanOrEqual(k);
        expect(result.rows.length + result.left).toBe(input.length);
      }),
    );
  });

  it('never changes a field that is not a quasi-identifier, nor a row already in a group of k', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 11 }), (input, k) => {
        const before = equivalenceClasses(input, QUASI);
        const byId = new Map<string, Row>(input.map((r) => [r.id, r]));
        for (const row of kAnonymise<Row>(input, QUASI, k, steps).rows) {
          const original = byId.get(row.id!)!;
          expect(row.exploitation).toBe(original.exploitation);
          if (before.get(JSON.stringify(QUASI.map((f) => original[f])))! >= k) expect(row).toEqual(original);
          else
            for (const f of QUASI) if (row[f] !== original[f]) expect([WITHHELD, 'Child (0–17)', 'Adult (18+)', 'Europe', 'Asia', 'Africa']).toContain(row[f]);
        }
      }),
    );
  });

  it('refuses a k below 1 and a step on a field that is not a quasi-identifier', () => {
    expect(() => kAnonymise([], QUASI, 0)).toThrow(/k must be/);
    expect(() => kAnonymise([], QUASI, 11, [{ field: 'exploitation', to: () => WITHHELD }])).toThrow(/not a quasi-identifier/);
  });
});
