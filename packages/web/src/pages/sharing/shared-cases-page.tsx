import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SharedCaseList, SharedReportList } from '@harbour/contract';
import { Grading } from '../../components/grading';
import { useDay } from './intelligence-card';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';
import { CaseStatusTag } from '../cases/case-status-tag';

/** The cases the force shares with the reader's agency, while its agreement is in force. */
export function SharedCasesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('sharing.list.title'));
  const list = useQuery({ queryKey: ['shared-cases'], queryFn: () => api<SharedCaseList>('GET', '/api/shared/cases') });
  const reports = useQuery({ queryKey: ['shared-reports'], queryFn: () => api<SharedReportList>('GET', '/api/shared/reports') });
  const day = useDay();
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'Europe/London' });
  return (
    <>
      <h1 className="govuk-heading-l">{t('sharing.list.title')}</h1>
      <p className="govuk-body">{t('sharing.list.lead')}</p>
      {list.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {list.data?.cases.length === 0 && <p className="govuk-body">{t('sharing.list.none')}</p>}
      <ul className="govuk-list" id="shared-cases">
        {list.data?.cases.map((c) => (
          <li key={c.id} className="govuk-!-margin-bottom-3">
            <Link className="govuk-link" to={`/shared/${c.id}`}>
              {c.reference}: {c.title}
            </Link>{' '}
            <CaseStatusTag status={c.status} />
            <br />
            <span className="govuk-body-s">{t('sharing.list.sharedOn', { date: when.format(new Date(c.sharedAt)) })}</span>
          </li>
        ))}
      </ul>
      {!!reports.data?.reports.length && (
        <>
          <h2 className="govuk-heading-m">{t('sharing.report.listTitle')}</h2>
          <ul className="govuk-list" id="shared-reports">
            {reports.data.reports.map((r) => (
              <li key={r.id} className="govuk-!-margin-bottom-3">
                <Link className="govuk-link" to={`/shared/reports/${r.id}`}>
                  {t('sharing.report.received', { date: day(r.receivedOn), shared: day(r.sharedAt.slice(0, 10)) })}
                </Link>{' '}
                <Grading code={r.grading} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
