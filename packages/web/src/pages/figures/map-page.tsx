import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { FilterForm } from './filter-form';
import type { AreaBoundaries, AwarenessEvent, FiguresMap } from '@harbour/contract';
import { hasPermission, useSession } from '../../session/session';
import { useAwarenessEvents } from '../prevent/events-page';
import { filterFrom, queryOf } from './filter-params';
import { dateLocale } from '../../i18n/locale';

const MapView = lazy(() => import('./map-view'));
const NO_EVENTS: AwarenessEvent[] = [];

/**
 * Reports on a map of the force area, under the same filter as the figures: places sized by
 * their reports, a hotspot surface, and the local authorities. Choosing an area (on the map or in
 * its table) shows its figures. Tables below the map carry every number it draws.
 */
export function MapPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('figures.map.title'));
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const query = queryOf(filter);
  const welsh = i18n.language === 'cy';
  const number = new Intl.NumberFormat(dateLocale(i18n.language));
  const [showPlaces, setShowPlaces] = useState(true);
  const [showHotspots, setShowHotspots] = useState(true);
  const [selected, setSelected] = useState<string | undefined>();
  const { data: session } = useSession();
  const canSeeEvents = hasPermission(session, 'prevent:record');
  const [showEvents, setShowEvents] = useState(params.get('events') === '1');
  const events = useAwarenessEventsOf(filter.from, filter.to, canSeeEvents && showEvents);
  const shownEvents = useMemo(() => (events.data?.events ?? []).filter((e) => !filter.area || e.localAuthority === filter.area), [events.data, filter.area]);
  const day = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  const eventLabel = useCallback(
    (e: AwarenessEvent) =>
      t('figures.map.eventLabel', {
        title: e.title,
        day: day.format(new Date(`${e.heldOn}T12:00:00Z`)),
        before: e.around.before,
        after: e.around.after,
        days: e.around.days,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the day's format follows the language, as t does
    [t],
  );
  const figures = useQuery({ queryKey: ['figures-map', query], queryFn: () => api<FiguresMap>('GET', `/api/figures/map?${query}`), retry: false });
  const boundaries = useQuery({
    queryKey: ['figures-boundaries'],
    queryFn: () => api<AreaBoundaries>('GET', '/api/figures/boundaries'),
    retry: false,
    staleTime: Infinity,
  });
  const placeLabel = useCallback((name: string, n: number) => t('figures.map.placeLabel', { name, count: n }), [t]);
  const map = figures.data;
  const area = map?.areas.find((a) => a.key === selected);

  return (
    <>
      <h1 className="govuk-heading-l">{t('figures.map.title')}</h1>
      <p className="govuk-body">{t('figures.map.intro')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/figures?${query}`}>
          {t('figures.map.toFigures')}
        </Link>
      </p>
      <FilterForm key={query} filter={filter} onApply={(next) => setParams(new URLSearchParams(queryOf(next)))} />
      {(figures.error ?? boundaries.error) && <ErrorSummary problems={problemsFrom(figures.error ?? boundaries.error, t)} />}
      {(figures.isLoading || boundaries.isLoading) && <p className="govuk-body">{t('common.loading')}</p>}
      {map && boundaries.data && (
        <>
          <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
            <LayerToggle id="show-places" label={t('figures.map.showPlaces')} checked={showPlaces} onChange={setShowPlaces} />
            <LayerToggle id="show-hotspots" label={t('figures.map.showHotspots')} checked={showHotspots} onChange={setShowHotspots} />
            {canSeeEvents && <LayerToggle id="show-events" label={t('figures.map.showEvents')} checked={showEvents} onChange={setShowEvents} />}
          </div>
          <Suspense fallback={<p className="govuk-body">{t('common.loading')}</p>}>
            <MapView
              map={map}
              boundaries={boundaries.data}
              welsh={welsh}
              showPlaces={showPlaces}
              showHotspots={showHotspots}
              events={showEvents ? shownEvents : NO_EVENTS}
              eventLabel={eventLabel}
              label={t('figures.map.label')}
              placeLabel={placeLabel}
              selected={selected}
              onArea={setSelected}
            />
          </Suspense>
          {boundaries.data.features.length === 0 && <p className="govuk-body-s">{t('figures.map.noBoundaries')}</p>}
          <p className="govuk-body-s">{t('figures.map.placedNote')}</p>
          {map.unplaced !== 0 && <p className="govuk-body-s">{t('figures.map.unplaced', { count: map.unplaced })}</p>}

          {showEvents && shownEvents.length > 0 && (
            <table className="govuk-table app-table--small" id="map-events">
              <caption className="govuk-table__caption govuk-table__caption--s">{t('figures.map.showEvents')}</caption>
              <tbody className="govuk-table__body">
                {shownEvents.map((e) => (
                  <tr className="govuk-table__row" key={e.id}>
                    <td className="govuk-table__cell">{eventLabel(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div aria-live="polite" id="area-figures">
            {area && (
              <div className="govuk-inset-text">
                <h2 className="govuk-heading-m">{welsh ? area.nameCy : area.name}</h2>
                <p className="govuk-body">{t('figures.reports', { count: area.n, formatted: number.format(area.n) })}</p>
                <ul className="govuk-list govuk-list--bullet">
                  {map.places
                    .filter((p) => p.area === area.key)
                    .map((p) => (
                      <li key={p.key}>{placeLabel(welsh ? p.nameCy : p.name, p.n)}</li>
                    ))}
                </ul>
                <Link className="govuk-link" to={`/figures?${queryOf({ ...filter, area: area.key })}`}>
                  {t('figures.map.areaFigures', { name: welsh ? area.nameCy : area.name })}
                </Link>
              </div>
            )}
          </div>

          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <table className="govuk-table app-table--small">
                <caption className="govuk-table__caption govuk-table__caption--s">{t('figures.byArea')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t('figures.filter.area')}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t('figures.reportsHeading')}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {map.areas.map((a) => (
                    <tr className="govuk-table__row" key={a.key}>
                      <th scope="row" className="govuk-table__header">
                        <button type="button" className="app-link-button" aria-pressed={selected === a.key} onClick={() => setSelected(a.key)}>
                          {welsh ? a.nameCy : a.name}
                        </button>
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(a.n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="govuk-grid-column-one-half">
              <table className="govuk-table app-table--small">
                <caption className="govuk-table__caption govuk-table__caption--s">{t('figures.map.places')}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t('figures.map.place')}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t('figures.reportsHeading')}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {map.places.map((p) => (
                    <tr className="govuk-table__row" key={p.key}>
                      <th scope="row" className="govuk-table__header">
                        {welsh ? p.nameCy : p.name}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(p.n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** The awareness events held within a dashboard filter's months (the last year when it names none). */
function useAwarenessEventsOf(from: string | undefined, to: string | undefined, wanted: boolean) {
  const lastDay = (month: string) => {
    const [year, m] = month.split('-').map(Number);
    return new Date(Date.UTC(year!, m, 0)).toISOString().slice(0, 10);
  };
  return useAwarenessEvents(from ? `${from}-01` : undefined, to ? lastDay(to) : undefined, wanted);
}

/** A layer of the map shown or hidden. */
function LayerToggle({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
