import { sql, type RawBuilder } from 'kysely';

/** A reference as typed or read out: any case, with or without spaces and hyphens ("hbr 2026 0000039"). */
export function compactReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The ids of the reports a reference finds: the report's own (HBR-…) or the code its reporter was
 * given, however it was typed. Both sides are compared compacted, through the expression indexes
 * of migration 0020.
 */
export function reportsByReference(text: string): RawBuilder<{ id: string }> {
  const code = compactReference(text);
  return sql<{ id: string }>`
    select id from reports where regexp_replace(upper(reference), '[^A-Z0-9]', '', 'g') = ${code}
    union
    select report_id from report_follow_up where regexp_replace(upper(reference_code), '[^A-Z0-9]', '', 'g') = ${code}`;
}
