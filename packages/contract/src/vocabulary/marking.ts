/**
 * Government Security Classifications as a force marks what leaves Harbour: OFFICIAL for what may
 * go to the public (figures with small counts suppressed), OFFICIAL-SENSITIVE for anything that
 * holds personal data, intelligence, or case-level rows about potential victims, however
 * de-identified. A file carries the marking of its most sensitive content, on every page.
 */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];

/** What an export holds, as far as its marking goes. */
export interface ExportContent {
  /** Names, dates of birth, phones, addresses: anyone could be identified. */
  readonly personal?: boolean;
  /** Graded intelligence or its handling conditions. */
  readonly intelligence?: boolean;
  /** One row per potential victim or report, even de-identified. */
  readonly caseLevel?: boolean;
  /** Counts shown as they are, small ones included (a team's own figures). */
  readonly unsuppressedCounts?: boolean;
}

export function protectiveMarking(content: ExportContent): ProtectiveMarking {
  const sensitive = content.personal || content.intelligence || content.caseLevel || content.unsuppressedCounts;
  return sensitive ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
}
