import { bankAccountIdentity, documentIdentity, onlineIdentity } from './identifiers';
import { normalisePhone, normalisePostcode, normaliseRegistration, normaliseText, postcodeDistrict } from './normalise';

export const KEYED_KINDS = ['phone', 'vehicle', 'business', 'address', 'online', 'bank_account', 'document'] as const;
export type KeyedKind = (typeof KEYED_KINDS)[number];
/** Every kind of entity in the picture: people, resolved by the match model, and the keyed kinds. */
export const RECORD_KINDS = ['person', ...KEYED_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A phone, vehicle, business or address as one identity and a label to show, or null when it says too little. */
export interface RecordIdentity {
  readonly key: string;
  readonly label: string;
}

/**
 * Phones, vehicles, businesses and addresses resolve by a normalised identity rather than a model:
 * "07700 900123" and "+44 7700 900123" are one phone, "cu57abc" and "CU57 ABC" one vehicle; a
 * business is its name within a postcode district (chains have many branches), an address its
 * text within its postcode. Online accounts, bank accounts and documents: see `identifiers`.
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
    case 'business': {
      const name = normaliseText(a['name']);
      if (!name) return null;
      const postcode = normalisePostcode(a['postcode']);
      const where = postcode ? postcodeDistrict(postcode) : normaliseText(a['town']);
      return { key: `${name}|${where}`, label: [a['name']?.trim(), postcode ?? a['town']?.trim()].filter(Boolean).join(', ') };
    }
    case 'address': {
      const text = normaliseText(a['address']);
      if (!text) return null;
      const postcode = normalisePostcode(a['postcode']);
      return { key: `${text}|${postcode ?? normaliseText(a['town'])}`, label: [a['address']?.trim(), a['town']?.trim(), postcode].filter(Boolean).join(', ') };
    }
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
      .filter((s) => s && s.trim())
      .join(' ')
      .trim() || 'unnamed person'
  );
}
