import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { MyWork } from '@harbour/contract';
import { BandTag } from '../../components/band-tag';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { dateLocale } from '../../i18n/locale';

/**
 * The reports assigned to the signed-in team member, in the order to work them: the overdue
 * first (marked so on a phone as well as a desk), then by when triage falls due, then those in hand.
 */
export function MyWorkSection() {
  const { t, i18n } = useTranslation();
  const work = useQuery({ queryKey: ['my-work'], queryFn: () => api<MyWork>('GET', '/api/my-work'), retry: false });
  const at = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="my-work-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="my-work-title">
        {t('staffHome.myWork.title')}
      </h2>
      {work.error && <ErrorSummary problems={problemsFrom(work.error, t)} />}
      {work.data && work.data.reports.length === 0 && (
        <p className="govuk-body">
          {t('staffHome.myWork.none')}{' '}
          <Link className="govuk-link" to="/triage">
            {t('staffHome.myWork.toQueue')}
          </Link>
        </p>
      )}
      {work.data && work.data.overdue > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('staffHome.myWork.warning')}</span>
            {t('staffHome.myWork.overdueCount', { count: work.data.overdue })}
          </strong>
        </div>
      )}
      {work.data && work.data.reports.length > 0 && (
        <ul className="app-work-list" data-testid="my-work">
          {work.data.reports.map((r) => (
            <li key={r.id} className={r.overdue ? 'app-work-list__item app-work-list__item--overdue' : 'app-work-list__item'}>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <Link className="govuk-link govuk-!-font-weight-bold" to={`/triage/${r.id}`}>
                  {r.reference}
                </Link>{' '}
                {r.overdue && <strong className="govuk-tag govuk-tag--red">{t('staffHome.myWork.overdueTag')}</strong>} <BandTag band={r.triageBand} />{' '}
                {r.involvesChild && <strong className="govuk-tag govuk-tag--purple">{t('triage.childTag')}</strong>}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {r.dueBy
                  ? t(r.overdue ? 'staffHome.myWork.wasDue' : 'staffHome.myWork.dueBy', { when: at.format(new Date(r.dueBy)) })
                  : t('staffHome.myWork.inHand')}
                {' · '}
                {t('staffHome.myWork.received', { when: at.format(new Date(r.receivedAt)) })}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0 app-work-list__summary">{r.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
