import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobRunView, JobRuns } from '@harbour/contract';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';

/** The page asks again this often: job runs hold no personal data, so looking is not audited. */
const REFRESH_MS = 10_000;

/**
 * Harbour's background jobs for an administrator or supervisor: one card per job, so it reads on
 * a phone as well as a desk: whether it is well, when it last ran, what that run did, and the
 * reason of the last failure.
 */
export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.title'));
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => api<JobRuns>('GET', '/api/admin/jobs'), refetchInterval: REFRESH_MS });

  return (
    <>
      <h1 className="govuk-heading-l">{t('jobs.title')}</h1>
      <p className="govuk-body">{t('jobs.lead')}</p>
      <p className="govuk-body-s">{t('jobs.refreshes')}</p>
      {jobs.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {jobs.data && jobs.data.jobs.length === 0 && <p className="govuk-body">{t('jobs.none')}</p>}
      {jobs.data?.jobs.map((job) => (
        <JobCard job={job} key={job.name} />
      ))}
    </>
  );
}

function JobCard({ job }: { job: JobRunView }) {
  const { t, i18n } = useTranslation();
  const locale = dateLocale(i18n.language);
  const when = (at: string | null) =>
    at ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' }).format(new Date(at)) : t('jobs.never');
  const number = (n: number) => n.toLocaleString(locale);
  const every = job.everySeconds % 60 === 0 ? t('jobs.everyMinutes', { count: job.everySeconds / 60 }) : t('jobs.everySeconds', { count: job.everySeconds });
  const state = job.failingRuns > 0 ? 'failing' : job.lastFinishedAt ? 'working' : 'notRun';
  const did = Object.entries(job.lastSummary).filter(([, n]) => n > 0);
  const headingId = `job-${job.name}`;

  return (
    <section className="govuk-summary-card" aria-labelledby={headingId} data-job={job.name}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={headingId}>
          {t(`jobs.names.${job.name}`)}{' '}
          <strong className={`govuk-tag ${TAG[state]}`} data-state={state}>
            {t(`jobs.states.${state}`)}
          </strong>
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label={t('jobs.what')}>{t(`jobs.descriptions.${job.name}`)}</Row>
          <Row label={t('jobs.howOften')}>{every}</Row>
          <Row label={t('jobs.lastRun')}>{when(job.lastStartedAt)}</Row>
          <Row label={t('jobs.lastDid')}>
            {job.lastSucceededAt === null ? (
              t('jobs.never')
            ) : did.length === 0 ? (
              t('jobs.nothingToDo')
            ) : (
              <ul className="govuk-list">
                {did.map(([key, n]) => (
                  <li key={key}>{t(`jobs.counts.${key}`, { n: number(n), defaultValue: `${key}: ${number(n)}` })}</li>
                ))}
              </ul>
            )}
          </Row>
          <Row label={t('jobs.lastSucceeded')}>{when(job.lastSucceededAt)}</Row>
          <Row label={t('jobs.lastFailed')}>
            {job.lastFailedAt === null ? (
              t('jobs.never')
            ) : (
              <>
                {when(job.lastFailedAt)}
                <br />
                <span className="app-details-cell">{t('jobs.reason', { reason: job.lastFailure ?? '' })}</span>
              </>
            )}
          </Row>
          {job.failingRuns > 0 && <Row label={t('jobs.failingRuns')}>{number(job.failingRuns)}</Row>}
          <Row label={t('jobs.totals')}>{t('jobs.runsAndFailures', { runs: number(job.runs), failures: number(job.failures) })}</Row>
          <Row label={t('jobs.now')}>{t('jobs.waitingAndRunning', { waiting: number(job.waiting), running: number(job.running) })}</Row>
        </dl>
      </div>
    </section>
  );
}

const TAG = { working: 'govuk-tag--green', failing: 'govuk-tag--red', notRun: 'govuk-tag--grey' } as const;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
