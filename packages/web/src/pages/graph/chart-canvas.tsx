import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { chartStyle, iconUri } from './chart-style';
import { chartSvg, wrap, type SvgFrame, type SvgGroup, type SvgLink, type SvgNode, type SvgNote } from '@harbour/contract/chart';
import { svgAsPng } from './svg-png';
import { onlyAsserted, strongestRelation } from './link-words';
import type { ChartLayout, LinkView, NodeView, ProtectiveMarking } from '@harbour/contract';
import type { AnalysisLook } from './analysis-look';
import { groupsOf } from './chart-marks';

/**
 * Cytoscape adds a <style> element for its container unless one with this id exists; the
 * content security policy refuses inline styles, so the rule lives in main.scss (.app-chart) and
 * this empty marker stands in for the element.
 */
function markCytoscapeStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('template');
  marker.id = id;
  document.head.append(marker);
}

/** An entity as the chart holds it: what the picture says, and what the analyst did with it. */
export interface ChartNode extends NodeView {
  hidden: boolean;
  pinned: boolean;
  /** Where it was saved, when reopening a chart laid out by hand. */
  x?: number;
  y?: number;
  /** The analyst's note beside it on the chart. */
  note?: string;
  /** The group it is drawn in (entities of one group name share a box). */
  group?: string;
}

export interface ChartCanvasHandle {
  /** The chart as images, each framed (title, byline, key) and carrying the protective marking of what it shows. */
  png(marking: ProtectiveMarking, frame: SvgFrame): Promise<Blob>;
  svg(marking: ProtectiveMarking, frame: SvgFrame): string;
  /** What is shown, as the exports draw it (for the server to make a PDF of). */
  drawing(): { nodes: SvgNode[]; links: SvgLink[]; groups: SvgGroup[]; notes: SvgNote[] };
  /** Where each entity is now (to save). */
  positions(): Map<string, { x: number; y: number }>;
}

interface Props {
  nodes: readonly ChartNode[];
  links: readonly LinkView[];
  layout: ChartLayout;
  /** Bumped to lay the chart out again. */
  layoutRun: number;
  /** Links first seen after this (ms) are not drawn yet (the time slider); null draws all. */
  cutoff: number | null;
  path: { nodes: readonly string[]; links: readonly (readonly [string, string])[] } | null;
  selected: readonly string[];
  /** The analysis drawn on the chart (size, community ring, key-player rank), or null. */
  analysis: ReadonlyMap<string, AnalysisLook> | null;
  /** Words for a key player's label ("1 · Eni Rama"). */
  keyLabel: (rank: number, label: string) => string;
  onSelect: (ids: string[]) => void;
  /** Entities have new places: dragged by hand (the chart has changed), or laid out. */
  onPlaced: (byHand: boolean) => void;
  onExpand: (id: string) => void;
  /** A link clicked: its evidence is opened. */
  onOpenLink: (from: string, to: string) => void;
  /** Words for the picture as a whole, for screen readers (the table beside it carries the detail). */
  description: string;
  /** A link's caption ("controls · 3 reports"). */
  caption: (link: LinkView) => string;
}

const edgeId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
/** The box an analyst's group is drawn as, and the note beside an entity and its line to it. */
const groupId = (label: string) => `group:${label}`;
const noteId = (entityId: string) => `note:${entityId}`;
const noteLinkId = (entityId: string) => `note:${entityId}|link`;

function layoutOptions(name: ChartLayout, cy: Core): LayoutOptions {
  const common = { animate: false, fit: true, padding: 40 };
  switch (name) {
    case 'cose':
      return { name, ...common, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 12_000 };
    case 'concentric':
      return { name, ...common, concentric: (n) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 30 };
    case 'breadthfirst': {
      const chosen = cy.nodes(':selected');
      const roots = chosen.length
        ? chosen.map((n) => `#${CSS.escape(n.id())}`)
        : [
            `#${CSS.escape(
              cy
                .nodes()
                .max((n) => n.degree(false))
                .ele.id(),
            )}`,
          ];
      return { name, ...common, roots, spacingFactor: 1.2 };
    }
    case 'circle':
    case 'grid':
      return { name, ...common, avoidOverlap: true };
    case 'preset':
      return { name, ...common };
  }
}

/**
 * The network chart: Cytoscape.js drawing the entities and links it is given. Double-click an
 * entity to expand it; drag to move; click (shift-click for more) to select. Everything it can
 * do is also on the table of entities beside it, for the keyboard.
 */
