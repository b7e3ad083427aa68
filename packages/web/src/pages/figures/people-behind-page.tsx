import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PeopleBehind } from '@harbour/contract';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { usePageTitle } from '../../components/page-title';
import { dateLocale } from '../../i18n/locale';
import { filterFrom, queryOf } from './filter-params';
import { filterWords } from './filter-words';
import { BehindFrame } from './behind-frame';

/** What of a person a figure of people is broken down by, as it stands in the address. */
const PERSON_PARAMS = ['role', 'gender', 'nationality', 'ageBand'] as const;

/**
 * The people a figure of people counts (potential victims by gender, nationality or age band):
 * each person once, as the figure counted them, most reports first; each opens their page in the
 * picture (a record the picture has not resolved yet is named, not linked).
 */
export function PeopleBehindPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('figures.people.title'));
  const [params] = useSearchParams();
  const filter = filterFrom(params);
  const person = Object.fromEntries(PERSON_PARAMS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const query = queryOf(filter, { ...person, ...(page > 1 ? { page: String(page) } : {}) });
  const found = useQuery({ queryKey: ['figures-people', query], queryFn: () => api<PeopleBehind>('GET', `/api/figures/people?${query}`), retry: false });
  const locale = dateLocale(i18n.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/London' });
  const number = new Intl.NumberFormat(locale);
  const region = new Intl.DisplayNames([i18n.language === 'cy' ? 'cy' : 'en'], { type: 'region' });
  const country = (code: string) => (code ? (region.of(code) ?? code) : t('figures.nationalityUnknown'));
  const described = [
    t(`figures.people.roles.${person['role'] ?? 'potential_victim'}`),
    person['gender'] ? t(`figures.gender.${person['gender']}`) : '',
    person['nationality'] ? country(person['nationality'] === 'unknown' ? '' : person['nationality']) : '',
    person['ageBand'] ? t(`figures.ageBand.${person['ageBand']}`) : '',
    ...filterWords(t, filter, (code) => forceAreas.nameOf(code) ?? t('figures.areaUnknown')),
  ].filter(Boolean);
  return (
    <BehindFrame
      title={t('figures.people.title')}
      filter={filter}
      described={described}
      found={found}
      total={{ id: 'people-total', text: (data) => t('figures.people.total', { count: data.total, formatted: number.format(data.total) }) }}
      rows={(data) => data.people.length}
      page={page}
      pagesLabel={t('figures.people.pages')}
      href={(n) => `/figures/people?${queryOf(filter, { ...person, page: String(n) })}`}
    >
      {(data) => (
        <>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['name', 'gender', 'nationality', 'age', 'reports', 'latest'].map((h) => (
                <th key={h} scope="col" className={`govuk-table__header${h === 'reports' ? ' govuk-table__header--numeric' : ''}`}>
                  {t(`figures.people.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.people.map((p, i) => (
              <tr className="govuk-table__row" key={p.id ?? `record-${i}`}>
                <th scope="row" className="govuk-table__header">
                  {p.id ? (
                    <Link className="govuk-link" to={`/entities/${p.id}`}>
                      {p.label || t('picture.entity.unnamed')}
                    </Link>
                  ) : (
                    <>
                      {p.label || t('picture.entity.unnamed')}
                      <span className="app-table-hint">{t('figures.people.notResolved')}</span>
                    </>
                  )}
                </th>
                <td className="govuk-table__cell">{t(`figures.gender.${p.gender}`)}</td>
                <td className="govuk-table__cell">{country(p.nationality)}</td>
                <td className="govuk-table__cell">{t(`figures.ageBand.${p.ageBand}`)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(p.reports)}</td>
                <td className="govuk-table__cell">{when.format(new Date(p.latest))}</td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </BehindFrame>
  );
}
