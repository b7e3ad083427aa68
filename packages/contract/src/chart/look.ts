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
  // Not an entity: a report drawn as an event, joined to the entities it names.
  report: {
    colour: '#ffffff',
    shape: 'rhomboid',
    icon: '<path d="M5 1h10l5 5v17H5zm9 1.5V7h4.5zM8 11h9v1.5H8zm0 4h9v1.5H8zm0 4h6v1.5H8z"/>',
    ink: '#0b0c0c',
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

/**
 * A link that only analysts' assertions make (no report says it), whatever it says: purple and
 * dash-dot, unlike any line a report makes, so a hand-made link is never taken for evidence.
 */
export const ASSERTED_LOOK = { colour: '#4c2c92', dashes: [12, 4, 2, 4] } as const;

const FALLBACK: { colour: string; shape: string; icon: string; ink?: string } = {
  colour: '#6F777B',
  shape: 'ellipse',
  icon: '<circle cx="12" cy="12" r="8"/>',
};

/** How an entity of this kind is drawn; a kind the chart does not know is grey. */
export function lookOf(kind: string) {
  return KIND_LOOK[kind] ?? FALLBACK;
}
