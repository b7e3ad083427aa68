import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField } from '../../components/form/fields';
import { problemsFrom } from '../../components/form/problems';
import { MonthRangeFields } from './filter-form';
import { usePageTitle } from '../../components/page-title';
import { TableScroll } from '../../components/table-scroll';
import { Marking } from '../../components/protective-marking';
import type { FiguresParams, ProblemProfile } from '@harbour/contract';
import { queryOf } from './filter-params';

const EChart = lazy(() => import('./echart'));

// The profile's language is `language` in the page's address: `lang` there switches the whole site.
const PARAMS = ['from', 'to', 'area', 'audience', 'language'] as const;
type ProfileParams = FiguresParams & { audience?: string; language?: string };

/**
 * The problem profile: chosen period, area, audience and language; shown here as a page (to read
 * or print) and offered as a PDF to download. For the public, small numbers are suppressed.
 */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('figures.profile.title'));
  const [params, setParams] = useSearchParams();
  const chosen: ProfileParams = {};
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value) chosen[name] = value;
  }
  const { language, ...rest } = chosen;
  const query = queryOf(rest, language ? { lang: language } : {});
  const asked = params.has('audience');
  const profile = useQuery({
    queryKey: ['profile', query],
    queryFn: () => api<ProblemProfile>('GET', `/api/figures/profile?${query}`),
    enabled: asked,
    retry: false,
  });
  const p = profile.data;

  return (
    <>
      <Link className="govuk-back-link" to={`/figures?${queryOf({ from: chosen.from, to: chosen.to, area: chosen.area })}`}>
        {t('figures.behind.back')}
      </Link>
      <h1 className="govuk-heading-l">{t('figures.profile.title')}</h1>
      <p className="govuk-body">{t('figures.profile.intro')}</p>
      <ProfileForm key={queryOf(chosen)} chosen={chosen} welsh={i18n.language === 'cy'} onApply={(next) => setParams(new URLSearchParams(queryOf(next)))} />
      {profile.error && <ErrorSummary problems={problemsFrom(profile.error, t)} />}
      {profile.isLoading && asked && <p className="govuk-body">{t('common.loading')}</p>}
      {p && (
        <article lang={p.language} className="app-profile" aria-labelledby="profile-title">
          <Marking marking={p.marking} />
          <a className="govuk-button govuk-button--secondary" href={`/api/figures/profile.pdf?${query}`} download>
            {t('figures.profile.download')}
          </a>
          <h2 className="govuk-heading-l" id="profile-title">
            {p.title}
          </h2>
          <p className="govuk-body-l">{p.subtitle}</p>
          <p className="govuk-body-s">{p.generated}</p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">{p.audienceNote}</strong>
          </div>
          {p.sections.map((section) => (
            <section key={section.id} aria-labelledby={`profile-${section.id}`}>
              <h3 className="govuk-heading-m" id={`profile-${section.id}`}>
                {section.title}
              </h3>
              {section.paragraphs.map((text) => (
                <p className="govuk-body" key={text}>
                  {text}
                </p>
              ))}
              {section.tables.map((table) => (
                <div key={table.id} className="govuk-!-margin-bottom-6">
                  {table.chart && table.chart.labels.length > 1 && (
                    <Suspense fallback={null}>
                      <EChart
                        kind={table.id === 'trend' && table.chart.labels.length > 12 ? 'line' : 'bar'}
                        horizontal={table.id !== 'trend'}
                        labels={table.chart.labels}
                        values={table.chart.values.map((v) => v ?? 0)}
                        label={t('figures.chartLabel', { title: table.caption })}
                      />
                    </Suspense>
                  )}
                  <TableScroll label={table.caption}>
                    <table className="govuk-table app-table--small" id={`profile-table-${table.id}`}>
                      <caption className="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
                      <thead className="govuk-table__head">
                        <tr className="govuk-table__row">
                          {table.headings.map((h, i) => (
                            <th key={h} scope="col" className={`govuk-table__header${i > 0 && table.id !== 'four-p' ? ' govuk-table__header--numeric' : ''}`}>
                              {h}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody className="govuk-table__body">
                        {table.rows.map((row, r) => (
                          <tr className="govuk-table__row" key={`${row.label}-${r}`}>
                            <th scope="row" className="govuk-table__header">
                              {row.label}
                            </th>
                            {row.cells.map((c, i) => (
                              <td key={i} className={`govuk-table__cell${table.id !== 'four-p' ? ' govuk-table__cell--numeric' : ''}`}>
                                {c}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  {table.note && <p className="govuk-body-s">{table.note}</p>}
                </div>
              ))}
            </section>
          ))}
          <Marking marking={p.marking} />
        </article>
      )}
    </>
  );
}

function ProfileForm({ chosen, welsh, onApply }: { chosen: ProfileParams; welsh: boolean; onApply: (next: ProfileParams) => void }) {
  const { t } = useTranslation();
  const forceAreas = useForceAreas();
  const [draft, setDraft] = useState<ProfileParams>({ audience: 'internal', language: welsh ? 'cy' : 'en', ...chosen });
  const set = (name: keyof ProfileParams) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('figures.profile.choose')}>
      <div className="govuk-grid-row">
        <MonthRangeFields from={draft.from ?? ''} to={draft.to ?? ''} onFrom={set('from')} onTo={set('to')} />
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="area"
            label={t('figures.profile.area')}
            value={draft.area ?? ''}
            onChange={set('area')}
            options={[{ value: '', label: t('figures.profile.wholeForce') }, ...forceAreas.options]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="audience"
            label={t('figures.profile.audience')}
            hint={t('figures.profile.audienceHint')}
            value={draft.audience ?? 'internal'}
            onChange={set('audience')}
            options={['internal', 'external'].map((a) => ({ value: a, label: t(`figures.profile.audiences.${a}`) }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="language"
            label={t('figures.profile.language')}
            value={draft.language ?? 'en'}
            onChange={set('language')}
            options={[
              { value: 'en', label: t('figures.profile.english') },
              { value: 'cy', label: t('figures.profile.welsh') },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <button type="submit" className="govuk-button app-filter__apply">
            {t('figures.profile.produce')}
          </button>
        </div>
      </div>
    </form>
  );
}
