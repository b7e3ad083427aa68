import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLinks } from '../../components/page-links';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import type { ReportsBehind } from '@harbour/contract';
import { filterFrom, queryOf } from './filter-params';
import { filterWords } from './filter-words';
import { dateLocale } from '../../i18n/locale';

/** The reports a figure counts, newest first, a page at a time; each opens whole. */
export function ReportsBehindPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('figures.behind.title'));
  const [params] = useSearchParams();
  const filter = filterFrom(params);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const query = queryOf(filter, page > 1 ? { page: String(page) } : {});
  const found = useQuery({ queryKey: ['figures-reports', query], queryFn: () => api<ReportsBehind>('GET', `/api/figures/reports?${query}`), retry: false });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'Europe/London' });
  const number = new Intl.NumberFormat(dateLocale(i18n.language));
  const areaName = (code: string | null) => {
    return forceAreas.nameOf(code) ?? t('figures.areaUnknown');
  };
  const described = filterWords(t, filter, areaName);
  const data = found.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <Link className="govuk-back-link" to={`/figures?${queryOf(filter)}`}>
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('figures.behind.title')}</h1>
      {described.length !== 0 && <p className="govuk-body">{t('figures.behind.filter', { filter: described.join(' · ') })}</p>}
      {found.error && <ErrorSummary problems={problemsFrom(found.error, t)} />}
      {found.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="govuk-body" id="behind-total">
            {t('figures.behind.total', { count: data.total, formatted: number.format(data.total) })}
          </p>
          {data.reports.length !== 0 && (
            <TableScroll label={t('figures.behind.title')}>
              <table className="govuk-table app-table--small">
                <caption className="govuk-table__caption govuk-visually-hidden">{t('figures.behind.title')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    {['reference', 'received', 'area', 'types', 'age', 'source', 'status'].map((h) => (
                      <th key={h} scope="col" className="govuk-table__header">
                        {t(`figures.behind.${h}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {data.reports.map((r) => (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/reports/${r.id}`}>
                          {r.reference}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{when.format(new Date(r.receivedAt))}</td>
                      <td className="govuk-table__cell">{areaName(r.area)}</td>
                      <td className="govuk-table__cell">
                        {r.exploitationTypes.length === 0 ? t('referral.types.unknown') : r.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ')}
                      </td>
                      <td className="govuk-table__cell">{t(`figures.age.${r.child ? 'child' : 'adult'}`)}</td>
                      <td className="govuk-table__cell">{t(`sources.${r.source}`)}</td>
                      <td className="govuk-table__cell">{t(`figures.behind.statuses.${r.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <PageLinks label={t('figures.behind.pages')} page={page} pages={pages} href={(n) => `/figures/reports?${queryOf(filter, { page: String(n) })}`} />
        </>
      )}
    </>
  );
}
