/** What `npm audit --json` answered: a report, or the registry's error. */
export interface AuditReport {
  readonly statusCode?: number;
  readonly message?: string;
  readonly metadata?: { readonly vulnerabilities?: Readonly<Record<string, number>> };
  readonly vulnerabilities?: Readonly<Record<string, { readonly severity: string; readonly name: string }>>;
}

/**
 * Whether the production dependencies pass: no high or critical advisory. A registry with no
 * advisory service passes with that said, unless the audit is `required`.
 */
export function auditVerdict(report: AuditReport, required: boolean): { pass: boolean; lines: string[] } {
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.message ?? 'no report';
    return {
      pass: !required,
      lines: [`audit: not checked: the registry gave no advisories (${why})${required ? '' : '; set HARBOUR_REQUIRE_AUDIT=on to make this fail'}`],
    };
  }
  const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
  const summary = Object.entries(counts)
    .filter(([level]) => level !== 'total')
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
  return { pass: serious.length === 0, lines: [`audit: ${summary} in production dependencies`, ...serious.map((v) => `  ${v.severity}: ${v.name}`)] };
}
