/** As the imports API answers (see the server's import routes). */
export const IMPORT_FIELDS = [
  'reference',
  'received',
  'summary',
  'exploitation_type',
  'local_authority',
  'town',
  'postcode',
  'child',
  'victim_given_name',
  'victim_family_name',
  'victim_name',
  'victim_dob',
  'victim_age',
  'victim_gender',
  'victim_nationality',
  'victim_phone',
  'address',
  'suspect_name',
  'suspect_phone',
  'vehicle',
  'business',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type ImportSource = 'partner' | 'nrm';

export interface ImportSummary {
  id: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  header: string[];
  status: 'mapping' | 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  already: number;
  empty: number;
  quarantined: number;
  failure: string | null;
  mapping: { columns: (ImportField | null)[]; dateOrder: DateOrder; source: ImportSource } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportPreview {
  sample: string[][];
  suggested: (ImportField | null)[];
  dateOrder: DateOrder;
  source: ImportSource;
}

export interface QuarantinedRow {
  line: number;
  cells: string[];
  problems: { field: string | null; column: string | null; reason: string }[];
}
