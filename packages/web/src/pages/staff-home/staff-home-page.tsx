import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyTasksSection } from '../tasks/my-tasks-section';
import { api } from '../../api/client';
import type { Overview, Session } from '@harbour/contract';
import { CountTable } from '../../components/count-table';
import { usePageTitle } from '../../components/page-title';
import { hasPermission } from '../../session/session';
import { dateLocale } from '../../i18n/locale';
import { MyWorkSection } from './my-work';
import { MyTrainingSection } from '../training/my-training-section';

const TASKS: readonly { to: string; key: string; permission: string }[] = [
  { to: '/cases', key: 'staffHome.tasks.cases', permission: 'cases:read' },
  { to: '/shared', key: 'staffHome.tasks.shared', permission: 'cases:shared' },
  { to: '/referrals/sent', key: 'staffHome.tasks.sentReferrals', permission: 'referrals:create' },
  { to: '/admin/agreements', key: 'staffHome.tasks.agreements', permission: 'sharing:manage' },
  { to: '/admin/accounts', key: 'staffHome.tasks.users', permission: 'users:read' },
  { to: '/admin/agencies', key: 'staffHome.tasks.agencies', permission: 'agencies:read' },
  { to: '/admin/audit', key: 'staffHome.tasks.audit', permission: 'audit:read' },
  { to: '/admin/jobs', key: 'staffHome.tasks.jobs', permission: 'jobs:read' },
  { to: '/records/review', key: 'staffHome.tasks.retention', permission: 'records:review' },
  { to: '/agency/activity', key: 'staffHome.tasks.agencyActivity', permission: 'audit:agency' },
  { to: '/account', key: 'staffHome.tasks.account', permission: 'self' },
];

export function StaffHomePage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('nav.home'));
  const canSeeOverview = hasPermission(session, 'reports:overview');
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => api<Overview>('GET', '/api/overview'), enabled: canSeeOverview });
  const number = new Intl.NumberFormat(dateLocale(i18n.language));

  return (
    <>
      <h1 className="govuk-heading-l">{t('staffHome.title', { name: session.user.displayName })}</h1>
      <p className="govuk-body-l">{t(`staffHome.roleLead.${session.user.role}`)}</p>
      <p className="govuk-body">{t('staffHome.signedInAs', { role: t(`roles.${session.user.role}`), agency: session.user.agencyName })}</p>

      {session.grant && (
        <div className="govuk-inset-text" data-testid="named-access">
          {t('namedAccess.youHave', {
            until: new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(session.grant.expiresAt)),
            by: session.grant.grantedBy,
            purpose: session.grant.purpose,
          })}
        </div>
      )}

      {hasPermission(session, 'tasks:work') && <MyTasksSection />}
      {hasPermission(session, 'reports:triage') && <MyWorkSection />}
      {hasPermission(session, 'training:take') && <MyTrainingSection />}

      {canSeeOverview && overview.data && (
        <section aria-labelledby="overview-title" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id="overview-title">
            {t('staffHome.overviewTitle')}
          </h2>
          <p className="app-figure">{t('staffHome.overviewTotal', { count: overview.data.total })}</p>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <CountTable
                caption={t('staffHome.byArea')}
                labelHeading={t('staffHome.area')}
                countHeading={t('staffHome.count')}
                rows={overview.data.byArea.map((a) => ({ key: a.code, label: i18n.language === 'cy' ? a.nameCy : a.name, count: a.count }))}
                format={(n) => number.format(n)}
              />
            </div>
            <div className="govuk-grid-column-one-half">
              <CountTable
                caption={t('staffHome.bySource')}
                labelHeading={t('staffHome.source')}
                countHeading={t('staffHome.count')}
                rows={overview.data.bySource.map((s) => ({ key: s.source, label: t(`sources.${s.source}`), count: s.count }))}
                format={(n) => number.format(n)}
              />
            </div>
          </div>
        </section>
      )}

      <h2 className="govuk-heading-m">{t('staffHome.tasksTitle')}</h2>
      <ul className="app-card-list">
        {TASKS.filter((task) => hasPermission(session, task.permission)).map((task) => (
          <li key={task.to}>
            <div className="app-card">
              <Link className="govuk-link govuk-!-font-weight-bold" to={task.to}>
                {t(task.key)}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
