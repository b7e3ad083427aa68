import type { KeyedKind } from '@harbour/contract';
import { bankAccountIdentity, documentIdentity, onlineIdentity } from './identifiers';
import { normalisePhone, normaliseRegistration } from './normalise';
import { addressIdentity, businessIdentity } from './places';

export { KEYED_KINDS, RECORD_KINDS, type KeyedKind, type RecordKind } from '@harbour/contract';

/** A phone, vehicle, business or address as one identity and a label to show, or null when it says too little. */
export interface RecordIdentity {
  readonly key: string;
  readonly label: string;
}

/**
 * Phones, vehicles, businesses and addresses resolve by a normalised identity rather than a model:
 * "07700 900123" and "+44 7700 900123" are one phone, "cu57abc" and "CU57 ABC" one vehicle; a
 * business is its name within a post town, an address its house and street within a post town,
 * and either without a place stays a record of its own (see `places`). Online accounts, bank
 * accounts and documents: see `identifiers`.
 */
export function recordIdentity(kind: KeyedKind, a: Readonly<Record<string, string | null | undefined>>): RecordIdentity | null {
  switch (kind) {
    case 'phone': {
      const number = a['number'] ?? '';
      const e164 = normalisePhone(number);
      const digits = number.replace(/\D/g, '');
      return e164 ? { key: e164, label: e164 } : digits.length >= 5 ? { key: `digits:${digits}`, label: number.trim() } : null;
    }
    case 'vehicle': {
      const plate = normaliseRegistration(a['registration']);
      return plate ? { key: plate, label: plate } : null;
    }
    case 'business':
      return businessIdentity(a);
    case 'address':
      return addressIdentity(a);
    case 'online':
      return onlineIdentity(a);
    case 'bank_account':
      return bankAccountIdentity(a);
    case 'document':
      return documentIdentity(a);
  }
}

/** A person's label: the name as recorded, or a placeholder the interface translates. */
export function personLabel(a: Readonly<Record<string, string | null | undefined>>): string {
  return (
    [a['givenName'], a['familyName']]
      .map((s) => s?.trim())
      .filter(Boolean)
      .join(' ') || UNNAMED_PERSON
  );
}

export const UNNAMED_PERSON = 'unnamed person';

/**
 * The one name a person entity is listed under everywhere (search, entity page, chart), from the
 * labels of its records: the fullest name (most words), then the one recorded most often, then the
 * first in code-unit order. It depends only on which names there are, never on the order they are
 * read in, so every part of Harbour shows the same name for the same records. (Migration 0016 holds
 * the same rule in SQL.)
 */
export function bestPersonLabel(labels: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const label of labels) if (label !== UNNAMED_PERSON) counts.set(label, (counts.get(label) ?? 0) + 1);
  const words = (name: string) => name.split(/\s+/).length;
  let best: [string, number] | undefined;
  for (const entry of counts) {
    if (!best) best = entry;
    else {
      const order = words(entry[0]) - words(best[0]) || entry[1] - best[1] || (entry[0] < best[0] ? 1 : -1);
      if (order > 0) best = entry;
    }
  }
  return best?.[0] ?? UNNAMED_PERSON;
}
