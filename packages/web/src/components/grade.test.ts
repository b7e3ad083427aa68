import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeOf, GRADE_PARTS, type Grade } from './grade';

const part = (values: string[]) => fc.constantFrom('', ...values);
const grades = fc.record({ source: part(['1', '2', '3']), assessment: part(['A', 'B', 'C', 'D', 'E']), handling: part(['P', 'C']) });

describe('a 3x5x2 grade chosen part by part', () => {
  it('is whole, absent, or names exactly the parts still to choose', () => {
    fc.assert(
      fc.property(grades, (grade: Grade) => {
        const choice = gradeChoice(grade);
        const empty = GRADE_PARTS.filter((p) => grade[p] === '');
        if (empty.length === 0) expect(choice).toEqual({ kind: 'complete', code: `${grade.source}${grade.assessment}${grade.handling}` });
        else if (empty.length === 3) expect(choice).toEqual({ kind: 'none' });
        else expect(choice).toEqual({ kind: 'partial', missing: empty });
      }),
    );
  });

  it('round-trips a stored code and starts ungraded from anything else', () => {
    expect(gradeChoice(gradeOf('2BP'))).toEqual({ kind: 'complete', code: '2BP' });
    expect(gradeOf('3EC')).toEqual({ source: '3', assessment: 'E', handling: 'C' });
    for (const odd of [null, '', '2B', '4AP', '2BPX']) expect(gradeChoice(gradeOf(odd))).toEqual({ kind: 'none' });
  });
});
