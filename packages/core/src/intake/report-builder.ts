import { EXPLOITATION_TYPES, type ExploitationType, type ReportSource, type ReporterRelation } from '@harbour/contract';
import { storedPostcode } from '../resolve/normalise';
import type { TriageResult } from './triage';

/**
 * The one way a report is put together for storing, whoever sends it: the public form, a
 * referral, a partner's spreadsheet row or an HTCDS case. Each producer says what it was told;
 * this tidies it the same way for all (text trimmed and single-spaced, blank as nothing, names
 * split the same way, postcodes in their standard form, registrations in capitals, exploitation
 * types from what was declared or else what the indicators point to), so the picture, search and
 * the figures read one form whatever the route in.
 */

/** A person as a producer was told of them: a name in two parts, or whole as someone wrote it. */
export interface PersonFacts {
  readonly role: string;
  readonly givenName?: string | null | undefined;
  readonly familyName?: string | null | undefined;
  /** A name written whole ("Anna Maria Nowak"): its last word is taken as the family name. */
  readonly fullName?: string | null | undefined;
  readonly gender?: string | null | undefined;
  readonly nationality?: string | null | undefined;
  /** YYYY-MM-DD. */
  readonly dob?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly description?: string | null | undefined;
}

type Text = string | null | undefined;

export interface IntakeFacts {
  readonly source: ReportSource;
  readonly receivedAt: Date;
  readonly language?: string | undefined;
  readonly relation?: ReporterRelation | undefined;
  /** The awareness campaign whose QR code a public report came by. */
  readonly campaign?: string | null | undefined;
  /** The kind of place a self-check was made at. */
  readonly setting?: string | null | undefined;
  readonly summary: string;
  readonly occurred?: Text;
  readonly place?: { readonly localAuthority?: Text; readonly town?: Text; readonly postcode?: Text; readonly description?: Text } | undefined;
  /** The types the sender declared; none, and the triage's likeliest two are stored (or unknown). */
  readonly exploitationTypes?: readonly string[] | undefined;
  readonly involvesChild: boolean;
  readonly dangerNow?: boolean | undefined;
  readonly triage: TriageResult;
  readonly indicatorIds?: readonly string[] | undefined;
  readonly victim?: Record<string, unknown> | undefined;
  readonly persons?: readonly PersonFacts[] | undefined;
  readonly phones?: readonly string[] | undefined;
  readonly vehicles?: readonly { readonly registration: string; readonly description?: Text }[] | undefined;
  readonly businesses?: readonly { readonly name: string; readonly kind?: Text; readonly address?: Text }[] | undefined;
  readonly addresses?: readonly { readonly address: string; readonly postcode?: Text; readonly town?: Text; readonly description?: Text }[] | undefined;
  readonly online?: readonly { readonly identifier: string; readonly platform?: Text; readonly description?: Text }[] | undefined;
  readonly bankAccounts?:
    readonly { readonly bank?: Text; readonly sortCode?: Text; readonly accountNumber?: Text; readonly iban?: Text; readonly holder?: Text }[] | undefined;
  readonly documents?:
    readonly { readonly type: string; readonly number: string; readonly country?: Text; readonly holder?: Text; readonly description?: Text }[] | undefined;
  readonly createdBy?: string | undefined;
  readonly agencyId?: string | undefined;
  /** The public follow-up channel; referrals from signed-in users have none. */
  readonly followUp?: { readonly referenceCode: string; readonly passphraseHash: string } | undefined;
}

/** A report as the store takes it: every part tidied, every mention with an id of its own. */
export interface StoredReport {
  readonly id: string;
  readonly source: ReportSource;
  readonly receivedAt: Date;
  readonly language: string;
  readonly relation: ReporterRelation;
  readonly campaign?: string | null;
  readonly setting?: string | null;
  readonly summary: string;
  readonly occurred: string | null;
  readonly localAuthority: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly locationDescription: string | null;
  readonly exploitationTypes: string[];
  readonly involvesChild: boolean;
  readonly triageScore: number;
  readonly triageBand: string;
  readonly persons: {
    id: string;
    role: string;
    givenName: string | null;
    familyName: string | null;
    gender: string | null;
    nationality: string | null;
    dob?: string | null;
    phone?: string | null;
    address?: string | null;
    description?: string | null;
  }[];
  readonly phones: { id: string; number: string }[];
  readonly vehicles: { id: string; registration: string; make: string | null; colour: string | null }[];
  readonly businesses: { id: string; name: string; kind: string | null; address: string | null }[];
  readonly addresses?: { id: string; address: string; postcode: string | null; town: string | null; description: string | null }[];
  readonly online?: { id: string; identifier: string; platform: string | null; description: string | null }[];
  readonly bankAccounts?: {
    id: string;
    bank: string | null;
    sortCode: string | null;
    accountNumber: string | null;
    iban: string | null;
    holder: string | null;
  }[];
  readonly documents?: { id: string; type: string; number: string; country: string | null; holder: string | null; description: string | null }[];
  readonly followUp?: { referenceCode: string; passphraseHash: string };
  readonly createdBy?: string;
  readonly agencyId?: string;
  readonly catalogueVersion?: string;
  readonly indicatorIds?: string[];
  readonly victim?: Record<string, unknown>;
  readonly triage?: Record<string, unknown>;
  readonly dangerNow?: boolean;
}

