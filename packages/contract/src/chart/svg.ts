import type { ProtectiveMarking } from '../vocabulary/marking';
import { ASSERTED_LOOK, lookOf, RELATION_LOOK } from './look';

/** What an SVG export draws: the entities and links as they stand on the chart. */
export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly kind: string;
  readonly label: string;
  readonly onPath: boolean;
  /** Drawn larger or smaller than usual (the analysis, sized by a figure). */
  readonly size?: number;
  /** The ring of its community, when the analysis is drawn. */
  readonly ring?: string;
}

export interface SvgLink {
  readonly from: { x: number; y: number };
  readonly to: { x: number; y: number };
  readonly caption: string;
  readonly reports: number;
  /** Its strongest relation (how its line is drawn) and which way it runs (its arrows). */
  readonly relation: string;
  readonly direction: string;
  readonly onPath: boolean;
  /** Only analysts' assertions make it: drawn as such. */
  readonly asserted?: boolean;
}

/** A group the analyst drew: a box round its entities, named at its top. */
export interface SvgGroup {
  readonly label: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A note the analyst wrote on the chart, where it stands (its middle). */
export interface SvgNote {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/**
 * What frames an export so it stands on its own, printed or sent: its title, when and by whom it
 * was drawn, and a key to the kinds of entity and link it shows.
 */
export interface SvgFrame {
  readonly title: string;
  /** e.g. "Drawn 4 Dec 2026 by Tom Price". */
  readonly byline: string;
  readonly keyTitle: string;
  readonly kinds: readonly { kind: string; label: string }[];
  readonly relations: readonly { relation: string; label: string }[];
  /** The key's words for a link asserted by hand, when the chart shows one. */
  readonly asserted?: string;
}

const DASHES: Record<string, string> = {
  solid: '',
  dashed: ' stroke-dasharray="10 6"',
  dotted: ' stroke-dasharray="2 5"',
  asserted: ` stroke-dasharray="${ASSERTED_LOOK.dashes.join(' ')}"`,
};
/** How a link is drawn: an asserted one as such, any other by what it says. */
const lineOf = (l: Pick<SvgLink, 'relation' | 'asserted'>): { colour: string; line: string; width?: number } =>
  l.asserted ? { colour: ASSERTED_LOOK.colour, line: 'asserted' } : (RELATION_LOOK[l.relation] ?? RELATION_LOOK['mentioned']!);
/** An arrow head, drawn at the end of a line and turned along it. */
const ARROW =
  '<marker id="arrow-{{c}}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{{colour}}"/></marker>';

const SIZE = 44;
const PADDING = 80;
/** The band above and below the drawing that holds its protective marking. */
const BAND = 40;

/** The outline of each kind's shape, centred on 0,0, as the chart draws it. */
function outline(shape: string): string {
  const r = SIZE / 2;
  const polygon = (sides: number, turn: number) =>
    `<polygon points="${Array.from({ length: sides }, (_, i) => {
      const a = turn + (2 * Math.PI * i) / sides;
      return `${(r * Math.cos(a)).toFixed(1)},${(r * Math.sin(a)).toFixed(1)}`;
    }).join(' ')}"/>`;
  switch (shape) {
    case 'ellipse':
      return `<circle r="${r}"/>`;
    case 'round-rectangle':
      return `<rect x="${-r}" y="${-r}" width="${SIZE}" height="${SIZE}" rx="8"/>`;
    case 'rectangle':
      return `<rect x="${-r}" y="${-r}" width="${SIZE}" height="${SIZE}"/>`;
    case 'barrel':
      return `<rect x="${-r}" y="${-r}" width="${SIZE}" height="${SIZE}" rx="14"/>`;
    case 'hexagon':
      return polygon(6, 0);
    case 'round-pentagon':
      return polygon(5, -Math.PI / 2);
    case 'diamond':
      return polygon(4, -Math.PI / 2);
    case 'octagon':
      return polygon(8, Math.PI / 8);
    case 'rhomboid':
      return `<polygon points="${-r + 8},${-r} ${r},${-r} ${r - 8},${r} ${-r},${r}"/>`;
    default:
      return `<circle r="${r}"/>`;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The chart as a standalone SVG document: the same shapes, colours, icons and labels, as vectors
 * (so it prints sharp at any size and its text can be searched and copied), its protective
 * marking centred above and below it (`null` when the page it is printed on carries the marking).
 */
export function chartSvg(
  nodes: readonly SvgNode[],
  links: readonly SvgLink[],
  marking: ProtectiveMarking | null,
  frame?: SvgFrame,
  /**
   * A white halo round labels, so they read over lines (off where paint-order is not drawn:
   * PDFKit would draw the halo over the letters); the analyst's groups and notes.
   */
  { halos = true, groups = [], notes = [] }: { halos?: boolean; groups?: readonly SvgGroup[]; notes?: readonly SvgNote[] } = {},
): string {
  const halo = halos ? ' paint-order="stroke" stroke="#fff" stroke-width="3"' : '';
  const xs = [...nodes.map((n) => n.x), ...groups.flatMap((g) => [g.left, g.right]), ...notes.flatMap((n) => [n.x - NOTE_WIDTH / 2, n.x + NOTE_WIDTH / 2])];
  const ys = [...nodes.map((n) => n.y), ...groups.flatMap((g) => [g.top - 20, g.bottom]), ...notes.map((n) => n.y)];
  const [minX, maxX, minY, maxY] = nodes.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const [left, top] = [minX - PADDING, minY - PADDING];
  const width = Math.max(maxX - minX + 2 * PADDING, frame ? MIN_FRAMED_WIDTH : 0);
  const height = maxY - minY + 2 * PADDING;
  const markers = [...Object.values(RELATION_LOOK).map((look) => look.colour), ASSERTED_LOOK.colour]
    .filter((c, i, all) => all.indexOf(c) === i)
    .map((colour) => ARROW.replace('{{c}}', colour.slice(1)).replace('{{colour}}', colour));
  const lines = links.map((l) => {
    const look = lineOf(l);
    const width = l.onPath ? 7 : (look.width ?? Math.min(8, 2 + ((l.reports - 1) * 6) / 9));
    const [mx, my] = [(l.from.x + l.to.x) / 2, (l.from.y + l.to.y) / 2];
    // Lines stop at the edge of each entity, so an arrow head is seen.
    const [dx, dy] = [l.to.x - l.from.x, l.to.y - l.from.y];
    const cut = Math.min(0.45, SIZE / 2 / Math.max(1, Math.hypot(dx, dy)));
    const [x1, y1, x2, y2] = [l.from.x + dx * cut, l.from.y + dy * cut, l.to.x - dx * cut, l.to.y - dy * cut];
    const arrow = `url(#arrow-${look.colour.slice(1)})`;
    const heads =
      (l.direction === 'forward' || l.direction === 'both' ? ` marker-end="${arrow}"` : '') +
      (l.direction === 'backward' || l.direction === 'both' ? ` marker-start="${arrow}"` : '');
    return [
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${l.onPath ? '#0b0c0c' : look.colour}" stroke-width="${width.toFixed(1)}"${l.onPath ? ' stroke-dasharray="12 6"' : DASHES[look.line]}${heads}/>`,
      `<text x="${mx}" y="${my}" font-size="10" text-anchor="middle" dominant-baseline="central" fill="#0b0c0c"${halo}>${escape(l.caption)}</text>`,
    ].join('');
  });
  const shapes = nodes.map((n) => {
    const look = lookOf(n.kind);
    const size = n.size ?? SIZE;
    const scale = (size * 0.7) / 24;
    const stroke =
      n.ring && !n.onPath ? `stroke="${n.ring}" stroke-width="${(7 * SIZE) / size}"` : `stroke="#0b0c0c" stroke-width="${((n.onPath ? 6 : 2) * SIZE) / size}"`;
    return [
      `<g transform="translate(${n.x} ${n.y})">`,
      `<g fill="${look.colour}" ${stroke} transform="scale(${size / SIZE})">${outline(look.shape)}</g>`,
      `<g transform="translate(${-12 * scale} ${-12 * scale}) scale(${scale})" fill="${look.ink ?? '#ffffff'}">${look.icon}</g>`,
      `<text y="${size / 2 + 14}" font-size="12" text-anchor="middle" fill="#0b0c0c"${halo}>${escape(n.label)}</text>`,
      '</g>',
    ].join('');
  });
  const boxes = groups.map((g) =>
    [
      `<rect x="${g.left}" y="${g.top}" width="${g.right - g.left}" height="${g.bottom - g.top}" rx="12" fill="#f3f2f1" stroke="#505a5f" stroke-width="2" stroke-dasharray="8 4"/>`,
      `<text x="${g.left + 10}" y="${g.top - 8}" font-size="13" font-weight="bold" fill="#0b0c0c">${escape(g.label)}</text>`,
    ].join(''),
  );
  const stickies = notes.map((n) => {
    const lines = wrap(n.text, NOTE_CHARACTERS);
    const height = lines.length * NOTE_LINE + 12;
    const [x, y] = [n.x - NOTE_WIDTH / 2, n.y - height / 2];
    return [
      `<rect x="${x}" y="${y}" width="${NOTE_WIDTH}" height="${height}" fill="#fff7bf" stroke="#0b0c0c" stroke-width="1"/>`,
      ...lines.map((line, i) => `<text x="${x + 8}" y="${y + 6 + (i + 0.8) * NOTE_LINE}" font-size="11" fill="#0b0c0c">${escape(line)}</text>`),
    ].join('');
  });
  const head = frame ? heading(frame, left, top) : { svg: '', height: 0 };
  const key = frame ? keyOf(frame, left, top + height, width) : { svg: '', height: 0 };
  const band = marking ? BAND : 0;
  const [frameTop, frameHeight] = [top - band - head.height, head.height + height + key.height + 2 * band];
  const markingAt = (y: number) =>
    marking &&
    `<text x="${left + width / 2}" y="${y}" font-size="16" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="#0b0c0c">${marking}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${left} ${frameTop} ${width} ${frameHeight}" width="${width}" height="${frameHeight}" font-family="Arial, sans-serif">`,
    `<rect x="${left}" y="${frameTop}" width="${width}" height="${frameHeight}" fill="#fff"/>`,
    `<defs>${markers.join('')}</defs>`,
    markingAt(frameTop + band / 2),
    head.svg,
    ...boxes,
    ...lines,
    ...shapes,
    ...stickies,
    key.svg,
    markingAt(frameTop + frameHeight - band / 2),
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}

const NOTE_WIDTH = 180;
const NOTE_LINE = 14;
const NOTE_CHARACTERS = 30;

/** Words in lines of at most `most` characters (a longer word stands on its own line). */
export function wrap(text: string, most: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > most) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** A framed export is at least this wide, so its title and key have room. */
const MIN_FRAMED_WIDTH = 640;
const HEAD = 64;
const KEY_ROW = 28;
const KEY_COLUMN = 210;

/** The title and byline, above the drawing. */
function heading(frame: SvgFrame, left: number, top: number): { svg: string; height: number } {
  const x = left + 16;
  return {
    height: HEAD,
    svg: [
      `<text x="${x}" y="${top - HEAD + 24}" font-size="20" font-weight="bold" fill="#0b0c0c">${escape(frame.title)}</text>`,
      `<text x="${x}" y="${top - HEAD + 48}" font-size="13" fill="#0b0c0c">${escape(frame.byline)}</text>`,
    ].join(''),
  };
}

/** The key under the drawing: each kind shown, by its colour and shape, and each kind of line. */
function keyOf(frame: SvgFrame, left: number, top: number, width: number): { svg: string; height: number } {
  const perRow = Math.max(1, Math.floor((width - 32) / KEY_COLUMN));
  const items = [
    ...frame.kinds.map(({ kind, label }) => {
      const look = lookOf(kind);
      const marker = `<g transform="translate(8 -5) scale(${16 / SIZE})" fill="${look.colour}" stroke="#0b0c0c" stroke-width="3">${outline(look.shape)}</g>`;
      return { marker, label };
    }),
    ...frame.relations.map(({ relation, label }) => {
      const look = RELATION_LOOK[relation] ?? RELATION_LOOK['mentioned']!;
      return { marker: `<line x1="0" y1="-5" x2="20" y2="-5" stroke="${look.colour}" stroke-width="3"${DASHES[look.line]}/>`, label };
    }),
    ...(frame.asserted
      ? [{ marker: `<line x1="0" y1="-5" x2="20" y2="-5" stroke="${ASSERTED_LOOK.colour}" stroke-width="3"${DASHES['asserted']}/>`, label: frame.asserted }]
      : []),
  ];
  const rows = Math.ceil(items.length / perRow);
  const body = items.map((item, i) => {
    const [x, y] = [left + 16 + (i % perRow) * KEY_COLUMN, top + 48 + Math.floor(i / perRow) * KEY_ROW];
    return `<g transform="translate(${x} ${y})">${item.marker}<text x="28" y="0" font-size="12" fill="#0b0c0c">${escape(item.label)}</text></g>`;
  });
  return {
    height: 40 + rows * KEY_ROW,
    svg: [`<text x="${left + 16}" y="${top + 20}" font-size="14" font-weight="bold" fill="#0b0c0c">${escape(frame.keyTitle)}</text>`, ...body].join(''),
  };
}
