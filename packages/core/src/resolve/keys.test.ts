import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPersonLabel, personLabel, UNNAMED_PERSON } from './keys';

describe("a person's name", () => {
  it('is the name as recorded, each part trimmed, or the placeholder', () => {
    expect(personLabel({ givenName: ' Thu Trang ', familyName: 'Vu ' })).toBe('Thu Trang Vu');
    expect(personLabel({ givenName: null, familyName: 'Vu' })).toBe('Vu');
    expect(personLabel({ givenName: '  ', familyName: undefined })).toBe(UNNAMED_PERSON);
  });

  it('is listed under the fullest name, then the one recorded most often, then the first in order', () => {
    expect(bestPersonLabel(['Vu', 'Thu Vu', 'Thu Trang Vu'])).toBe('Thu Trang Vu');
    expect(bestPersonLabel(['Eni Rama', 'Eni Raam', 'Eni Rama'])).toBe('Eni Rama');
    expect(bestPersonLabel(['Eni Rama', 'Eni Raam'])).toBe('Eni Raam');
    expect(bestPersonLabel([UNNAMED_PERSON, 'Vu'])).toBe('Vu');
    expect(bestPersonLabel([UNNAMED_PERSON])).toBe(UNNAMED_PERSON);
    expect(bestPersonLabel([])).toBe(UNNAMED_PERSON);
  });

  it('does not depend on the order the records are read in', () => {
    const name = fc.constantFrom('Eni Rama', 'Eni Raam', 'Eni', 'Rama', 'Eni B Rama', 'Иван Петров', 'Ivan Petrov', UNNAMED_PERSON);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (names, picks) => {
        const shuffled = [...names];
        // Fisher–Yates with the drawn numbers, so fast-check can shrink a failing order.
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = picks.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const best = bestPersonLabel(names);
        expect(bestPersonLabel(shuffled)).toBe(best);
        if (names.some((n) => n !== UNNAMED_PERSON)) expect(names).toContain(best);
      }),
    );
  });
});
