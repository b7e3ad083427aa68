import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { useForceAreas } from '../../api/force-areas';
import { hasPermission, useSession } from '../../session/session';
import { FilterFields } from './filter-fields';
import { linkFilterParams } from '@harbour/contract/vocabulary';
import type { ChartList, LinkFilter, NetworkList } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

/**
 * Every network in the picture (entities joined through the reports that mention them together),
 * ranked by size or by risk, each opening as a chart; one that grew since this analyst last
 * opened it is marked. Below, the analyst's saved charts.
 */
export function NetworksPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('graph.networks.title'));
  const client = useQueryClient();
  const { data: session } = useSession();
  const [order, setOrder] = useState<'risk' | 'size'>('risk');
  const [filter, setFilter] = useState<LinkFilter>({});
  const query = new URLSearchParams({ order, limit: '100', ...linkFilterParams(filter) }).toString();
  const networks = useQuery({
    queryKey: ['networks', query],
    queryFn: () => api<NetworkList>('GET', `/api/graph/networks?${query}`),
    retry: false,
  });
  const charts = useQuery({ queryKey: ['charts'], queryFn: () => api<ChartList>('GET', '/api/graph/charts'), retry: false });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/graph/charts/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['charts'] }),
  });
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const area = (code: string) => forceAreas.shown(code) ?? '';
  const error = networks.error ?? charts.error ?? remove.error;
  const chartQuery = (id: string) => new URLSearchParams({ network: id, ...linkFilterParams(filter) }).toString();

  return (
    <>
      <h1 className="govuk-heading-l">{t('graph.networks.title')}</h1>
      <p className="govuk-body">{t('graph.networks.intro')}</p>
      {hasPermission(session, 'links:import') && (
        <Link className="govuk-button govuk-button--secondary" to="/call-data">
          {t('callData.title')}
        </Link>
      )}
      {error && <ErrorSummary problems={problemsFrom(error, t)} />}
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="order">
          {t('graph.networks.order')}
        </label>
        <select id="order" className="govuk-select" value={order} onChange={(e) => setOrder(e.target.value as 'risk' | 'size')}>
          <option value="risk">{t('graph.networks.byRisk')}</option>
          <option value="size">{t('graph.networks.bySize')}</option>
        </select>
      </div>
      <FilterFields filter={filter} onApply={setFilter} />
      {networks.isLoading && <p className="govuk-body">{t('common.loading')}</p>}
      {networks.data && networks.data.networks.length === 0 && <p className="govuk-body">{t('graph.networks.none')}</p>}
      {networks.data && networks.data.networks.length > 0 && (
        <table className="govuk-table app-table--small">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {t(order === 'risk' ? 'graph.networks.captionRisk' : 'graph.networks.captionSize', { count: networks.data.networks.length })}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('graph.networks.network')}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {t('graph.networks.size')}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {t('graph.networks.victims')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.networks.exploitation')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.networks.areas')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('graph.networks.active')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {networks.data.networks.map((n) => (
              <tr className="govuk-table__row" key={n.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/chart?${chartQuery(n.id)}`}>
                    {t('graph.networks.open', { name: n.keyPlayers[0]?.label ?? n.id })}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    {n.keyPlayers
                      .slice(1)
                      .map((p) => p.label)
                      .join(', ')}
                  </span>
                  <br />
                  {n.children && <strong className="govuk-tag govuk-tag--red govuk-!-margin-right-1">{t('graph.networks.children')}</strong>}
                  {n.grown && <strong className="govuk-tag govuk-tag--orange">{t('graph.networks.grown', { was: n.seen!.size })}</strong>}
                  {!n.seen && <strong className="govuk-tag govuk-tag--blue">{t('graph.networks.unseen')}</strong>}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{t('graph.networks.sizeValue', { entities: n.size, links: n.links })}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n.victims}</td>
                <td className="govuk-table__cell">{n.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ')}</td>
                <td className="govuk-table__cell">{n.areas.map(area).filter(Boolean).join(', ')}</td>
                <td className="govuk-table__cell">
                  {when.format(new Date(n.firstSeen))} – {when.format(new Date(n.lastSeen))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">{t('graph.charts.title')}</h2>
      {charts.data && charts.data.charts.length === 0 && <p className="govuk-body">{t('graph.charts.none')}</p>}
      {charts.data && charts.data.charts.length > 0 && (
        <ul className="govuk-list">
          {charts.data.charts.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/chart?saved=${c.id}`}>
                {c.name}
              </Link>{' '}
              <span className="govuk-body-s">{t('graph.charts.summary', { entities: c.entities, when: when.format(new Date(c.updatedAt)) })}</span>{' '}
              {c.mine && c.shared && <strong className="govuk-tag govuk-tag--blue app-tag-gap">{t('graph.charts.sharedTag')}</strong>}
              {!c.mine && <span className="govuk-body-s">{t('graph.charts.sharedBy', { owner: c.owner })}</span>}{' '}
              {c.mine && (
                <button type="button" className="app-link-button govuk-body-s" onClick={() => remove.mutate(c.id)}>
                  {t('graph.charts.delete', { name: c.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
