import type { Repositories, StoreKind } from '@harbour/db';
import { AgencyService } from './agency.service';
import { AuditService } from './audit.service';
import { AuthService, type SessionPolicy } from './auth.service';
import { UserService } from './user.service';
import { AccessGrantService } from './access-grant.service';
import { TrainingService } from './training.service';
import { TrainingCoverageService } from './training-coverage.service';
import { PreventService } from './prevent.service';
import { RequestLimits } from './request-limits';
import { SecretKeyService } from './secret-key.service';
import type { SecretBox } from '../auth/secret-box';
import { OverviewService } from './overview.service';
import { PublicReportService } from './public-report.service';
import { TriageQueueService } from './triage-queue.service';
import { ReportTriageService } from './report-triage.service';
import { ReferralService } from './referral.service';
import { MyWorkService } from './my-work.service';
import { ResolutionService } from './resolution.service';
import { EntityService } from './entity.service';
import { GraphService } from './graph.service';
import { ChartService } from './chart.service';
import { AssertionService } from './assertion.service';
import { CallDataService } from './call-data.service';
import { FiguresService } from './figures.service';
import { JobRunService } from './job-run.service';
import { CaseService } from './case.service';
import { TaskService } from './task.service';
import { ResearchExportService } from './research-export.service';
import { ProblemProfileService } from './problem-profile.service';
import { WrittenProfileService } from './written-profile.service';
import { Boundaries } from './boundaries';
import { CaseExchangeService } from './case-exchange.service';
import { BulkImportService } from './bulk-import.service';
import { toGraphFilter } from './graph-filter';
import { GWENT, NRM_DEFAULTS, RETENTION_DEFAULTS, areaCodes, type ForceArea, type NrmSettings, type RetentionSchedule } from '@harbour/core';
import { CaseRecordsService } from './case-records.service';
import { SharingService } from './sharing.service';
import { ReportSharingService } from './report-sharing.service';
import { RetentionService } from './retention.service';
import { SentReferralService } from './sent-referral.service';
import { CaseDocumentsService, DOCUMENT_DEFAULTS, type DocumentSettings } from './case-documents.service';

/** Records resolved between vacuums of the embedded store (a few seconds' pause at a million people). */
const TIDY_EMBEDDED_STORE_EVERY = 50_000;

/** The one place services are built. */
export function services(
  repos: Repositories,
  options: {
    store: StoreKind;
    session: SessionPolicy;
    secrets: SecretBox;
    now?: () => Date;
    area?: ForceArea;
    geoDir?: string | undefined;
    nrm?: NrmSettings | undefined;
    documents?: DocumentSettings | undefined;
    retention?: RetentionSchedule | undefined;
    /** The public reporting site's address, for posters' QR codes, as it stands when asked. */
    publicUrl?: () => string | undefined;
  },
) {
  const area = options.area ?? GWENT;
  const audit = new AuditService(repos);
  const graph = new GraphService(repos);
  const tasks = new TaskService(repos, options.now);
  const sharing = new SharingService(repos, tasks, options.now);
  const documentSettings = options.documents ?? DOCUMENT_DEFAULTS;
  const boundaries = new Boundaries(options.geoDir, area);
  const figures = new FiguresService(repos, area, boundaries, options.now);
  const profile = new ProblemProfileService(repos, area, figures, graph, options.now);
  return {
    store: options.store,
    /** The force Harbour serves and its local authorities (configuration, not code). */
    area,
    areaCodes: areaCodes(area),
    /** How large a case document may be and where documents are kept. */
    documentSettings,
    audit,
    auth: new AuthService(repos, audit, options.session, options.secrets, options.now),
    secretKeys: new SecretKeyService(repos, audit, options.secrets),
    users: new UserService(repos, audit, options.now),
    accessGrants: new AccessGrantService(repos, audit, options.now),
    training: new TrainingService(repos, area, options.now),
    trainingCoverage: new TrainingCoverageService(repos, area, options.now),
    prevent: new PreventService(repos, area, boundaries, options.publicUrl ?? (() => undefined), options.now),
    requestLimits: new RequestLimits(repos, options.now),
    agencies: new AgencyService(repos, audit),
    jobs: new JobRunService(repos),
    overview: new OverviewService(repos, area, options.now),
    publicReports: new PublicReportService(repos, options.now),
    triageQueue: new TriageQueueService(repos),
    reportTriage: new ReportTriageService(repos, options.now),
    myWork: new MyWorkService(repos, options.now),
    referrals: new ReferralService(repos, options.now),
    sentReferrals: new SentReferralService(repos, options.now),
    resolution: new ResolutionService(repos, undefined, {
      changed: () => graph.changed(),
      ...(options.store === 'pglite' ? { tidyEvery: TIDY_EMBEDDED_STORE_EVERY } : {}),
    }),
    entities: new EntityService(repos, () => graph.changed()),
    graph,
    charts: new ChartService(repos, graph, toGraphFilter, options.now),
    assertions: new AssertionService(repos, graph, options.now),
    callData: new CallDataService(repos, options.now),
    caseExchange: new CaseExchangeService(repos, area, options.now),
    cases: new CaseService(
      repos,
      tasks,
      new CaseRecordsService(repos, options.nrm ?? NRM_DEFAULTS, options.now),
      sharing,
      new CaseDocumentsService(repos, documentSettings, options.now),
      (entityId, most) => graph.networkMembers(entityId, most),
      options.now,
    ),
    sharing,
    reportSharing: new ReportSharingService(repos, options.now),
    tasks,
    retention: new RetentionService(
      repos,
      options.retention ?? RETENTION_DEFAULTS,
      { pictureChanged: () => graph.changed(), documentFolder: documentSettings.folder },
      options.now,
    ),
    imports: new BulkImportService(repos, area, options.now),
    research: new ResearchExportService(repos, area, options.now),
    figures,
    profile,
    writtenProfiles: new WrittenProfileService(repos, profile, options.now),
  };
}

export type Services = ReturnType<typeof services>;
