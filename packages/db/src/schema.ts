import type {
  AgencyKind,
  CaseEntityRole,
  CaseKind,
  CaseStatus,
  CourtResult,
  NrmConsent,
  NrmDecision,
  NrmRoute,
  Offence,
  OrderType,
  OutcomeKind,
  RecordKind,
  Role,
  S45Assessment,
  SupportStatus,
  TaskStatus,
} from '@harbour/core';
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';

/** Typed view of the tables the migrations create; `schema-in-step.store.test.ts` checks it against the migrated store. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface AgenciesTable {
  id: string;
  name: string;
  kind: AgencyKind;
  /** A First Responder Organisation for the NRM (may label what it sends as an NRM referral). */
  first_responder: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  second_factor_failures: Generated<number>;
  second_factor_locked_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AccessGrantsTable {
  id: string;
  user_id: string;
  granted_by: string;
  purpose: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface RequestLimitsTable {
  key: string;
  hits: number;
  window_ends: Timestamp;
}

export interface JobWorkersTable {
  id: string;
  started_at: CreatedAt;
  seen_at: CreatedAt;
}

export interface JobHoldsTable {
  job_id: string;
  job_name: string;
  worker_id: string;
  taken_at: CreatedAt;
}

export interface JobRunsTable {
  name: string;
  every_seconds: number;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_succeeded_at: Timestamp | null;
  last_failed_at: Timestamp | null;
  last_failure: string | null;
  last_summary: ColumnType<Record<string, number>, string | undefined, string>;
  runs: Generated<number>;
  failures: Generated<number>;
  failing_runs: Generated<number>;
}

export interface CasesTable {
  id: string;
  reference: string;
  kind: CaseKind;
  title: string;
  summary: Generated<string>;
  status: Generated<CaseStatus>;
  agency_id: string;
  officer_in_charge: string | null;
  opened_by: string;
  opened_at: Timestamp;
  updated_at: Timestamp;
  close_requested_by: ColumnType<string | null, string | null | undefined, string | null>;
  close_requested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CaseStatusChangesTable {
  id: string;
  case_id: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  reason: string;
  changed_by: string;
  changed_at: Timestamp;
  requested_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseReportsTable {
  case_id: string;
  report_id: string;
  added_by: string;
  added_at: Timestamp;
}

export interface CaseEntitiesTable {
  case_id: string;
  entity_id: string;
  role: CaseEntityRole;
  added_by: string;
  added_at: Timestamp;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  body: string;
  author_id: string;
  written_at: Timestamp;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  file_name: string;
  kind: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  description: Generated<string>;
  bytes: Buffer | null;
  in_folder: Generated<boolean>;
  uploaded_by: string;
  uploaded_at: Timestamp;
  removed_by: string | null;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  removed_reason: string | null;
}

export interface RetentionReviewsTable {
  id: string;
  record_type: string;
  record_id: string;
  reason: string;
  next_review_on: string;
  decided_by: string;
  decided_at: Timestamp;
}

export interface RetentionDeletionsTable {
  id: string;
  record_type: string;
  reason: string;
  reports: number;
  potential_victims: number;
  entities: number;
  first_month: string | null;
  last_month: string | null;
  deleted_by: string;
  deleted_at: Timestamp;
}

export interface TasksTable {
  id: string;
  case_id: string;
  title: string;
  details: Generated<string>;
  owner_user_id: string | null;
  owner_agency_id: string | null;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<TaskStatus>;
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_by: ColumnType<string | null, string | null | undefined, string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CaseOutcomesTable {
  id: string;
  case_id: string;
  entity_id: string;
  kind: OutcomeKind;
  occurred_on: string;
  offence: Offence | null;
  offence_code: string | null;
  result: CourtResult | S45Assessment | null;
  order_type: OrderType | null;
  ends_on: string | null;
  until_further_order: boolean;
  details: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface NrmRecordsTable {
  id: string;
  case_id: string;
  entity_id: string;
  route: NrmRoute;
  child: boolean;
  consent: NrmConsent;
  referred_on: string;
  first_responder: string;
  exploitation_types: string[];
  home_office_reference: string | null;
  rg_decision: NrmDecision | null;
  rg_decided_on: string | null;
  cg_decision: NrmDecision | null;
  cg_decided_on: string | null;
  support_status: SupportStatus;
  notes: string;
  recorded_by: string;
  recorded_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface SafeguardingPlansTable {
  id: string;
  case_id: string;
  entity_id: string;
  immediate_risks: string;
  accommodation: string;
  support_provider: string;
  interpreter_needed: boolean;
  language: string | null;
  lead_agency_id: string | null;
  next_review_on: string;
  recorded_by: string;
  recorded_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface SafeguardingReviewsTable {
  id: string;
  plan_id: string;
  reviewed_on: string;
  note: string;
  reviewed_by: string;
  recorded_at: Timestamp;
}

export interface SharingAgreementsTable {
  id: string;
  agency_id: string;
  purpose: string;
  lawful_basis: string;
  categories: string[];
  starts_on: string;
  ends_on: string;
  created_by: string;
  created_at: Timestamp;
  ended_by: string | null;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  end_reason: string | null;
}

export interface CaseSharesTable {
  case_id: string;
  agency_id: string;
  reason: string;
  shared_by: string;
  shared_at: Timestamp;
  revoked_by: string | null;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReportSharesTable {
  report_id: string;
  agency_id: string;
  reason: string;
  shared_by: string;
  shared_at: Timestamp;
  revoked_by: string | null;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UsedFormTokensTable {
  token_hash: string;
  used_at: Timestamp;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  retry_after: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  stage: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface ReportsTable {
  id: string;
  reference: string;
  source: string;
  received_at: Timestamp;
  local_authority: string | null;
  town: string | null;
  postcode: string | null;
  summary: string;
  exploitation_types: string[];
  involves_child: boolean;
  status: string;
  created_at: CreatedAt;
  reporter_relation: ColumnType<string | null, string | null | undefined, string | null>;
  language: ColumnType<string | null, string | null | undefined, string | null>;
  occurred: ColumnType<string | null, string | null | undefined, string | null>;
  location_description: ColumnType<string | null, string | null | undefined, string | null>;
  triage_score: ColumnType<number | null, number | null | undefined, number | null>;
  triage_band: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  catalogue_version: ColumnType<string | null, string | null | undefined, string | null>;
  indicator_ids: ColumnType<string[], string[] | undefined, string[]>;
  victim: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  triage: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  grading: ColumnType<string | null, string | null | undefined, string | null>;
  /** The conditions intelligence graded C is passed on under (none for P). */
  handling_conditions: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_by: ColumnType<string | null, string | null | undefined, string | null>;
  triaged_by: ColumnType<string | null, string | null | undefined, string | null>;
  triaged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  pictured_at: Timestamp | null;
  facts_seq: Generated<string>;
  /** Someone is in danger now (the public form's first question; a referral's risk to life). */
  danger_now: ColumnType<boolean, boolean | undefined, boolean>;
  /** The awareness campaign whose QR code a public report came by. */
  campaign: ColumnType<string | null, string | null | undefined, string | null>;
  /** The kind of place a self-check was made at (car wash, nail bar…). */
  setting: ColumnType<string | null, string | null | undefined, string | null>;
  /** The summary's words as written and by their English stems, kept by PostgreSQL for search. */
  summary_words: GeneratedAlways<string>;
  summary_stems: GeneratedAlways<string>;
}

export interface ReportAddressesTable {
  id: string;
  report_id: string;
  address: string;
  postcode: string | null;
  town: string | null;
  description: string | null;
}

export interface ReportPhotosTable {
  id: string;
  report_id: string;
  content_type: string;
  bytes: Buffer;
  width: number;
  height: number;
  sha256: string;
  created_at: CreatedAt;
}

export interface ReferralDraftsTable {
  id: string;
  user_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
}

export interface ReportFollowUpTable {
  report_id: string;
  reference_code: string;
  passphrase_hash: string;
}

export interface ReportMessagesTable {
  id: string;
  report_id: string;
  author: string;
  author_user_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export interface ReportPersonsTable {
  id: string;
  report_id: string;
  role: string;
  given_name: string | null;
  family_name: string | null;
  dob: DateOnly | null;
  gender: string | null;
  nationality: string | null;
  /** ISO alpha-2 of the country `nationality` names, when it names one. */
  nationality_code: ColumnType<string | null, string | null | undefined, string | null>;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  /** What they look like or do, in the reporter's words. */
  description: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportPhonesTable {
  id: string;
  report_id: string;
  number: string;
}

export interface ReportVehiclesTable {
  id: string;
  report_id: string;
  registration: string;
  make: string | null;
  model: string | null;
  colour: string | null;
}

export interface ReportOnlineTable {
  id: string;
  report_id: string;
  identifier: string;
  platform: string | null;
  description: string | null;
}

export interface ReportBankAccountsTable {
  id: string;
  report_id: string;
  bank: string | null;
  sort_code: string | null;
  account_number: string | null;
  iban: string | null;
  holder: string | null;
}

export interface ReportDocumentsTable {
  id: string;
  report_id: string;
  type: string;
  number: string;
  country: string | null;
  holder: string | null;
  description: string | null;
}

export interface ReportBusinessesTable {
  id: string;
  report_id: string;
  name: string;
  kind: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
}

export interface SeedNetworksTable {
  id: string;
  name: string;
  exploitation_type: string;
  local_authority: string;
  town: string;
}

export interface SeedTruthTable {
  record_type: string;
  record_id: string;
  entity_key: string;
  network_id: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: CreatedAt;
}

export type EntityKind = RecordKind;

export interface EntitiesTable {
  id: string;
  kind: EntityKind;
  label: string;
  created_at: CreatedAt;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EntityRecordsTable {
  id: string;
  kind: EntityKind;
  report_id: string;
  role: string | null;
  attributes: ColumnType<Record<string, string>, string, string>;
  entity_id: string | null;
  key: string | null;
  resolved_by: 'key' | 'model' | 'new' | 'analyst' | null;
  match_probability: number | null;
  created_at: CreatedAt;
  search_text: ColumnType<string, string | undefined, string>;
  search_codes: ColumnType<string[], string[] | undefined, string[]>;
  entity_seq: Generated<string>;
}

export interface PersonBlockKeysTable {
  key: number;
  record_id: string;
}

export interface RecordLinksTable {
  from_record: string;
  to_record: string;
  report_id: string;
  seq: Generated<string>;
  /** What the link says (contract LINK_RELATIONS), directed from `from_record`. */
  relation: ColumnType<string, string | undefined, string>;
}

export interface PictureSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  auto_merge: number;
  review: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MatchModelsTable {
  id: string;
  model: ColumnType<unknown, string, string>;
  records: number;
  decisions: number;
  trained_by: string | null;
  trained_at: CreatedAt;
}

export interface PeopleToCompareTable {
  entity_id: string;
  queued_at: CreatedAt;
}

export interface PictureUpkeepTable {
  task: string;
  done_at: CreatedAt;
}

export interface NameCountsTable {
  column_name: 'full' | 'given' | 'family' | 'town';
  value: string;
  people: number;
}

export interface ReviewPairsTable {
  id: string;
  record_a: string;
  record_b: string;
  probability: number;
  pattern: number;
  evidence: ColumnType<unknown, string, string>;
  status: ColumnType<'open' | 'accepted' | 'rejected', 'open' | 'accepted' | 'rejected' | undefined, 'open' | 'accepted' | 'rejected'>;
  skipped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

export interface EntityChangesTable {
  id: string;
  action: 'merge' | 'split' | 'undo';
  actor_id: string | null;
  review_pair_id: ColumnType<string | null, string | null | undefined, string | null>;
  undoes: ColumnType<string | null, string | null | undefined, string | null>;
  undone_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface EntityMovesTable {
  change_id: string;
  record_id: string;
  from_entity: string;
  to_entity: string;
}

export interface SearchTermsTable {
  text: string;
  codes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ReportCallsTable {
  report_id: string;
  from_phone: string;
  to_phone: string;
  calls: number;
  seconds: ColumnType<number, number | undefined, number>;
  first_at: Date | null;
  last_at: Date | null;
  /** Timed calls by the UK hour they began in (24 counts); null for imports made before hours were kept. */
  hours: ColumnType<number[] | null, number[] | null | undefined, number[] | null>;
}

export interface ProblemProfilesTable {
  id: string;
  title: string;
  period_from: string;
  period_to: string;
  area: string | null;
  audience: string;
  language: string;
  key_judgements: ColumnType<string, string | undefined, string>;
  intelligence_gaps: ColumnType<string, string | undefined, string>;
  pursue: ColumnType<string, string | undefined, string>;
  prevent: ColumnType<string, string | undefined, string>;
  protect: ColumnType<string, string | undefined, string>;
  prepare: ColumnType<string, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  author_id: string;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  issued_at: Date | null;
  issued_by: string | null;
  issued_document: ColumnType<object | null, string | null | undefined, string | null>;
}

export interface SavedChartsTable {
  id: string;
  owner_id: string;
  name: string;
  chart: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When its owner shared it with the team; null while it is theirs alone. */
  shared_at: Timestamp | null;
}

/** A link an analyst asserted by hand (migration 0048). */
export interface LinkAssertionsTable {
  id: string;
  seq: Generated<string>;
  from_entity: string;
  to_entity: string;
  relation: string;
  grading: string;
  note: string;
  added_entity: ColumnType<boolean, boolean | undefined, boolean>;
  asserted_by: string;
  asserted_at: ColumnType<Date, Date | string, Date | string>;
  withdrawn_by: string | null;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NetworkViewsTable {
  user_id: string;
  entity_id: string;
  size: number;
  viewed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The dimensions every tally is kept by (see migration 0014). */
interface TallyDimensions {
  month: DateOnly;
  area: string;
  source: string;
  child: boolean;
  exploitation_type: string;
}

export interface TallyReportsTable extends TallyDimensions {
  n: string;
}

export interface TallyVictimsTable extends TallyDimensions {
  gender: string;
  nationality: string;
  n: string;
}

export interface TallyPlacesTable extends TallyDimensions {
  place: string;
  n: string;
}

export interface TallyDeltasTable extends TallyDimensions {
  id: Generated<string>;
  victims: boolean;
  place: Generated<string>;
  gender: string;
  nationality: string;
  n: number;
}

/** A potential victim's or suspect's record as the people tally last counted it (migration 0049). */
export interface PeopleFactsTable {
  record_id: string;
  report_id: string;
  person: string;
  role: string;
  received_at: Timestamp;
  area: string;
  source: string;
  child: boolean;
  exploitation_types: string[];
  gender: string;
  nationality: string;
  dob: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What a person is counted as: what their records say most often (migration 0049). */
export interface PeopleAttributesTable {
  person: string;
  gender: string;
  nationality: string;
  dob: ColumnType<string | null, string | null | undefined, string | null>;
}

/** People counted once in a period (migration 0049): summed over month <= to < next_month. */
export interface TallyPeopleTable {
  parts: number;
  area: string;
  source: string;
  child: boolean;
  exploitation_type: string;
  month: DateOnly;
  next_month: DateOnly;
  role: string;
  gender: string;
  nationality: string;
  age_band: string;
  n: number;
}

/** Records whose people the tally has yet to count again. */
export interface PeopleDirtyTable {
  id: Generated<string>;
  record_id: string;
}

export interface ImportMappingsTable {
  agency_id: string;
  columns: ColumnType<Record<string, string | null>, string, string>;
  date_order: string;
  source: string;
  updated_by: string | null;
  updated_at: CreatedAt;
}

/** The mapping an import was started with: a field (or null) for each column, and how to read them. */
export interface StoredImportMapping {
  readonly columns: readonly (string | null)[];
  readonly dateOrder: string;
  readonly source: string;
}

/** Why a row was refused: the field and column (null: the row as a whole) and the reason. */
export interface StoredRowProblem {
  field: string | null;
  column: string | null;
  reason: string;
}

export interface ImportsTable {
  id: string;
  agency_id: string;
  created_by: string;
  file_name: string;
  encoding: string;
  delimiter: string;
  header: string[];
  body: string | null;
  rows_total: number;
  mapping: ColumnType<StoredImportMapping | null, string | null | undefined, string | null>;
  status: string;
  processed_line: Generated<number>;
  rows_done: Generated<number>;
  accepted: Generated<number>;
  already: Generated<number>;
  empty: Generated<number>;
  quarantined: Generated<number>;
  lease_until: Timestamp | null;
  failure: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ImportQuarantineTable {
  import_id: string;
  line: number;
  cells: string[];
  problems: ColumnType<StoredRowProblem[], string, string>;
}

export interface ImportedRowsTable {
  agency_id: string;
  row_key: string;
  report_id: string;
  import_id: string;
  line: number;
}

export interface HtcdsImportedTable {
  agency_id: string;
  case_key: string;
  report_id: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface TrainingUnitsTable {
  id: string;
  code: string;
  name: string;
  local_authority: string | null;
  created_at: CreatedAt;
}

export interface EstablishmentTable {
  id: string;
  staff_number: string;
  name: string;
  email: string | null;
  unit_id: string;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

export interface CoursesTable {
  id: string;
  slug: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CourseVersionsTable {
  id: string;
  course_id: string;
  version: number;
  /** The contract's CourseContent, as JSON. */
  content: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Timestamp;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by: string | null;
}

export interface QuizAttemptsTable {
  id: string;
  user_id: string;
  version_id: string;
  questions: string[];
  /** Question id to the option chosen (null: none), once sent. */
  answers: ColumnType<Record<string, number | null> | null, string | null | undefined, string | null>;
  score: number | null;
  total: number | null;
  passed: boolean | null;
  started_at: Timestamp;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CourseCompletionsTable {
  id: string;
  user_id: string;
  course_id: string;
  version_id: string;
  attempt_id: string;
  completed_on: DateOnly;
  certificate: string;
}

export interface CourseAssignmentsTable {
  id: string;
  course_id: string;
  unit_id: string;
  due_on: DateOnly;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface AwarenessCampaignsTable {
  code: string;
  name: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AwarenessMaterialsTable {
  id: string;
  campaign_code: string;
  setting: string;
  language: string;
  size: string;
  made_by: string | null;
  made_at: Timestamp;
}

export interface AwarenessEventsTable {
  id: string;
  held_on: DateOnly;
  title: string;
  place: string;
  local_authority: string;
  latitude: number | null;
  longitude: number | null;
  audiences: string[];
  partners: string[];
  attendance: number;
  handed_out: number;
  campaign_code: string | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface CourseImagesTable {
  id: string;
  content_type: string;
  bytes: Buffer;
  width: number;
  height: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface DB {
  course_images: CourseImagesTable;
  awareness_campaigns: AwarenessCampaignsTable;
  awareness_materials: AwarenessMaterialsTable;
  awareness_events: AwarenessEventsTable;
  training_units: TrainingUnitsTable;
  establishment: EstablishmentTable;
  courses: CoursesTable;
  course_versions: CourseVersionsTable;
  quiz_attempts: QuizAttemptsTable;
  course_completions: CourseCompletionsTable;
  course_assignments: CourseAssignmentsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_throttle: SignInThrottleTable;
  used_form_tokens: UsedFormTokensTable;
  sessions: SessionsTable;
  access_grants: AccessGrantsTable;
  request_limits: RequestLimitsTable;
  job_runs: JobRunsTable;
  job_workers: JobWorkersTable;
  job_holds: JobHoldsTable;
  cases: CasesTable;
  case_status_changes: CaseStatusChangesTable;
  case_reports: CaseReportsTable;
  case_entities: CaseEntitiesTable;
  case_notes: CaseNotesTable;
  case_documents: CaseDocumentsTable;
  retention_reviews: RetentionReviewsTable;
  retention_deletions: RetentionDeletionsTable;
  tasks: TasksTable;
  case_outcomes: CaseOutcomesTable;
  nrm_records: NrmRecordsTable;
  safeguarding_plans: SafeguardingPlansTable;
  safeguarding_reviews: SafeguardingReviewsTable;
  sharing_agreements: SharingAgreementsTable;
  case_shares: CaseSharesTable;
  report_shares: ReportSharesTable;
  audit_log: AuditLogTable;
  reports: ReportsTable;
  report_persons: ReportPersonsTable;
  report_phones: ReportPhonesTable;
  report_vehicles: ReportVehiclesTable;
  report_businesses: ReportBusinessesTable;
  report_online: ReportOnlineTable;
  report_bank_accounts: ReportBankAccountsTable;
  report_documents: ReportDocumentsTable;
  seed_networks: SeedNetworksTable;
  seed_truth: SeedTruthTable;
  schema_migrations: SchemaMigrationsTable;
  report_follow_up: ReportFollowUpTable;
  report_messages: ReportMessagesTable;
  app_secrets: AppSecretsTable;
  referral_drafts: ReferralDraftsTable;
  report_addresses: ReportAddressesTable;
  report_photos: ReportPhotosTable;
  entities: EntitiesTable;
  entity_records: EntityRecordsTable;
  person_block_keys: PersonBlockKeysTable;
  record_links: RecordLinksTable;
  picture_settings: PictureSettingsTable;
  match_models: MatchModelsTable;
  name_counts: NameCountsTable;
  picture_upkeep: PictureUpkeepTable;
  people_to_compare: PeopleToCompareTable;
  review_pairs: ReviewPairsTable;
  entity_changes: EntityChangesTable;
  entity_moves: EntityMovesTable;
  search_terms: SearchTermsTable;
  saved_charts: SavedChartsTable;
  problem_profiles: ProblemProfilesTable;
  report_calls: ReportCallsTable;
  network_views: NetworkViewsTable;
  link_assertions: LinkAssertionsTable;
  tally_reports: TallyReportsTable;
  tally_victims: TallyVictimsTable;
  tally_places: TallyPlacesTable;
  tally_deltas: TallyDeltasTable;
  people_facts: PeopleFactsTable;
  people_attributes: PeopleAttributesTable;
  tally_people: TallyPeopleTable;
  people_dirty: PeopleDirtyTable;
  import_mappings: ImportMappingsTable;
  imports: ImportsTable;
  import_quarantine: ImportQuarantineTable;
  imported_rows: ImportedRowsTable;
  htcds_imported: HtcdsImportedTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
