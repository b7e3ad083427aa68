import type { ChartEvent, LinkView } from '@harbour/contract';
import type { ChartNode } from './chart-canvas';

/** Event nodes' ids: a report's, marked so it is never taken for an entity's. */
const EVENT = 'event:';
export const eventId = (reportId: string) => `${EVENT}${reportId}`;
export const isEvent = (id: string) => id.startsWith(EVENT);

/**
 * The chart with its reports drawn as events, as i2 analysts draw them: each report a node joined
 * to the entities on the chart it names, in place of the links it makes between every pair of them
 * (a report naming five is one node and five lines, not ten links). Links from call data and
 * analysts' assertions are not reports: they stay, as calls and as assertions.
 */
export function drawnAsEvents(
  nodes: readonly ChartNode[],
  links: readonly LinkView[],
  events: readonly ChartEvent[],
): { nodes: ChartNode[]; links: LinkView[] } {
  const onChart = new Set(nodes.map((n) => n.id));
  const eventNodes = events.map((e) => ({ id: eventId(e.id), kind: 'report', label: e.reference, reports: 1, hidden: false, pinned: false }));
  const eventLinks = events.flatMap((e) =>
    e.entities
      .filter((id) => onChart.has(id))
      .map((id) => ({
        from: eventId(e.id),
        to: id,
        reports: 1,
        firstSeen: e.receivedAt,
        lastSeen: e.receivedAt,
        relations: ['mentioned' as const],
        direction: 'none' as const,
        calls: 0,
        asserted: 0,
      })),
  );
  const calls = links.filter((l) => l.calls > 0).map((l) => ({ ...l, reports: 0, asserted: 0, relations: ['called' as const] }));
  // Assertions are no report's: they stay, drawn as asserted.
  const asserted = links.filter((l) => l.asserted > 0 && l.calls === 0).map((l) => ({ ...l, reports: l.asserted }));
  return { nodes: [...nodes, ...eventNodes], links: [...calls, ...asserted, ...eventLinks] };
}
