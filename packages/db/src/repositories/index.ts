import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { AgencyRepository } from './agency.repository';
import { AuditRepository } from './audit.repository';
import { ReportRepository } from './report.repository';
import { CaseExchangeRepository } from './case-exchange.repository';
import { CaseRepository } from './case.repository';
import { TaskRepository } from './task.repository';
import { DocumentRepository } from './document.repository';
import { RetentionRepository } from './retention.repository';
import { SentReferralRepository } from './sent-referral.repository';
import { ProtectionRepository } from './protection.repository';
import { SharingRepository } from './sharing.repository';
import { AccessGrantRepository } from './access-grant.repository';
import { RequestLimitRepository } from './request-limit.repository';
import { JobRunRepository } from './job-run.repository';
import { SeedWriter } from '../seed-writer';
import { SessionRepository } from './session.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { UserRepository } from './user.repository';
import { IntakeRepository } from './intake.repository';
import { PictureRepository } from './picture.repository';
import { EntityRepository } from './entity.repository';
import { GraphRepository } from './graph.repository';
import { AssertionRepository } from './assertion.repository';
import { ProfileRepository } from './profile.repository';
import { CallDataRepository } from './call-data.repository';
import { TallyRepository } from './tally.repository';
import { PeopleTallyRepository } from './people-tally.repository';
import { TrainingRepository } from './training.repository';
import { ImportRepository } from './import.repository';
import { PreventRepository } from './prevent.repository';

/** The one place data access is built. */
export function repositories(db: Kysely<DB>) {
  const audit = new AuditRepository(db);
  return {
    agencies: new AgencyRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    accessGrants: new AccessGrantRepository(db),
    requestLimits: new RequestLimitRepository(db),
    jobRuns: new JobRunRepository(db),
    signInThrottle: new SignInThrottleRepository(db),
    audit,
    reports: new ReportRepository(db),
    caseExchange: new CaseExchangeRepository(db, audit),
    cases: new CaseRepository(db, audit),
    tasks: new TaskRepository(db, audit),
    documents: new DocumentRepository(db, audit),
    retention: new RetentionRepository(db, audit),
    sentReferrals: new SentReferralRepository(db),
    protection: new ProtectionRepository(db, audit),
    sharing: new SharingRepository(db, audit),
    intake: new IntakeRepository(db, audit),
    picture: new PictureRepository(db, audit),
    entities: new EntityRepository(db, audit),
    graph: new GraphRepository(db),
    assertions: new AssertionRepository(db, audit),
    profiles: new ProfileRepository(db),
    callData: new CallDataRepository(db, audit),
    tallies: new TallyRepository(db),
    people: new PeopleTallyRepository(db),
    training: new TrainingRepository(db, audit),
    imports: new ImportRepository(db, audit),
    prevent: new PreventRepository(db, audit),
    /** Generated data only (demo, `harbour seed`, benchmarks). */
    seed: new SeedWriter(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type { AuditEvent, AuditFilter, AgencyAuditFilter } from './audit.repository';
export type { UserListRow } from './user.repository';
export type { ProfileRow, ProfileText, ProfileChange } from './profile.repository';
export type { AccessGrantRow } from './access-grant.repository';
export type { JobRun } from './job-run.repository';
export type { ReportCounts } from './report.repository';
export type { ExchangeCaseRow } from './case-exchange.repository';
export type { CaseRow, CaseListRow, CaseListFilter, NewCase } from './case.repository';
export type { TaskRow, NewTask } from './task.repository';
export type { DocumentRow, NewDocument } from './document.repository';
export type { DueRow, Deleted, RetentionYears } from './retention.repository';
export type { SentReferralRow, SenderScope } from './sent-referral.repository';
export type { OutcomeRow, NrmRow, PlanRow, NewOutcome } from './protection.repository';
export type { AgreementRow, ShareRow } from './sharing.repository';
export type { NewReport, DraftRow, FollowUpRow, MessageRow, QueueFilter, QueueRow } from './intake.repository';
export type { PendingRecord, StoredPersonRow, CandidateRecord, Assignment, NewReviewPair, PictureSettings, StoredModel } from './picture.repository';
export { DEFAULT_PICTURE_SETTINGS } from './picture.repository';
export type { EntityRepository } from './entity.repository';
export type { PictureRepository } from './picture.repository';
export type {
  EntitySearch,
  EntitySearchResult,
  EntityHit,
  PersonDetailsRow,
  ReportHit,
  SourceRecord,
  LinkedEntity,
  ChangeRow,
  ReviewPairRow,
  Move,
} from './entity.repository';
export type { NewCallData, ImportedNumberRow, NumberCallRow, PhoneUserRow } from './call-data.repository';
export type { AssertionRow, NewAssertion } from './assertion.repository';
export type { ChangedLink, GraphChanges, LinkReportRow, LinkSourceRow, NodeRow, SavedChartRow } from './graph.repository';
export type { TallyFilter, TallyRow, ReportDimension, VictimDimension, ReportBehind, VictimForResearch } from './tally.repository';
export type { PeopleRow, PersonBehindRow } from './people-tally.repository';
export type {
  ColleagueInput,
  ColleagueStanding,
  CourseAssignmentRow,
  CourseCompletionRow,
  CourseVersionRow,
  QuizAttemptRow,
  TrainingUnitRow,
} from './training.repository';
export type { ImportRow, ImportBatch, QuarantinedRow, RefusedRow } from './import.repository';
export type { AwarenessEventRow, CampaignRow, MaterialRow, NewAwarenessEvent, PreventSpan } from './prevent.repository';
