import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FiguresParams } from '@harbour/contract';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { PageLinks } from '../../components/page-links';
import { TableScroll } from '../../components/table-scroll';
import { queryOf } from './filter-params';

/**
 * A page of what a figure counts (its reports, or its people): back to the figures, the filter in
 * words, how many in all, a table of this page's rows, and links to the other pages.
 */
export function BehindFrame<T extends { total: number; pageSize: number }>(props: {
  title: string;
  filter: FiguresParams;
  /** The filter in words (see `filterWords`); said only when there is something to say. */
  described: readonly string[];
  found: UseQueryResult<T>;
  total: { id: string; text: (data: T) => string };
  rows: (data: T) => number;
  page: number;
  pagesLabel: string;
  href: (page: number) => string;
  /** The table's head and body. */
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { found, title } = props;
  const data = found.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <Link className="govuk-back-link" to={`/figures?${queryOf(props.filter)}`}>
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{title}</h1>
      {props.described.length !== 0 && <p className="govuk-body">{t('figures.behind.filter', { filter: props.described.join(' · ') })}</p>}
      {found.error && <ErrorSummary problems={problemsFrom(found.error, t)} />}
      {found.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="govuk-body" id={props.total.id}>
            {props.total.text(data)}
          </p>
          {props.rows(data) !== 0 && (
            <TableScroll label={title}>
              <table className="govuk-table app-table--small">
                <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
                {props.children(data)}
              </table>
            </TableScroll>
          )}
          <PageLinks label={props.pagesLabel} page={props.page} pages={pages} href={props.href} />
        </>
      )}
    </>
  );
}
