import { REDACTED_MARK, type SharingCategory } from '@harbour/contract';
import { localDate } from '../intake/age';

/** A report linked to a case, as the holding team reads it. */
export interface CaseIntelligence {
  readonly receivedAt: Date;
  readonly grading: string | null;
  readonly handlingConditions: string | null;
  readonly exploitationTypes: readonly string[];
  readonly town: string | null;
  readonly summary: string;
  /** Everyone the report names, in their part: reporters and witnesses are its source. */
  readonly persons: readonly { readonly role: string; readonly givenName: string | null; readonly familyName: string | null }[];
  readonly addresses: readonly { readonly address: string; readonly postcode: string | null }[];
}

/** What a partner agency reads of one: the summary with what its agreement does not allow taken out. */
export interface SharedIntelligence {
  readonly n: number;
  readonly receivedOn: string;
  readonly grading: string;
  /** Set for intelligence graded C: the conditions it is passed on under. */
  readonly handlingConditions: string | null;
  readonly exploitationTypes: readonly string[];
  readonly town: string | null;
  readonly summary: string;
}

export const REDACTED = REDACTED_MARK;

// Numbers and addresses a summary may hold whatever the report's fields say.
const PHONE = /(?:\+|\b00)?\d[\d ()-]{7,}\d/g;
const EMAIL = /[^\s@]+@[^\s@]+\.\p{L}{2,}/gu;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi;

function escaped(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text with each term (a name, an address) replaced wherever it stands as a whole word, in
 * any case; and phone numbers and e-mail addresses always, since none is ever shared.
 */
export function redact(text: string, terms: readonly string[], options: { postcodes: boolean }): string {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
  let out = text;
  if (words.length > 0) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escaped).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, REDACTED);
  }
  out = out.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
  return options.postcodes ? out.replace(POSTCODE, REDACTED) : out;
}

/**
 * The intelligence of a shared case a partner agency may read, and nothing more: only graded
 * reports (the team has assessed them); those graded C only under `intelligence_c`, and then
 * with their handling conditions; the names of its source (reporters, witnesses) never; victims'
 * and suspects' names, and addresses and towns, only as the agreement allows. References are
 * never passed on, so nothing leads back to a report.
 */
export function sharedIntelligence(items: readonly CaseIntelligence[], categories: readonly SharingCategory[]): SharedIntelligence[] {
  const allowed = new Set(categories);
  const shown = items
    .filter((item) => {
      const handling = item.grading?.at(2);
      if (handling === 'P') return true;
      return handling === 'C' && allowed.has('intelligence_c') && item.handlingConditions !== null;
    })
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  return shown.map((item, i) => {
    const hiddenPeople = item.persons.filter(
      (p) => !(p.role === 'potential_victim' && allowed.has('victim_identity')) && !(p.role === 'suspect' && allowed.has('suspect_identity')),
    );
    const names = hiddenPeople.flatMap((p) => {
      const parts = [p.givenName, p.familyName].filter((x): x is string => !!x?.trim());
      return [...parts, parts.join(' ')];
    });
    const places = allowed.has('addresses') ? [] : item.addresses.flatMap((a) => [a.address, ...(a.postcode ? [a.postcode] : [])]);
    return {
      n: i + 1,
      receivedOn: localDate(item.receivedAt),
      grading: item.grading!,
      handlingConditions: item.grading!.endsWith('C') ? item.handlingConditions : null,
      exploitationTypes: [...item.exploitationTypes],
      town: allowed.has('addresses') ? item.town : null,
      summary: redact(item.summary, [...names, ...places], { postcodes: !allowed.has('addresses') }),
    };
  });
}
