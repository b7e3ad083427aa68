import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Session } from '@harbour/contract';
import { Layout } from './components/layout/layout';
import { usePageTitle } from './components/page-title';
import { AccountPage } from './pages/account/account-page';
import { AccountsPage } from './pages/accounts/accounts-page';
import { AgenciesPage } from './pages/agencies/agencies-page';
import { AuditPage } from './pages/audit/audit-page';
import { AgencyActivityPage } from './pages/audit/agency-activity-page';
import { RetentionPage } from './pages/records/retention-page';
import { JobsPage } from './pages/jobs/jobs-page';
import { AgreementsPage } from './pages/sharing/agreements-page';
import { SharedReportPage } from './pages/sharing/shared-report-page';
import { SharedCasePage } from './pages/sharing/shared-case-page';
import { SharedCasesPage } from './pages/sharing/shared-cases-page';
import { CasesPage } from './pages/cases/cases-page';
import { CasePage } from './pages/cases/case-page';
import { TasksPage } from './pages/tasks/tasks-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { SelfCheckPage } from './pages/self-check/self-check-page';
import { PublicHomePage } from './pages/public-home/public-home-page';
import { FollowUpPage } from './pages/report/follow-up-page';
import { ReportPage } from './pages/report/report-page';
import { EnrolPage } from './pages/sign-in/enrol-page';
import { SecondFactorPage } from './pages/sign-in/second-factor-page';
import { nextPathFor, SignInPage } from './pages/sign-in/sign-in-page';
import { StaffHomePage } from './pages/staff-home/staff-home-page';
import { ReferralPage } from './pages/referral/referral-page';
import { SentReferralPage, SentReferralsPage } from './pages/referral/sent-referrals-page';
import { TriagePage } from './pages/triage/triage-page';
import { ReportViewPage } from './pages/triage/report-view-page';
import { EntityPage } from './pages/picture/entity-page';
import { ReviewPage } from './pages/picture/review-page';
import { SearchPage } from './pages/picture/search-page';
import { PictureSettingsPage } from './pages/picture/settings-page';
import { NetworksPage } from './pages/graph/networks-page';
import { CallDataPage } from './pages/graph/call-data-page';
import { hasPermission, useSession } from './session/session';

// The chart brings Cytoscape.js: loaded only by those who open one.
import { DashboardPage } from './pages/figures/dashboard-page';
import { PeopleBehindPage } from './pages/figures/people-behind-page';
import { ReportsBehindPage } from './pages/figures/reports-behind-page';
import { MapPage } from './pages/figures/map-page';
import { ProfilePage } from './pages/figures/profile-page';
import { WrittenProfilesPage } from './pages/figures/written-profiles-page';
import { WrittenProfilePage } from './pages/figures/written-profile-page';
import { ResearchExportPage } from './pages/figures/research-export-page';
import { HtcdsPage } from './pages/cases/htcds-page';
import { ImportsPage } from './pages/imports/imports-page';
import { ImportPage } from './pages/imports/import-page';
import { TrainingPage } from './pages/training/training-page';
import { CoursePage } from './pages/training/course-page';
import { QuizPage } from './pages/training/quiz-page';
import { AuthoringPage } from './pages/training/authoring-page';
import { CourseEditorPage } from './pages/training/course-editor-page';
import { CoveragePage } from './pages/training/coverage-page';
import { PreventPage } from './pages/prevent/prevent-page';
import { EventsPage, RecordEventPage } from './pages/prevent/events-page';
const ChartPage = lazy(() => import('./pages/graph/chart-page').then((m) => ({ default: m.ChartPage })));

