import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { usePageTitle } from '../../components/page-title';
import type { ReportsBehind } from '@harbour/contract';
import { filterFrom, queryOf } from './filter-params';
import { filterWords } from './filter-words';
import { BehindFrame } from './behind-frame';
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
  return (
    <BehindFrame
      title={t('figures.behind.title')}
      filter={filter}
      described={described}
      found={found}
      total={{ id: 'behind-total', text: (data) => t('figures.behind.total', { count: data.total, formatted: number.format(data.total) }) }}
      rows={(data) => data.reports.length}
      page={page}
      pagesLabel={t('figures.behind.pages')}
      href={(n) => `/figures/reports?${queryOf(filter, { page: String(n) })}`}
    >
      {(data) => (
        <>
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
        </>
      )}
    </BehindFrame>
  );
}
