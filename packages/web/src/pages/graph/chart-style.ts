import type { StylesheetJson } from 'cytoscape';

/**
 * How each kind of entity is drawn. Colours are the Okabe–Ito palette, told apart by people with
 * any common colour-vision deficiency, and every kind also has its own shape and icon, so nothing
 * rests on colour alone.
 */
export const KIND_LOOK: Record<string, { colour: string; shape: string; icon: string; ink?: string }> = {
  person: {
    colour: '#0072B2',
    shape: 'ellipse',
    icon: '<circle cx="12" cy="8" r="4.5"/><path d="M3 22c0-5 4-8.5 9-8.5s9 3.5 9 8.5z"/>',
  },
  phone: {
    colour: '#D55E00',
    shape: 'round-rectangle',
    icon: '<path d="M7 1.5h10a2 2 0 0 1 2 2v17a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-17a2 2 0 0 1 2-2zM7.5 4v13h9V4z"/><circle cx="12" cy="19.5" r="1.3" fill="#000"/>',
  },
  vehicle: {
    colour: '#009E73',
    shape: 'hexagon',
    icon: '<path d="M2 13l2.5-6h15l2.5 6v6h-3v-2H5v2H2zM6 9l-1.5 4h15L18 9z"/><circle cx="6.5" cy="15" r="1.5" fill="#000"/><circle cx="17.5" cy="15" r="1.5" fill="#000"/>',
  },
  business: {
    colour: '#CC79A7',
    shape: 'rectangle',
    icon: '<path d="M3 22V6l9-4v20zM13 22V9h8v13z"/><path d="M5.5 8h2v2h-2zm0 4h2v2h-2zm0 4h2v2h-2zM15 11h2v2h-2zm0 4h2v2h-2z" fill="#000"/>',
  },
  address: {
    colour: '#E69F00',
    shape: 'round-pentagon',
    icon: '<path d="M12 2l10 9h-3v11h-5v-7h-4v7H5V11H2z"/>',
    ink: '#0b0c0c',
  },
  online: {
    colour: '#56B4E9',
    shape: 'diamond',
    icon: '<path d="M12 2a10 10 0 1 0 6 18l-1.2-1.6A8 8 0 1 1 20 12v1.5a1.5 1.5 0 0 1-3 0V7h-2v1a5 5 0 1 0 .6 7.2A3.5 3.5 0 0 0 22 13.5V12A10 10 0 0 0 12 2zm0 7a3 3 0 1 1 0 6 3 3 0 0 1 0-6z"/>',
    ink: '#0b0c0c',
  },
  bank_account: {
    colour: '#F0E442',
    shape: 'octagon',
    icon: '<path d="M12 1l10 5v2H2V6zM4 10h3v8H4zm6.5 0h3v8h-3zM17 10h3v8h-3zM2 20h20v2H2z"/>',
    ink: '#0b0c0c',
  },
  document: {
    colour: '#000000',
    shape: 'barrel',
    icon: '<path d="M5 2h14v20H5zm7 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM8 17v2h8v-2z"/>',
  },
};

/**
 * How each kind of link is drawn: what a report says of two entities. The strongest relation of a
 * link sets its line; an arrow points from the one who acts (the suspect, the person) to the other.
 * Line style as well as colour tells them apart; being only mentioned together is the faintest.
 */
export const RELATION_LOOK: Record<string, { colour: string; line: 'solid' | 'dashed' | 'dotted'; width?: number }> = {
  controls: { colour: '#d4351c', line: 'solid' },
  called: { colour: '#D55E00', line: 'dashed' },
  uses_phone: { colour: '#505a5f', line: 'solid' },
  lives_at: { colour: '#505a5f', line: 'solid' },
  works_at: { colour: '#505a5f', line: 'solid' },
  drives: { colour: '#505a5f', line: 'solid' },
  mentioned: { colour: '#8a969c', line: 'dotted', width: 2 },
};

const FALLBACK: { colour: string; shape: string; icon: string; ink?: string } = {
  colour: '#6F777B',
  shape: 'ellipse',
  icon: '<circle cx="12" cy="12" r="8"/>',
};

export function lookOf(kind: string) {
  return KIND_LOOK[kind] ?? FALLBACK;
}

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
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: '.hidden, .later', style: { display: 'none' } },
  ];
}
