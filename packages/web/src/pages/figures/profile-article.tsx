import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemProfile } from '@harbour/contract';
import { TableScroll } from '../../components/table-scroll';
import { Marking } from '../../components/protective-marking';

const EChart = lazy(() => import('./echart'));

/** A problem profile as a page, marked at its head and foot, with its PDF to download: generated or written. */
export function ProfileArticle({ profile: p, pdfHref }: { profile: ProblemProfile; pdfHref: string }) {
  const { t } = useTranslation();
  return (
    <article lang={p.language} className="app-profile" aria-labelledby="profile-title">
      <Marking marking={p.marking} />
      <a className="govuk-button govuk-button--secondary" href={pdfHref} download>
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
          {section.paragraphs.map((text, i) => (
            <p className="govuk-body app-preserve-lines" key={i}>
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
  );
}
