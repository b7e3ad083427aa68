/**
 * The Human Trafficking Case Data Standard (HTCDS) v2.0 (IOM and partners, CC BY 4.0): Harbour's
 * reports as HTCDS cases, with their people (prs_, vic_, per_ fields) and the place of
 * exploitation (hte_), and back. The standard has no field for some of what Harbour holds (the
 * local authority, criminal exploitation, where the report came from): those travel in a
 * `harbour` block beside the standard's fields, so Harbour → HTCDS → Harbour keeps them all, and
 * another system reading the file still finds every standard field filled as the standard says.
 */

import { storedPostcode } from '../resolve/normalise';
import { protectiveMarking, type ProtectiveMarking } from '@harbour/contract';

/** Picklist values used here, as the HTCDS v2.0 field table gives them. */
export const HTCDS_PICKLISTS = {
  prs_Gender: ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'],
  vic_TraffickingStatus: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  vic_TypeOfExploitation: [
    'ForcedLabour',
    'SexualExploitation',
    'ChildLabour',
    'ForcedMarriage',
    'Servitude',
    'ForcedMilitaryByNonStateActors',
    'OrganRemoval',
    'ForcedBegging',
    'ForcedAdoption',
    'Surrogacy',
    'Other',
  ],
  cas_Status: ['Active', 'FollowUp', 'Closed', 'ClosedReferred'],
  hte_Type: ['Recruitment', 'Transit', 'Exploitation'],
} as const;

export type HtcdsRole = 'victim' | 'perpetrator' | 'witness' | 'reporter';

export interface HtcdsPerson {
  prs_FirstName?: string;
  prs_SecondName?: string;
  prs_Birthdate?: string;
  prs_Gender?: (typeof HTCDS_PICKLISTS.prs_Gender)[number];
  prs_Citizenship?: string[];
  prs_MobilePhone?: string;
  prs_MailingStreet?: string;
  vic_TraffickingStatus?: (typeof HTCDS_PICKLISTS.vic_TraffickingStatus)[number];
  vic_TypeOfExploitation?: (typeof HTCDS_PICKLISTS.vic_TypeOfExploitation)[number][];
  harbour?: { role: HtcdsRole; nationality?: string | undefined } | undefined;
}

export interface HtcdsCase {
  cas_Status: (typeof HTCDS_PICKLISTS.cas_Status)[number];
  cas_IncomingReferralDate: string;
  cas_IncomingReferralDetails: string;
  hte: { hte_Type: (typeof HTCDS_PICKLISTS.hte_Type)[number]; hte_City?: string; hte_PostalCode?: string; hte_State?: string; hte_Country: string }[];
  persons: HtcdsPerson[];
  harbour?: { reference: string; source: string; localAuthority: string | null; exploitationTypes: string[]; involvesChild: boolean } | undefined;
}

export interface HtcdsDocument {
  standard: 'HTCDS';
  version: '2.0';
  producer: string;
  /** Not a field of the standard: the file's handling, since it names people. */
  protectiveMarking?: ProtectiveMarking;
  /**
   * Not a field of the standard: how many cases of the span were left out because their grading
   * says conditions apply to passing them on (handling code C): they go out only by the route
   * their conditions name, never in a bulk file.
   */
  withheld?: number;
  cases: HtcdsCase[];
}

/** A report as HTCDS sees it: what the mapping reads and writes. */
export interface CaseReport {
  reference: string;
  source: string;
  receivedAt: Date;
  status: 'new' | 'triaged' | 'closed';
  summary: string;
  localAuthority: string | null;
  localAuthorityName: string | null;
  town: string | null;
  postcode: string | null;
  exploitationTypes: string[];
  involvesChild: boolean;
  persons: {
    role: 'potential_victim' | 'suspect' | 'witness' | 'reporter';
    givenName: string | null;
    familyName: string | null;
    dob: string | null;
    gender: string | null;
    nationality: string | null;
    /** ISO alpha-2 of the country the nationality names, if it names one. */
    nationalityCode: string | null;
    phone: string | null;
    address: string | null;
  }[];
}

const STATUS = { new: 'Active', triaged: 'FollowUp', closed: 'Closed' } as const;
const STATUS_BACK: Record<string, CaseReport['status']> = { Active: 'new', FollowUp: 'triaged', Closed: 'closed', ClosedReferred: 'closed' };
const ROLE = { potential_victim: 'victim', suspect: 'perpetrator', witness: 'witness', reporter: 'reporter' } as const;
const ROLE_BACK: Record<HtcdsRole, CaseReport['persons'][number]['role']> = {
  victim: 'potential_victim',
  perpetrator: 'suspect',
  witness: 'witness',
  reporter: 'reporter',
};
const GENDER: Record<string, (typeof HTCDS_PICKLISTS.prs_Gender)[number]> = { female: 'Feminine', male: 'Masculine', other: 'NonConforming' };
const GENDER_BACK: Record<string, string> = {
  Feminine: 'female',
  Masculine: 'male',
  TransgenderFeminine: 'female',
  TransgenderMasculine: 'male',
  NonConforming: 'other',
};
const TYPE: Record<string, (typeof HTCDS_PICKLISTS.vic_TypeOfExploitation)[number]> = {
  sexual: 'SexualExploitation',
  labour: 'ForcedLabour',
  domestic_servitude: 'Servitude',
  organ_harvesting: 'OrganRemoval',
  // HTCDS has no criminal exploitation (county lines, forced criminality): "Other" in the standard.
  criminal: 'Other',
};
const TYPE_BACK: Record<string, string> = {
  SexualExploitation: 'sexual',
  ForcedLabour: 'labour',
  ChildLabour: 'labour',
  Servitude: 'domestic_servitude',
  OrganRemoval: 'organ_harvesting',
  ForcedBegging: 'criminal',
};

