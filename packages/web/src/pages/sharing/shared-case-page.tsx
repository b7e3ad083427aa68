import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SharedCaseView } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';
import { IntelligenceCard, SharedPartyList, useDay } from './intelligence-card';
import { CaseStatusTag } from '../cases/case-status-tag';
import { CaseNotes } from '../cases/case-notes';
import { TaskCard } from '../tasks/task-card';

/**
 * A case shared with the reader's agency: what its agreement allows (a person it may not know by
 * name is "Potential victim 1"), the agency's own tasks and notes, and a note to add.
 */
export function SharedCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const day = useDay();
  const found = useQuery({ queryKey: ['shared-case', id], queryFn: () => api<SharedCaseView>('GET', `/api/shared/cases/${id}`), retry: false });
  usePageTitle(found.data ? t('pursue.case.title', { reference: found.data.reference }) : t('sharing.list.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  const c = found.data;
  const when = (at: string) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(at));
  return (
    <>
      <Link className="govuk-back-link" to="/shared">
        {t('sharing.list.back')}
      </Link>
      <span className="govuk-caption-l">{c.reference}</span>
      <h1 className="govuk-heading-l">
        {c.title} <CaseStatusTag status={c.status} />
      </h1>
      <div className="govuk-inset-text">
        {t('sharing.case.redacted', {
          categories: c.categories.length ? c.categories.map((x) => t(`sharing.categories.${x}`)).join(', ') : t('sharing.case.nothingMore'),
        })}
      </div>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('pursue.officer')}</dt>
          <dd className="govuk-summary-list__value">{c.officerInCharge ?? t('pursue.noOfficer')}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('sharing.case.sharedAt')}</dt>
          <dd className="govuk-summary-list__value">{when(c.sharedAt)}</dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">{t('pursue.case.people')}</h2>
      <SharedPartyList parties={c.parties} />
      <section aria-labelledby="shared-intelligence">
        <h2 className="govuk-heading-m" id="shared-intelligence">
          {t('sharing.case.intelligence')}
        </h2>
        {c.intelligence.length === 0 && <p className="govuk-body">{t('sharing.case.noIntelligence')}</p>}
        {c.intelligence.map((item) => (
          <IntelligenceCard item={item} key={item.n} title={t('sharing.case.item', { n: item.n, date: day(item.receivedOn) })} />
        ))}
      </section>
      <section aria-labelledby="shared-tasks">
        <h2 className="govuk-heading-m" id="shared-tasks">
          {t('sharing.case.tasks')}
        </h2>
        {c.tasks.length === 0 && <p className="govuk-body">{t('tasks.noneOnCase')}</p>}
        {c.tasks.map((task) => (
          <TaskCard task={task} key={task.id} />
        ))}
      </section>
      <CaseNotes
        heading={t('sharing.case.notes')}
        notes={c.notes}
        when={when}
        send={async (body) => client.setQueryData(['shared-case', id], await api<SharedCaseView>('POST', `/api/shared/cases/${id}/notes`, { body }))}
      />
    </>
  );
}
