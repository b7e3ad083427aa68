import type { LinkFilter, NetworkAnalysis } from '@harbour/contract';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { TableScroll } from '../../components/table-scroll';
import { linkFilterParams } from '@harbour/contract/vocabulary';
import { dateLocale } from '../../i18n/locale';

/**
 * The key players of the network an entity belongs to (the brokers between its parts first, by
 * betweenness; with their links and PageRank) and its communities (Louvain), measured on the whole
 * network under the chart's filter, not only what is drawn. A key player can be selected for a path.
 */
export function NetworkAnalysis({ entityId, filter, onSelect }: { entityId: string | undefined; filter: LinkFilter; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const analyse = useMutation({
    mutationFn: () => api<NetworkAnalysis>('GET', `/api/graph/networks/${entityId}/analysis?${new URLSearchParams(linkFilterParams(filter)).toString()}`),
  });
  const number = new Intl.NumberFormat(dateLocale(i18n.language), { maximumFractionDigits: 3 });
  const a = analyse.data;
  return (
    <section aria-labelledby="analysis-heading">
      <h2 className="govuk-heading-m" id="analysis-heading">
        {t('graph.analysis.title')}
      </h2>
      <p className="govuk-body">{t('graph.analysis.hint')}</p>
      {analyse.error && <ErrorSummary problems={problemsFrom(analyse.error, t)} />}
      <button type="button" className="govuk-button govuk-button--secondary" disabled={!entityId || analyse.isPending} onClick={() => analyse.mutate()}>
        {t('graph.analysis.run')}
      </button>
      {a && (
        <>
          <p className="govuk-body" aria-live="polite">
            {t('graph.analysis.summary', { size: a.size, communities: a.communities.length, modularity: number.format(a.modularity) })}{' '}
            {a.betweenness.exact ? t('graph.analysis.exact') : t('graph.analysis.estimated', { sources: a.betweenness.sources })}
          </p>
          <TableScroll label={t('graph.analysis.keyPlayers')}>
            <table className="govuk-table app-table--small">
              <caption className="govuk-table__caption govuk-table__caption--s">{t('graph.analysis.keyPlayers')}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('graph.chart.entity')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('graph.analysis.betweenness')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('graph.analysis.degree')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('graph.analysis.pagerank')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('graph.analysis.community')}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t('graph.chart.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {a.keyPlayers.map((k) => (
                  <tr className="govuk-table__row" key={k.id}>
                    <td className="govuk-table__cell">
                      <span className="govuk-body-s">{t(`picture.kind.${k.kind}`)}</span>
                      <br />
                      <Link className="govuk-link" to={`/entities/${k.id}`}>
                        {k.label}
                      </Link>
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(k.betweenness)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{k.degree}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(k.pagerank)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{k.community + 1}</td>
                    <td className="govuk-table__cell">
                      <button type="button" className="app-link-button" onClick={() => onSelect(k.id)}>
                        {t('graph.analysis.select')}
                        <span className="govuk-visually-hidden"> {k.label}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="govuk-body">{t('graph.analysis.communities', { sizes: a.communities.slice(0, 12).join(', '), count: a.communities.length })}</p>
        </>
      )}
    </section>
  );
}
