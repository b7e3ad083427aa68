import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { AreaBoundaries } from '@harbour/contract';

export interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

const INK = '#0b0c0c';
const AREA_FILL = '#f3f2f1';

/**
 * The force area's boundaries (no tile server), where a click places an event; the point chosen
 * is drawn as a green square. The page says the point in words, and a point is never required.
 */
export default function PointPicker({
  boundaries,
  point,
  onPoint,
  label,
}: {
  boundaries: AreaBoundaries;
  point: Point | null;
  onPoint: (point: Point) => void;
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chosen = useRef(onPoint);
  useEffect(() => {
    chosen.current = onPoint;
  }, [onPoint]);

  useEffect(() => {
    const view = L.map(element.current!, { zoomSnap: 0.25, scrollWheelZoom: false });
    view.attributionControl.setPrefix(false);
    if (boundaries.attribution) view.attributionControl.addAttribution(boundaries.attribution);
    const areas = L.geoJSON(boundaries, { style: () => ({ color: INK, weight: 2, fillColor: AREA_FILL, fillOpacity: 1 }) });
    if (boundaries.features.length > 0) view.fitBounds(areas.getBounds(), { padding: [12, 12] });
    else view.setView([51.65, -3.05], 10);
    areas.addTo(view);
    areas.on('click', (e: L.LeafletMouseEvent) => chosen.current({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) }));
    view.on('click', (e: L.LeafletMouseEvent) => chosen.current({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) }));
    if (point) L.marker([point.latitude, point.longitude], { icon: eventIcon(), keyboard: false, interactive: false }).addTo(view);
    return () => {
      view.remove();
    };
  }, [boundaries, point]);

  return (
    <div role="region" aria-label={label}>
      <div ref={element} className="app-map app-map--picker" />
    </div>
  );
}

/** Five decimal places: about a metre, finer than anyone clicks. */
function round(degrees: number): number {
  return Math.round(degrees * 100_000) / 100_000;
}

/** An event's mark: a green square, told apart from the round places of reports without colour. */
export function eventIcon(): L.DivIcon {
  return L.divIcon({ className: 'app-event-marker', iconSize: [14, 14], html: '' });
}
