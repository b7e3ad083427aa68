/** What the picture API answers (see packages/server/src/routes/picture.routes.ts). */
export interface ReportRef {
  id: string;
  reference: string;
  source: string;
  receivedAt: string;
  grading: string | null;
}

export interface RecordView {
  id: string;
  entityId: string | null;
  role: string | null;
  attributes: Record<string, string>;
  resolvedBy: string | null;
  matchProbability: number | null;
  report: ReportRef & { summary: string; occurred: string | null };
}

export interface SearchResults {
  query: string;
  groups: { kind: string; items: { id: string; label: string; reports: number; latest: string }[] }[];
  reports: (ReportRef & { snippet: string })[];
}

export interface EntityView {
  id: string;
  kind: string;
  label: string;
  mergedInto: string | null;
  attributes: { name: string; value: string; sources: (ReportRef & { recordId: string; role: string | null })[] }[];
  records: RecordView[];
  linked: { id: string; kind: string; label: string; roles: string[]; reports: ReportRef[] }[];
  timeline: { at: string; what: 'reported' | 'merge' | 'split' | 'undo'; report?: ReportRef; role?: string | null; changeId?: string; actor?: string | null }[];
  changes: { id: string; action: string; at: string; actor: string | null; records: number; undone: boolean; fromReview: boolean }[];
}

export type Agreement = 'agree' | 'close' | 'differ' | 'missing';

export interface ReviewView {
  open: number;
  moreThanCounted: boolean;
  pair: {
    id: string;
    probability: number;
    skipped: boolean;
    fields: { field: string; level: string; weight: number; agreement: Agreement; a: string; b: string }[];
    a: RecordView & { entityLabel: string; entityRecords: number };
    b: RecordView & { entityLabel: string; entityRecords: number };
    sharedMentions: { id: string; kind: string; label: string }[];
  } | null;
}

export interface PictureSettings {
  autoMerge: number;
  review: number;
  updatedAt: string | null;
  model: { source: 'synthetic' | 'store'; trainedAt: string | null; records: number; decisions: number };
}