/** Staff pages: the server decides access; this only sends people to the right page first. */
function Staff({ permission, children }: { permission: string; children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const { data: session, isLoading } = useSession();
  if (isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.stage !== 'complete') return <Navigate to={nextPathFor(session)} replace />;
  if (!hasPermission(session, permission)) return <Forbidden />;
  return <>{children(session)}</>;
}

/** Sign-in steps: only for a session at that step. */
function SignInStep({ stage, children }: { stage: Session['stage'] | 'none'; children: ReactNode }) {
  const { data: session, isLoading } = useSession();
  if (isLoading) return null;
  const current = session?.stage ?? 'none';
  if (current !== stage) return <Navigate to={session ? nextPathFor(session) : '/sign-in'} replace />;
  return <>{children}</>;
}

function Loading() {
  const { t } = useTranslation();
  return <p className="govuk-body">{t('common.loading')}</p>;
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbidden'));
  return <h1 className="govuk-heading-l">{t('errors.forbidden')}</h1>;
}

const PUBLIC_PATHS = ['/', '/sign-in', '/report', '/report/follow-up'];
/** Self-check pages (`/check/car-wash`) are public too. */
const isPublicPath = (path: string) => PUBLIC_PATHS.includes(path) || path.startsWith('/check/');
/** Pages given the whole width of the screen: a link chart is worked on a canvas as wide as it can be. */
const WIDE_PATHS = ['/chart'];

export function App() {
  const location = useLocation();
  const { data: session } = useSession();
  // The quick exit shows wherever someone who is not signed in might be reading.
  const isPublic = isPublicPath(location.pathname) || !session;
  return (
    <Layout isPublic={isPublic} wide={WIDE_PATHS.includes(location.pathname)}>
      <Routes>
        <Route path="/" element={<PublicHomePage />} />
        <Route path="/report" element={<ReportPage />} />
        <Route path="/check/:setting" element={<SelfCheckPage />} />
        <Route path="/report/follow-up" element={<FollowUpPage />} />
        <Route
          path="/sign-in"
          element={
            <SignInStep stage="none">
              <SignInPage />
            </SignInStep>
          }
        />
        <Route
          path="/sign-in/code"
          element={
            <SignInStep stage="second-factor">
              <SecondFactorPage />
            </SignInStep>
          }
        />
        <Route
          path="/sign-in/set-up"
          element={
            <SignInStep stage="enrol-second-factor">
              <EnrolPage />
            </SignInStep>
          }
        />
        <Route path="/triage" element={<Staff permission="reports:triage">{() => <TriagePage />}</Staff>} />
        <Route path="/triage/:id" element={<Staff permission="reports:triage">{() => <ReportViewPage />}</Staff>} />
        <Route path="/reports/:id" element={<Staff permission="reports:read">{() => <ReportViewPage />}</Staff>} />
        <Route path="/search" element={<Staff permission="picture:search">{() => <SearchPage />}</Staff>} />
        <Route path="/entities/:id" element={<Staff permission="picture:search">{() => <EntityPage />}</Staff>} />
        <Route path="/call-data" element={<Staff permission="links:import">{() => <CallDataPage />}</Staff>} />
        <Route path="/networks" element={<Staff permission="picture:search">{() => <NetworksPage />}</Staff>} />
        <Route
          path="/chart"
          element={
            <Staff permission="picture:search">
              {() => (
                <Suspense fallback={<Loading />}>
                  <ChartPage />
                </Suspense>
              )}
            </Staff>
          }
        />
        <Route path="/figures" element={<Staff permission="reports:overview">{() => <DashboardPage />}</Staff>} />
        <Route path="/figures/profile" element={<Staff permission="reports:overview">{() => <ProfilePage />}</Staff>} />
        <Route path="/figures/profiles" element={<Staff permission="reports:overview">{() => <WrittenProfilesPage />}</Staff>} />
        <Route path="/figures/profiles/:id" element={<Staff permission="reports:overview">{() => <WrittenProfilePage />}</Staff>} />
        <Route path="/tasks" element={<Staff permission="tasks:work">{(s) => <TasksPage session={s} />}</Staff>} />
        <Route path="/cases" element={<Staff permission="cases:read">{() => <CasesPage />}</Staff>} />
        <Route path="/cases/:id" element={<Staff permission="cases:read">{() => <CasePage />}</Staff>} />
        <Route path="/cases/htcds" element={<Staff permission="cases:exchange">{() => <HtcdsPage />}</Staff>} />
        <Route path="/figures/research" element={<Staff permission="figures:export">{() => <ResearchExportPage />}</Staff>} />
        <Route path="/figures/map" element={<Staff permission="reports:overview">{() => <MapPage />}</Staff>} />
        <Route path="/figures/reports" element={<Staff permission="reports:read">{() => <ReportsBehindPage />}</Staff>} />
        <Route path="/figures/people" element={<Staff permission="picture:search">{() => <PeopleBehindPage />}</Staff>} />
        <Route path="/review" element={<Staff permission="picture:resolve">{() => <ReviewPage />}</Staff>} />
        <Route path="/picture/settings" element={<Staff permission="picture:configure">{() => <PictureSettingsPage />}</Staff>} />
        <Route path="/referral" element={<Staff permission="referrals:create">{() => <ReferralPage />}</Staff>} />
        <Route path="/referrals/sent" element={<Staff permission="referrals:create">{() => <SentReferralsPage />}</Staff>} />
        <Route path="/referrals/sent/:id" element={<Staff permission="referrals:create">{() => <SentReferralPage />}</Staff>} />
        <Route path="/imports" element={<Staff permission="imports:run">{() => <ImportsPage />}</Staff>} />
        <Route path="/imports/:id" element={<Staff permission="imports:run">{() => <ImportPage />}</Staff>} />
        <Route path="/prevent" element={<Staff permission="prevent:record">{() => <PreventPage />}</Staff>} />
        <Route path="/prevent/events" element={<Staff permission="prevent:record">{() => <EventsPage />}</Staff>} />
        <Route path="/prevent/events/new" element={<Staff permission="prevent:record">{() => <RecordEventPage />}</Staff>} />
        <Route path="/training" element={<Staff permission="training:take">{() => <TrainingPage />}</Staff>} />
        <Route path="/training/coverage" element={<Staff permission="training:manage">{() => <CoveragePage />}</Staff>} />
        <Route path="/training/authoring" element={<Staff permission="training:author">{() => <AuthoringPage />}</Staff>} />
        <Route path="/training/authoring/new" element={<Staff permission="training:author">{() => <CourseEditorPage />}</Staff>} />
        <Route path="/training/authoring/:id" element={<Staff permission="training:author">{() => <CourseEditorPage />}</Staff>} />
        <Route path="/training/:id" element={<Staff permission="training:take">{() => <CoursePage />}</Staff>} />
        <Route path="/training/:id/modules/:moduleId" element={<Staff permission="training:take">{() => <CoursePage />}</Staff>} />
        <Route path="/training/:id/quiz" element={<Staff permission="training:take">{() => <QuizPage />}</Staff>} />
        <Route path="/home" element={<Staff permission="self">{(s) => <StaffHomePage session={s} />}</Staff>} />
        <Route path="/account" element={<Staff permission="self">{(s) => <AccountPage session={s} />}</Staff>} />
        <Route path="/admin/accounts" element={<Staff permission="users:read">{(s) => <AccountsPage session={s} />}</Staff>} />
        <Route path="/admin/agencies" element={<Staff permission="agencies:read">{(s) => <AgenciesPage session={s} />}</Staff>} />
        <Route path="/admin/audit" element={<Staff permission="audit:read">{() => <AuditPage />}</Staff>} />
        <Route path="/records/review" element={<Staff permission="records:review">{(session) => <RetentionPage session={session} />}</Staff>} />
        <Route path="/agency/activity" element={<Staff permission="audit:agency">{() => <AgencyActivityPage />}</Staff>} />
        <Route path="/admin/jobs" element={<Staff permission="jobs:read">{() => <JobsPage />}</Staff>} />
        <Route path="/admin/agreements" element={<Staff permission="sharing:manage">{() => <AgreementsPage />}</Staff>} />
        <Route path="/shared" element={<Staff permission="cases:shared">{() => <SharedCasesPage />}</Staff>} />
        <Route path="/shared/:id" element={<Staff permission="cases:shared">{() => <SharedCasePage />}</Staff>} />
        <Route path="/shared/reports/:id" element={<Staff permission="cases:shared">{() => <SharedReportPage />}</Staff>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
