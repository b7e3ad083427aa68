/**
 * The 3x5x2 intelligence grade written as one code ("2BP"): source evaluation 1–3, intelligence
 * assessment A–E, handling P (lawful sharing permitted) or C (conditions apply).
 */
export const SOURCE_EVALUATIONS = ['1', '2', '3'] as const;
export const INTELLIGENCE_ASSESSMENTS = ['A', 'B', 'C', 'D', 'E'] as const;
export const HANDLING_CODES = ['P', 'C'] as const;

export const GRADING_PATTERN = /^[123][A-E][PC]$/;

export function isGrading(code: string | null | undefined): code is string {
  return typeof code === 'string' && GRADING_PATTERN.test(code);
}