export const ChartCanvas = forwardRef<ChartCanvasHandle, Props>(function ChartCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onSelect: props.onSelect, onExpand: props.onExpand, onOpenLink: props.onOpenLink, onPlaced: props.onPlaced });
  handlers.current = { onSelect: props.onSelect, onExpand: props.onExpand, onOpenLink: props.onOpenLink, onPlaced: props.onPlaced };

  useEffect(() => {
    markCytoscapeStylesheet();
    const cy = cytoscape({ container: container.current, style: chartStyle(), elements: [], minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: true });
    const report = () => handlers.current.onSelect(cy.nodes(':selected').map((n) => n.id()));
    cy.on('select unselect', 'node', report);
    cy.on('dragfree', 'node', () => handlers.current.onPlaced(true));
    cy.on('layoutstop', () => handlers.current.onPlaced(false));
    cy.on('dbltap', 'node', (event) => handlers.current.onExpand((event.target as cytoscape.NodeSingular).id()));
    cy.on('tap', 'edge', (event) => {
      const edge = event.target as cytoscape.EdgeSingular;
      handlers.current.onOpenLink(edge.source().id(), edge.target().id());
    });
    cyRef.current = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    png: (marking, frame) => svgAsPng(drawSvg(marking, frame)),
    svg: (marking, frame) => drawSvg(marking, frame),
    drawing,
    positions: () => new Map(cyRef.current!.nodes().map((n) => [n.id(), { ...n.position() }])),
  }));

  /** What is shown (not hidden, not yet played in), as the exports draw it. */
  const drawing = () => {
    const shown = cyRef.current!.elements(':visible');
    return {
      // Entities and reports have a kind; the analyst's groups and notes do not.
      nodes: shown.nodes('[kind]').map((n) => ({
        ...n.position(),
        kind: n.data('kind') as string,
        label: (n.hasClass('key-player') ? n.data('keyLabel') : n.data('label')) as string,
        onPath: n.hasClass('on-path'),
        ...(n.hasClass('sized') ? { size: n.data('size') as number } : {}),
        ...(n.hasClass('ringed') ? { ring: n.data('ring') as string } : {}),
      })),
      links: shown.edges().map((e) => ({
        from: e.source().position(),
        to: e.target().position(),
        caption: (e.data('caption') as string | undefined) ?? '',
        reports: (e.data('reports') as number | undefined) ?? 0,
        relation: (e.data('relation') as string | undefined) ?? 'mentioned',
        direction: (e.data('direction') as string | undefined) ?? 'none',
        onPath: e.hasClass('on-path'),
        asserted: e.data('asserted') === true,
      })),
      groups: shown.nodes('.group').map((g) => {
        const box = g.boundingBox({ includeLabels: false });
        return { label: g.data('label') as string, left: box.x1, top: box.y1, right: box.x2, bottom: box.y2 };
      }),
      notes: shown.nodes('.note').map((n) => ({ ...n.position(), text: n.data('label') as string })),
    };
  };
  const drawSvg = (marking: ProtectiveMarking, frame: SvgFrame) => {
    const { nodes, links, groups, notes } = drawing();
    return chartSvg(nodes, links, marking, frame, { groups, notes });
  };

  // Entities and links: added, updated, removed, without disturbing what stays.
  const { nodes, links, caption, layout } = props;
  useEffect(() => {
    const cy = cyRef.current!;
    const groups = groupsOf(nodes);
    const noted = nodes.filter((n) => n.note);
    const wanted = new Set([
      ...nodes.map((n) => n.id),
      ...links.map((l) => edgeId(l.from, l.to)),
      ...groups.map(groupId),
      ...noted.flatMap((n) => [noteId(n.id), noteLinkId(n.id)]),
    ]);
    let added = false;
    cy.batch(() => {
      // Groups first, so entities can move into them before an emptied group goes (taking nothing with it).
      for (const g of groups)
        if (cy.getElementById(groupId(g)).empty()) cy.add({ group: 'nodes', data: { id: groupId(g), label: g }, classes: 'group', selectable: false });
      for (const n of nodes) {
        const node = cy.getElementById(n.id);
        const parent = node.parent();
        const [want, has] = [n.group ? groupId(n.group) : null, parent.nonempty() ? parent.first().id() : null];
        if (node.nonempty() && want !== has) node.move({ parent: want });
      }
      cy.elements()
        .filter((e) => !wanted.has(e.id()))
        .remove();
      const fresh: ElementDefinition[] = [];
      for (const n of nodes) {
        const data = { id: n.id, label: n.label, kind: n.kind, icon: iconUri(n.kind), ...(n.group ? { parent: groupId(n.group) } : {}) };
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) existing.data({ label: n.label, kind: n.kind, icon: data.icon });
        else fresh.push({ group: 'nodes', data, ...(n.x !== undefined && n.y !== undefined ? { position: { x: n.x, y: n.y } } : {}) });
      }
      if (fresh.length) cy.add(fresh);
      added = fresh.length > 0;
      const edges: ElementDefinition[] = [];
      for (const l of links) {
        const id = edgeId(l.from, l.to);
        const data = {
          id,
          source: l.from,
          target: l.to,
          reports: l.reports,
          firstSeen: Date.parse(l.firstSeen),
          caption: caption(l),
          relation: strongestRelation(l),
          direction: l.direction,
          asserted: onlyAsserted(l),
        };
        const existing = cy.getElementById(id);
        if (existing.nonempty()) existing.data(data);
        else edges.push({ group: 'edges', data });
      }
      if (edges.length) cy.add(edges);
      // Notes: beside their entity, joined to it by a thin line; moved like anything else.
      for (const n of noted) {
        const data = { id: noteId(n.id), label: n.note, height: wrap(n.note!, 30).length * 14 + 14 };
        const existing = cy.getElementById(data.id);
        if (existing.nonempty()) existing.data(data);
        else {
          const at = cy.getElementById(n.id).position();
          cy.add([
            { group: 'nodes', data, classes: 'note', selectable: false, position: { x: at.x + 110, y: at.y - 70 } },
            { group: 'edges', data: { id: noteLinkId(n.id), source: data.id, target: n.id, firstSeen: 0 }, classes: 'note-link' },
          ]);
        }
      }
    });
    // A report drawn as an event goes among the entities it names, leaving the analyst's layout as it is.
    cy.nodes('[kind = "report"]').forEach((event, i) => {
      if (event.data('placed')) return;
      const named = event.neighborhood().nodes();
      if (named.empty()) return;
      let [x, y] = [0, 0];
      named.forEach((n) => {
        x += n.position('x') / named.length;
        y += n.position('y') / named.length;
      });
      // Two reports naming the same entities do not sit on one another.
      const turn = (i * 2.4) % (2 * Math.PI);
      event.position({ x: x + 30 * Math.cos(turn), y: y + 30 * Math.sin(turn) });
      event.data('placed', true);
    });
    // New entities without a saved place are laid out (a saved chart keeps its places).
    const unplaced = nodes.some((n) => n.x === undefined && n.kind !== 'report') && added;
    if (unplaced) cy.layout(layoutOptions(layout === 'preset' ? 'cose' : layout, cy)).run();
    else if (added) cy.fit(undefined, 40);
  }, [nodes, links, caption, layout]);

  useEffect(() => {
    const cy = cyRef.current!;
    if (props.layoutRun > 0 && cy.nodes().length) cy.layout(layoutOptions(props.layout, cy)).run();
    // Only an explicit request lays the chart out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.layoutRun]);

  // The analysis drawn: sizes, community rings, key players named by rank.
  const { analysis, keyLabel } = props;
  useEffect(() => {
    const cy = cyRef.current!;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const look = analysis?.get(node.id());
        node.toggleClass('sized', look?.size !== undefined);
        node.toggleClass('ringed', look?.ring !== undefined);
        node.toggleClass('key-player', look?.keyRank !== undefined);
        if (look?.size !== undefined) node.data('size', look.size);
        if (look?.ring !== undefined) node.data('ring', look.ring);
        if (look?.keyRank !== undefined) node.data('keyLabel', keyLabel(look.keyRank, node.data('label') as string));
      });
    });
  }, [nodes, analysis, keyLabel]);

  // What the analyst set: hidden, pinned, selected, the path, the time slider.
  const { cutoff, path, selected } = props;
  useEffect(() => {
    const cy = cyRef.current!;
    const onPath = new Set([...(path?.nodes ?? []), ...(path?.links ?? []).map(([a, b]) => edgeId(a, b))]);
    const chosen = new Set(selected);
    cy.batch(() => {
      for (const n of nodes) {
        const node = cy.getElementById(n.id);
        node.toggleClass('hidden', n.hidden);
        cy.getElementById(noteId(n.id)).toggleClass('hidden', n.hidden);
        node.toggleClass('pinned', n.pinned);
        if (n.pinned) node.lock();
        else node.unlock();
      }
      cy.edges().forEach((e) => {
        e.toggleClass('later', cutoff !== null && (e.data('firstSeen') as number) > cutoff);
      });
      cy.nodes().forEach((node) => {
        const edges = node.connectedEdges();
        node.toggleClass('later', edges.length > 0 && edges.filter('.later').length === edges.length);
      });
      // A path found stands out: everything off it fades.
      cy.elements().forEach((e) => {
        e.toggleClass('on-path', onPath.has(e.id()));
        e.toggleClass('faded', onPath.size > 0 && !onPath.has(e.id()));
      });
      cy.nodes().forEach((node) => {
        if (chosen.has(node.id()) && !node.selected()) node.select();
        if (!chosen.has(node.id()) && node.selected()) node.unselect();
      });
    });
  }, [nodes, links, cutoff, path, selected]);

  return <div ref={container} className="app-chart" role="img" aria-label={props.description} />;
});
