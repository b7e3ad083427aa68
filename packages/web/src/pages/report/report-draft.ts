/**
 * What a reporter has written so far, kept in this tab's sessionStorage as they type, so that a
 * reload, a slip of the Back button or a call to 999 loses none of it. It goes when the report is
 * sent, when they leave by quick exit, and when the tab is closed; it is never sent anywhere else.
 */

/** The part a reporter says a person has; '' until they choose (sent as not known). */
export type PersonPart = '' | 'potential_victim' | 'suspect' | 'witness' | 'unknown';

export interface Person {
  part: PersonPart;
  name: string;
  nationality: string;
  description: string;
}

export interface Draft {
  dangerNow: '' | 'yes' | 'no';
  relation: 'self' | 'someone_else' | 'not_said';
  description: string;
  signs: string[];
  childInvolved: 'yes' | 'no' | 'unknown';
  when: string;
  localAuthority: string;
  town: string;
  postcode: string;
  locationDescription: string;
  people: Person[];
  phones: string[];
  vehicle: string;
  vehicleDescription: string;
  business: string;
  businessAddress: string;
  online: string;
  leaveBlank: string;
}

export const EMPTY: Draft = {
  dangerNow: '',
  relation: 'not_said',
  description: '',
  signs: [],
  childInvolved: 'unknown',
  when: '',
  localAuthority: '',
  town: '',
  postcode: '',
  locationDescription: '',
  people: [{ part: '', name: '', nationality: '', description: '' }],
  phones: [''],
  vehicle: '',
  vehicleDescription: '',
  business: '',
  businessAddress: '',
  online: '',
  leaveBlank: '',
};

const KEY = 'harbour.report.draft';

/** The draft this tab kept, if there is one and it has the shape of one. */
export function loadDraft(): Draft | null {
  try {
    const kept: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
    if (kept === null || typeof kept !== 'object' || Array.isArray(kept)) return null;
    const draft = { ...EMPTY, ...(kept as Partial<Draft>) };
    // Only what the form itself could have written is taken back.
    const lists = Array.isArray(draft.people) && Array.isArray(draft.phones) && Array.isArray(draft.signs);
    const texts = (Object.keys(EMPTY) as (keyof Draft)[]).every((k) => Array.isArray(EMPTY[k]) || typeof draft[k] === 'string');
    return lists && texts ? draft : null;
  } catch {
    return null;
  }
}

export function keepDraft(draft: Draft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private browsing): the form still works, only a reload would lose it.
  }
}

export function forgetDraft(): void {
  window.sessionStorage.removeItem(KEY);
}
