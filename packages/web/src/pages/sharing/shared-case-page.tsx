import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SharedCaseView } from '@harbour/contract';
import { REDACTED_MARK } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';
import { Grading } from '../../components/grading';
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
  const found = useQuery({ queryKey: ['shared-case', id], queryFn: () => api<SharedCaseView>('GET', `/api/shared/cases/${id}`), retry: false });
  usePageTitle(found.data ? t('pursue.case.title', { reference: found.data.reference }) : t('sharing.list.title'));
  if (found.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!found.data) return <ErrorSummary problems={found.error ? problemsFrom(found.error, t) : []} />;
  const c = found.data;
  const day = (on: string) => new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(on));
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
      <ul className="govuk-list" id="shared-parties">
        {c.parties.map((p) => (
          <li key={`${p.kind}-${p.role}-${p.n}`} data-party-role={p.role}>
            <strong>{p.label ?? t(`sharing.case.hidden.${p.kind === 'address' ? 'address' : p.role}`, { n: p.n })}</strong>{' '}
            <span className="govuk-body-s">({p.kind === 'address' ? t('picture.kind.address') : t(`pursue.role.${p.role}`)})</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="shared-intelligence">
        <h2 className="govuk-heading-m" id="shared-intelligence">
          {t('sharing.case.intelligence')}
        </h2>
        {c.intelligence.length === 0 && <p className="govuk-body">{t('sharing.case.noIntelligence')}</p>}
        {c.intelligence.map((item) => (
          <div className="govuk-summary-card" key={item.n} data-grading={item.grading}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                {t('sharing.case.item', { n: item.n, date: day(item.receivedOn) })} <Grading code={item.grading} />
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              {item.handlingConditions && (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">{t('common.warning')} </span>
                    {t('sharing.case.handling')} <span className="app-preserve-lines">{item.handlingConditions}</span>
                  </strong>
                </div>
              )}
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('reportView.types')}</dt>
                  <dd className="govuk-summary-list__value">{item.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ') || '–'}</dd>
                </div>
                {item.town && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t('sharing.case.town')}</dt>
                    <dd className="govuk-summary-list__value">{item.town}</dd>
                  </div>
                )}
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('sharing.case.summary')}</dt>
                  <dd className="govuk-summary-list__value app-preserve-lines">{item.summary.replaceAll(REDACTED_MARK, t('sharing.case.withheld'))}</dd>
                </div>
              </dl>
            </div>
          </div>
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