/** Text as stored: trimmed, runs of white space as one space, blank as nothing. */
export function storedText(raw: Text): string | null {
  const tidy = raw?.replace(/\s+/g, ' ').trim();
  return tidy ? tidy : null;
}

/** Long text (a summary, a description) keeps its line breaks; only its ends are trimmed. */
function storedProse(raw: Text): string | null {
  const tidy = raw?.trim();
  return tidy ? tidy : null;
}

/** A name in two parts; a name written whole is split before its last word. */
export function storedName(p: Pick<PersonFacts, 'givenName' | 'familyName' | 'fullName'>): { givenName: string | null; familyName: string | null } {
  const given = storedText(p.givenName);
  const family = storedText(p.familyName);
  if (given || family || !p.fullName) return { givenName: given, familyName: family };
  const parts = storedText(p.fullName)?.split(' ') ?? [];
  if (parts.length <= 1) return { givenName: parts[0] ?? null, familyName: null };
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts[parts.length - 1]! };
}

/** A registration as written on the plate: capitals, single spaces. */
export function storedRegistration(raw: string): string {
  return storedText(raw)?.toUpperCase() ?? '';
}

/** A date of birth kept only as YYYY-MM-DD (the producers check it; anything else is not a date). */
function storedDay(raw: Text): string | null {
  const day = storedText(raw);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function exploitationTypesOf(declared: readonly string[] | undefined, triage: TriageResult): string[] {
  const known = [...new Set(declared ?? [])].filter((t): t is ExploitationType => (EXPLOITATION_TYPES as readonly string[]).includes(t));
  if (known.length > 0) return known;
  return triage.likelyTypes.length > 0 ? [...triage.likelyTypes.slice(0, 2)] : ['unknown'];
}

export function buildReport(facts: IntakeFacts, newId: () => string): StoredReport {
  const place = facts.place ?? {};
  const optional = <T>(items: readonly T[] | undefined) => items ?? [];
  return {
    id: newId(),
    source: facts.source,
    receivedAt: facts.receivedAt,
    language: facts.language ?? 'en',
    relation: facts.relation ?? 'someone_else',
    campaign: facts.campaign ?? null,
    setting: facts.setting ?? null,
    summary: storedProse(facts.summary) ?? '',
    occurred: storedText(facts.occurred),
    localAuthority: storedText(place.localAuthority),
    town: storedText(place.town),
    postcode: storedPostcode(place.postcode),
    locationDescription: storedProse(place.description),
    exploitationTypes: exploitationTypesOf(facts.exploitationTypes, facts.triage),
    involvesChild: facts.involvesChild,
    ...(facts.dangerNow !== undefined ? { dangerNow: facts.dangerNow } : {}),
    triageScore: facts.triage.score,
    triageBand: facts.triage.band,
    catalogueVersion: facts.triage.catalogueVersion,
    indicatorIds: [...new Set(facts.indicatorIds ?? [])],
    triage: { ...facts.triage },
    ...(facts.victim ? { victim: facts.victim } : {}),
    ...(facts.createdBy ? { createdBy: facts.createdBy } : {}),
    ...(facts.agencyId ? { agencyId: facts.agencyId } : {}),
    ...(facts.followUp ? { followUp: facts.followUp } : {}),
    persons: optional(facts.persons).map((p) => ({
      id: newId(),
      role: p.role,
      ...storedName(p),
      gender: storedText(p.gender),
      nationality: storedText(p.nationality),
      dob: storedDay(p.dob),
      phone: storedText(p.phone),
      address: storedText(p.address),
      description: storedProse(p.description),
    })),
    phones: optional(facts.phones)
      .map((number) => storedText(number))
      .filter((n): n is string => n !== null)
      .map((number) => ({ id: newId(), number })),
    vehicles: optional(facts.vehicles).map((v) => ({
      id: newId(),
      registration: storedRegistration(v.registration),
      make: storedText(v.description),
      colour: null,
    })),
    businesses: optional(facts.businesses).map((b) => ({
      id: newId(),
      name: storedText(b.name) ?? '',
      kind: storedText(b.kind),
      address: storedText(b.address),
    })),
    addresses: optional(facts.addresses).map((a) => ({
      id: newId(),
      address: storedText(a.address) ?? '',
      postcode: storedPostcode(a.postcode),
      town: storedText(a.town),
      description: storedProse(a.description),
    })),
    online: optional(facts.online).map((o) => ({
      id: newId(),
      identifier: o.identifier.trim(),
      platform: storedText(o.platform),
      description: storedProse(o.description),
    })),
    bankAccounts: optional(facts.bankAccounts).map((b) => ({
      id: newId(),
      bank: storedText(b.bank),
      sortCode: storedText(b.sortCode),
      accountNumber: storedText(b.accountNumber),
      iban: storedText(b.iban),
      holder: storedText(b.holder),
    })),
    documents: optional(facts.documents).map((d) => ({
      id: newId(),
      type: d.type,
      number: storedText(d.number) ?? '',
      country: storedText(d.country),
      holder: storedText(d.holder),
      description: storedProse(d.description),
    })),
  };
}
