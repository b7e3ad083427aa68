import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SharedReportView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { IntelligenceCard, SharedPartyList, useDay } from './intelligence-card';

/** One report the force shares with the reader's agency: what its agreement allows, never its reference or its source. */
export function SharedReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const day = useDay();
  const found = useQuery({ queryKey: ['shared-report', id], queryFn: () => api<SharedReportView>('GET', `/api/shared/reports/${id}`), retry: false });
  usePageTitle(t('sharing.report.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  const r = found.data;
  return (
    <>
      <Link className="govuk-back-link" to="/shared">
        {t('sharing.list.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('sharing.report.title')}</h1>
      <div className="govuk-inset-text">
        {t('sharing.case.redacted', {
          categories: r.categories.length ? r.categories.map((x) => t(`sharing.categories.${x}`)).join(', ') : t('sharing.case.nothingMore'),
        })}
      </div>
      <h2 className="govuk-heading-m">{t('pursue.case.people')}</h2>
      <SharedPartyList parties={r.parties} />
      <IntelligenceCard
        item={r.intelligence}
        title={t('sharing.report.received', { date: day(r.intelligence.receivedOn), shared: day(r.sharedAt.slice(0, 10)) })}
      />
    </>
  );
}
