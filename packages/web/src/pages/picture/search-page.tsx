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
import type { PersonDetails, SearchKind, SearchResults } from '@harbour/contract';
import { SEARCH_KINDS } from '@harbour/contract/vocabulary';
import { PageLinks } from '../../components/page-links';
import { useForceAreas } from '../../api/force-areas';
import { dateLocale } from '../../i18n/locale';

/** One box for the whole picture; the query lives in the address so a search can be shared or reopened. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('picture.search.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = SEARCH_KINDS.find((k) => k === params.get('kind')) ?? null;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [draft, setDraft] = useState(q);
  const results = useQuery({
    queryKey: ['search', q, kind, page],
    queryFn: () => api<SearchResults>('GET', `/api/search?${searchAddress(q, kind, page)}`),
    enabled: q.trim().length > 0,
    retry: false,
  });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new search starts from the first few of every kind.
    if (draft.trim()) setParams({ q: draft.trim() });
  };
  const data = results.data;
  const empty = data && data.groups.length === 0 && data.reports.length === 0;
  const kindName = (k: SearchKind) => (k === 'report' ? t('picture.search.reportWords') : t(`picture.kinds.${k}`).toLowerCase());
  /** How many were found, a link to all of them on the first page, page links on a kind's own pages. */
  const more = (k: SearchKind, count: { total: number; capped: boolean }, shown: number) => {
    if (kind)
      return (
        <PageLinks
          label={t('picture.search.pages', { kind: kindName(k) })}
          page={page}
          pages={Math.ceil(count.total / (data?.pageSize ?? 1))}
          href={(n) => `/search?${searchAddress(q, k, n)}`}
        />
      );
    if (count.total <= shown) return null;
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={`/search?${searchAddress(q, k, 1)}`}>
          {count.capped
            ? t('picture.search.seeMore', { count: count.total, kind: kindName(k) })
            : t('picture.search.seeAll', { count: count.total, kind: kindName(k) })}
        </Link>
      </p>
    );
  };
  const counted = (count: { total: number; capped: boolean }) => (
    <p className="govuk-body-s govuk-!-margin-bottom-2">
      {count.capped ? t('picture.search.countCapped', { count: count.total }) : t('picture.search.count', { count: count.total })}
    </p>
  );

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
      {kind && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/search?${searchAddress(q, null, 1)}`}>
            {t('picture.search.allResults', { q })}
          </Link>
        </p>
      )}
      {results.isFetching && <p className="govuk-body">{t('common.loading')}</p>}
      {empty && <p className="govuk-body">{t('picture.search.none', { q })}</p>}
      {data?.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`results-${group.kind}`}>
          <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id={`results-${group.kind}`}>
            {kind ? t('picture.search.kindTitle', { kind: t(`picture.kinds.${group.kind}`), q }) : t(`picture.kinds.${group.kind}`)}
          </h2>
          {counted(group)}
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
                    {item.details && <PersonDetailsLine details={item.details} />}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{item.reports}</td>
                  <td className="govuk-table__cell">{when.format(new Date(item.latest))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(group.kind, group, group.items.length)}
        </section>
      ))}
      {data && data.reports.length > 0 && (
        <section aria-labelledby="results-reports">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id="results-reports">
            {kind ? t('picture.search.kindTitle', { kind: t('picture.search.reportsTitle'), q }) : t('picture.search.reportsTitle')}
          </h2>
          {counted(data.reportCount)}
          <ul className="govuk-list app-results">
            {data.reports.map((r) => (
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
          {more('report', data.reportCount, data.reports.length)}
        </section>
      )}
    </>
  );
}

function searchAddress(q: string, kind: SearchKind | null, page: number): string {
  return new URLSearchParams({ q, ...(kind ? { kind } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
}

/** What tells a person from namesakes, on one line under the name: born, nationality, roles, area. */
function PersonDetailsLine({ details }: { details: PersonDetails }) {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  const locale = dateLocale(i18n.language);
  const born =
    details.dob && /^\d{4}-\d{2}-\d{2}$/.test(details.dob)
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${details.dob}T00:00:00Z`))
      : details.dob;
  const nationality =
    details.nationality && /^[A-Z]{2}$/.test(details.nationality)
      ? (new Intl.DisplayNames(locale, { type: 'region' }).of(details.nationality) ?? details.nationality)
      : details.nationality;
  const parts = [
    born ? t('picture.search.born', { date: born }) : null,
    nationality,
    details.roles.map((r) => t(`reportView.roles.${r}`, { defaultValue: r })).join(', ') || null,
    forceAreas.shown(details.area),
  ].filter(Boolean);
  return parts.length > 0 ? <span className="app-table-hint">{parts.join(' · ')}</span> : null;
}

/** The server marks matched words «like this»; shown as <mark>, never as HTML. */
function highlighted(snippet: string) {
  return snippet.split(/(«[^»]*»)/).map((part, i) => (part.startsWith('«') ? <mark key={i}>{part.slice(1, -1)}</mark> : part));
}
