import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { AreaBoundaries, AwarenessEvent, FiguresMap } from '@harbour/contract';
import { eventIcon } from '../prevent/point-picker';

export interface MapViewProps {
  map: FiguresMap;
  boundaries: AreaBoundaries;
  welsh: boolean;
  showPlaces: boolean;
  showHotspots: boolean;
  /** Awareness events placed on the map, beside the reports: did reports follow them? */
  events?: readonly AwarenessEvent[];
  eventLabel?: (event: AwarenessEvent) => string;
  /** What the map shows, read out in place of the picture; the tables below have the numbers. */
  label: string;
  placeLabel: (name: string, n: number) => string;
  selected: string | undefined;
  onArea: (code: string) => void;
}

const INK = '#0b0c0c';
const NO_EVENTS: readonly AwarenessEvent[] = [];
const AREA_FILL = '#f3f2f1';
const SELECTED_FILL = '#ffdd00';
const PLACE = '#1d70b8';
const HOT = '#d4351c';

/**
 * The force area with Leaflet and no tile server: the local authorities' boundaries, a hotspot
 * surface (red, stronger where denser, so it reads in grey-scale as darker) and each place as a
 * circle sized by its reports. Clicking an area chooses it.
 */
export default function MapView({
  map,
  boundaries,
  welsh,
  showPlaces,
  showHotspots,
  events = NO_EVENTS,
  eventLabel,
  label,
  placeLabel,
  selected,
  onArea,
}: MapViewProps) {
  const element = useRef<HTMLDivElement>(null);
  const choose = useRef(onArea);
  const describe = useRef(placeLabel);
  const describeEvent = useRef(eventLabel);
  useEffect(() => {
    choose.current = onArea;
    describe.current = placeLabel;
    describeEvent.current = eventLabel;
  }, [onArea, placeLabel, eventLabel]);

  useEffect(() => {
    const view = L.map(element.current!, { zoomSnap: 0.25, attributionControl: true, scrollWheelZoom: false });
    view.attributionControl.setPrefix(false);
    if (boundaries.attribution) view.attributionControl.addAttribution(boundaries.attribution);
    // Layers are added once the map has its view: Leaflet cannot draw a vector before that.
    const layers: L.Layer[] = [];
    const bounds = L.latLngBounds([]);
    if (boundaries.features.length > 0) {
      const areas = L.geoJSON(boundaries, {
        style: (feature) => ({
          color: INK,
          weight: 2,
          fillColor: (feature?.properties as { code?: string } | undefined)?.code === selected ? SELECTED_FILL : AREA_FILL,
          fillOpacity: 1,
        }),
        onEachFeature: (feature, layer) => {
          const properties = feature.properties as { code: string; name: string; nameCy: string };
          layer.bindTooltip(welsh ? properties.nameCy : properties.name, { sticky: true });
          layer.on('click', () => choose.current(properties.code));
        },
      });
      layers.push(areas);
      bounds.extend(areas.getBounds());
    }
    if (showHotspots && map.hotspots.length > 0) {
      const highest = Math.max(...map.hotspots.map((c) => c.density));
      const hot = map.hotspots.map((cell) =>
        L.rectangle(
          [
            [cell.south, cell.west],
            [cell.north, cell.east],
          ],
          { stroke: false, fillColor: HOT, fillOpacity: 0.1 + 0.6 * (cell.density / highest), interactive: false },
        ),
      );
      for (const cell of hot) layers.push(cell);
    }
    if (showPlaces) {
      const most = Math.max(1, ...map.places.map((p) => p.n));
      for (const place of map.places) {
        const marker = L.circleMarker([place.lat, place.lon], {
          radius: 4 + 14 * Math.sqrt(place.n / most),
          color: INK,
          weight: 1,
          fillColor: PLACE,
          fillOpacity: 0.85,
        });
        layers.push(marker);
        marker.bindTooltip(describe.current(welsh ? place.nameCy : place.name, place.n));
        marker.on('click', () => choose.current(place.area));
        bounds.extend([place.lat, place.lon]);
      }
    }
    for (const event of events) {
      if (!event.point) continue;
      const marker = L.marker([event.point.latitude, event.point.longitude], { icon: eventIcon(), keyboard: false });
      marker.bindTooltip(describeEvent.current?.(event) ?? event.title);
      layers.push(marker);
      bounds.extend([event.point.latitude, event.point.longitude]);
    }
    view.invalidateSize();
    if (bounds.isValid()) view.fitBounds(bounds, { paddingTopLeft: [12, 12], paddingBottomRight: [12, 40] });
    else view.setView([51.65, -3.05], 10);
    for (const layer of layers) layer.addTo(view);
    return () => {
      view.remove();
    };
  }, [map, boundaries, welsh, showPlaces, showHotspots, events, selected]);

  return (
    <div role="region" aria-label={label}>
      <div ref={element} className="app-map" />
    </div>
  );
}