const present = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

/** A report as an HTCDS case. */
export function toHtcdsCase(report: CaseReport): HtcdsCase {
  const types = report.exploitationTypes.flatMap((t) => (TYPE[t] ? [TYPE[t]] : []));
  return {
    cas_Status: STATUS[report.status],
    cas_IncomingReferralDate: report.receivedAt.toISOString().slice(0, 10),
    cas_IncomingReferralDetails: report.summary,
    hte: [
      present({
        hte_Type: 'Exploitation' as const,
        hte_City: report.town ?? undefined,
        hte_PostalCode: report.postcode ?? undefined,
        hte_State: report.localAuthorityName ?? undefined,
        hte_Country: 'GB',
      }),
    ],
    persons: report.persons.map((p) =>
      present({
        prs_FirstName: p.givenName ?? undefined,
        prs_SecondName: p.familyName ?? undefined,
        prs_Birthdate: p.dob ?? undefined,
        prs_Gender: p.gender ? (GENDER[p.gender] ?? 'NonSpecifiedUnknown') : undefined,
        prs_Citizenship: p.nationalityCode ? [p.nationalityCode] : undefined,
        prs_MobilePhone: p.phone ?? undefined,
        prs_MailingStreet: p.address ?? undefined,
        ...(p.role === 'potential_victim'
          ? { vic_TraffickingStatus: 'PossibleVictimOfTrafficking' as const, vic_TypeOfExploitation: [...new Set(types)] }
          : {}),
        harbour: present({ role: ROLE[p.role], nationality: p.nationality ?? undefined }),
      }),
    ),
    harbour: {
      reference: report.reference,
      source: report.source,
      localAuthority: report.localAuthority,
      exploitationTypes: [...report.exploitationTypes],
      involvesChild: report.involvesChild,
    },
  };
}

export function toHtcdsDocument(reports: readonly CaseReport[]): HtcdsDocument {
  return { standard: 'HTCDS', version: '2.0', producer: 'Harbour', protectiveMarking: protectiveMarking({ personal: true }), cases: reports.map(toHtcdsCase) };
}

/** What an imported case becomes: a report without a reference (the importer gives it one). */
export type ImportedReport = Omit<CaseReport, 'reference' | 'localAuthorityName'> & { htcdsReference: string | null };

/**
 * An HTCDS case as a Harbour report. The `harbour` block, when the file came from Harbour, is
 * taken as it is; from another system, the standard's fields are read: exploitation types from
 * the victims' picklists, the area left unknown, and the case counted as from a partner.
 */
export function fromHtcdsCase(
  c: Partial<HtcdsCase> & Pick<HtcdsCase, 'cas_IncomingReferralDate' | 'persons'>,
  areaCodeOf: (name: string) => string | null,
): ImportedReport {
  const place = c.hte?.find((h) => h.hte_Type === 'Exploitation') ?? c.hte?.[0];
  const fromVictims = [...new Set((c.persons ?? []).flatMap((p) => p.vic_TypeOfExploitation ?? []).flatMap((t) => (TYPE_BACK[t] ? [TYPE_BACK[t]] : [])))];
  return {
    htcdsReference: c.harbour?.reference ?? null,
    source: c.harbour?.source ?? 'partner',
    receivedAt: new Date(`${c.cas_IncomingReferralDate}T00:00:00Z`),
    status: STATUS_BACK[c.cas_Status ?? 'Active'] ?? 'new',
    summary: c.cas_IncomingReferralDetails ?? '',
    localAuthority: c.harbour ? c.harbour.localAuthority : place?.hte_State ? areaCodeOf(place.hte_State) : null,
    town: place?.hte_City ?? null,
    postcode: storedPostcode(place?.hte_PostalCode),
    exploitationTypes: c.harbour?.exploitationTypes ?? fromVictims,
    involvesChild: c.harbour?.involvesChild ?? false,
    persons: c.persons.map((p) => ({
      role: ROLE_BACK[p.harbour?.role ?? (p.vic_TraffickingStatus ? 'victim' : 'witness')],
      givenName: p.prs_FirstName ?? null,
      familyName: p.prs_SecondName ?? null,
      dob: p.prs_Birthdate ?? null,
      gender: p.prs_Gender ? (GENDER_BACK[p.prs_Gender] ?? 'unknown') : null,
      nationality: p.harbour?.nationality ?? p.prs_Citizenship?.[0] ?? null,
      nationalityCode: p.prs_Citizenship?.[0] ?? null,
      phone: p.prs_MobilePhone ?? null,
      address: p.prs_MailingStreet ?? null,
    })),
  };
}
