import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { usePageTitle } from '../../components/page-title';
import { ReportLink } from './report-link';
import type { SearchResults } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

/** One box for the whole picture; the query lives in the address so a search can be shared or reopened. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('picture.search.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: () => api<SearchResults>('GET', `/api/search?${new URLSearchParams({ q }).toString()}`),
    enabled: q.trim().length > 0,
    retry: false,
  });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setParams({ q: draft.trim() });
  };
  const empty = results.data && results.data.groups.length === 0 && results.data.reports.length === 0;

  return (
    <>
      <h1 className="govuk-heading-l">{t('picture.search.title')}</h1>
      {results.error && <ErrorSummary problems={problemsFrom(results.error, t)} />}
      <form onSubmit={submit} role="search" noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            {t('picture.search.label')}
          </label>
          <div id="q-hint" className="govuk-hint">
            {t('picture.search.hint')}
          </div>
          <div className="app-search">
            <input id="q" name="q" type="search" className="govuk-input" aria-describedby="q-hint" value={draft} onChange={(e) => setDraft(e.target.value)} />
            <button type="submit" className="govuk-button">
              {t('picture.search.button')}
            </button>
          </div>
        </div>
      </form>
      {results.isFetching && <p className="govuk-body">{t('common.loading')}</p>}
      {empty && <p className="govuk-body">{t('picture.search.none', { q })}</p>}
      {results.data?.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`results-${group.kind}`}>
          <h2 className="govuk-heading-m" id={`results-${group.kind}`}>
            {t(`picture.kinds.${group.kind}`)}
          </h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t(`picture.kinds.${group.kind}`)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('picture.search.name')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('picture.search.reports')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.search.latest')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {group.items.map((item) => (
                <tr className="govuk-table__row" key={item.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/entities/${item.id}`}>
                      {item.label === 'unnamed person' ? t('picture.entity.unnamed') : item.label}
                    </Link>
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{item.reports}</td>
                  <td className="govuk-table__cell">{when.format(new Date(item.latest))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {results.data && results.data.reports.length > 0 && (
        <section aria-labelledby="results-reports">
          <h2 className="govuk-heading-m" id="results-reports">
            {t('picture.search.reportsTitle')}
          </h2>
          <ul className="govuk-list app-results">
            {results.data.reports.map((r) => (
              <li key={r.id}>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>
                    <ReportLink id={r.id} reference={r.reference} />
                  </strong>{' '}
                  · {when.format(new Date(r.receivedAt))} · {t(`sources.${r.source}`)} · <Grading code={r.grading} />
                </p>
                <p className="govuk-body-s">{highlighted(r.snippet)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The server marks matched words «like this»; shown as <mark>, never as HTML. */
function highlighted(snippet: string) {
  return snippet.split(/(«[^»]*»)/).map((part, i) => (part.startsWith('«') ? <mark key={i}>{part.slice(1, -1)}</mark> : part));
}
