import { isGrading } from '@harbour/contract/vocabulary';
/** The three parts of a 3x5x2 intelligence grade, in the order the code is written ("2BP"). */
export const GRADE_PARTS = ['source', 'assessment', 'handling'] as const;
export type GradePart = (typeof GRADE_PARTS)[number];
export type Grade = Record<GradePart, string>;

/** The select each part is chosen in, so a problem can link to it. */
export const GRADE_FIELD_IDS: Record<GradePart, string> = { source: 'gradeSource', assessment: 'gradeAssessment', handling: 'gradeHandling' };

export type GradeChoice = { kind: 'none' } | { kind: 'complete'; code: string } | { kind: 'partial'; missing: GradePart[] };

/**
 * What the three selects amount to: no grade (leave the report as it is), a whole code, or part of
 * one. A part-grade is never sent: "2B" alone means nothing to a reader of the intelligence.
 */
export function gradeChoice(grade: Grade): GradeChoice {
  const missing = GRADE_PARTS.filter((part) => grade[part] === '');
  if (missing.length === GRADE_PARTS.length) return { kind: 'none' };
  if (missing.length > 0) return { kind: 'partial', missing };
  return { kind: 'complete', code: GRADE_PARTS.map((part) => grade[part]).join('') };
}

/** A stored code split back into its parts; anything not a 3x5x2 code starts ungraded. */
export function gradeOf(code: string | null): Grade {
  if (!isGrading(code)) return { source: '', assessment: '', handling: '' };
  return { source: code[0]!, assessment: code[1]!, handling: code[2]! };
}
