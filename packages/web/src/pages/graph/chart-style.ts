import type { StylesheetJson } from 'cytoscape';
import { ASSERTED_LOOK, KIND_LOOK, lookOf, RELATION_LOOK } from '@harbour/contract/chart';

/** An icon as an image the chart can draw (and the legend can show). */
export function iconUri(kind: string): string {
  const look = lookOf(kind);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48" fill="${look.ink ?? '#ffffff'}">${look.icon}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** The chart's stylesheet: per-kind look, link labels, and the states an analyst sets. */
export function chartStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 44,
        height: 44,
        'background-color': '#6F777B',
        'background-image': 'data(icon)',
        'background-width': '70%',
        'background-height': '70%',
        'border-width': 2,
        'border-color': '#0b0c0c',
        label: 'data(label)',
        'font-family': 'Arial, sans-serif',
        'font-size': 12,
        color: '#0b0c0c',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'min-zoomed-font-size': 7,
      },
    },
    ...Object.entries(KIND_LOOK).map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': look.colour, shape: look.shape as 'ellipse' },
    })),
    {
      selector: 'edge',
      style: {
        width: 'mapData(reports, 1, 10, 2, 8)',
        'line-color': '#505a5f',
        'curve-style': 'bezier',
        label: 'data(caption)',
        'font-size': 10,
        color: '#0b0c0c',
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
        // Captions crowd a dense chart: they show once it is zoomed in to read them.
        'min-zoomed-font-size': 12,
      },
    },
    ...Object.entries(RELATION_LOOK).map(([relation, look]) => ({
      selector: `edge[relation = "${relation}"]`,
      style: {
        'line-color': look.colour,
        'line-style': look.line,
        'target-arrow-color': look.colour,
        'source-arrow-color': look.colour,
        ...(look.width ? { width: look.width } : {}),
      },
    })),
    // Only analysts' assertions make it: purple and dash-dot, whatever it says.
    {
      selector: 'edge[?asserted]',
      style: {
        'line-color': ASSERTED_LOOK.colour,
        'line-style': 'dashed',
        'line-dash-pattern': [...ASSERTED_LOOK.dashes],
        'target-arrow-color': ASSERTED_LOOK.colour,
        'source-arrow-color': ASSERTED_LOOK.colour,
      },
    },
    { selector: 'edge[direction = "forward"], edge[direction = "both"]', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 1.4 } },
    { selector: 'edge[direction = "backward"], edge[direction = "both"]', style: { 'source-arrow-shape': 'triangle', 'arrow-scale': 1.4 } },
    // The analysis drawn: size by a figure, a ring in the community's colour, key players named by rank.
    { selector: 'node.sized', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node.ringed', style: { 'border-color': 'data(ring)', 'border-width': 7 } },
    { selector: 'node.key-player', style: { label: 'data(keyLabel)', 'font-weight': 'bold', 'font-size': 14, 'z-index': 5 } },
    // Selected: a thick yellow ring inside a black one (the GOV.UK focus colours).
    { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#ffdd00', 'outline-width': 3, 'outline-color': '#0b0c0c' } },
    // Pinned entities keep their place through layouts: a dashed double border says so.
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 6 } },
    // A path: black, thick and dashed, so it stands out without colour.
    { selector: 'edge.on-path', style: { width: 7, 'line-color': '#0b0c0c', 'line-style': 'dashed', 'z-index': 10 } },
    { selector: 'node.on-path', style: { 'border-width': 6, 'border-color': '#0b0c0c' } },
    // The analyst's own marks: a group's box, named at its top; a note in yellow, on a thin line to its entity.
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f3f2f1',
        'background-image': 'none',
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': '#505a5f',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-weight': 'bold',
        'font-size': 13,
        padding: '20px',
      },
    },
    {
      selector: 'node.note',
      style: {
        shape: 'rectangle',
        width: 180,
        height: 'data(height)',
        'background-color': '#fff7bf',
        'background-image': 'none',
        'border-width': 1,
        label: 'data(label)',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': '164px',
        'font-size': 11,
        'text-outline-width': 0,
      },
    },
    {
      selector: 'edge.note-link',
      style: { width: 1, 'line-color': '#0b0c0c', 'line-style': 'solid', label: '', 'target-arrow-shape': 'none', 'source-arrow-shape': 'none' },
    },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: '.hidden, .later', style: { display: 'none' } },
  ];
}
