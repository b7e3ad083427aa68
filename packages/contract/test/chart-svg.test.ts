import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartSvg, wrap } from '../src/chart/svg';

describe('the chart as SVG', () => {
  const svg = chartSvg(
    [
      { x: 0, y: 0, kind: 'person', label: 'Ardit <Hoxha> & co', onPath: true },
      { x: 200, y: 100, kind: 'phone', label: '+447700900461', onPath: true },
      { x: -100, y: 300, kind: 'vehicle', label: 'CU57ABC', onPath: false },
    ],
    [
      {
        from: { x: 0, y: 0 },
        to: { x: 200, y: 100 },
        caption: 'uses phone · 3 reports',
        reports: 3,
        relation: 'uses_phone',
        direction: 'forward',
        onPath: true,
      },
      { from: { x: 0, y: 0 }, to: { x: -100, y: 300 }, caption: 'drives · 1 report', reports: 1, relation: 'drives', direction: 'backward', onPath: false },
      {
        from: { x: 200, y: 100 },
        to: { x: -100, y: 300 },
        caption: 'mentioned together · 1 report',
        reports: 1,
        relation: 'mentioned',
        direction: 'none',
        onPath: false,
      },
    ],
    'OFFICIAL-SENSITIVE',
  );

  it('draws every entity with its label, escaped, and every link with its caption', () => {
    expect(svg.match(/<g transform="translate\([^)]*\)">/g)).toHaveLength(3);
    expect(svg).toContain('Ardit &#60;Hoxha&#62; &#38; co');
    expect(svg).not.toContain('<Hoxha>');
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg).toContain('>uses phone · 3 reports</text>');
  });

  it('frames the drawing around the entities, marks the path dashed and a mere mention dotted', () => {
    expect(svg).toMatch(/viewBox="-180 -120 460 540"/);
    expect(svg.match(/stroke-dasharray="12 6"/g)).toHaveLength(1);
    expect(svg.match(/stroke-dasharray="2 5"/g)).toHaveLength(1);
  });

  it('points an arrow from the one who acts: at the end of a forward link, the start of a backward one, none for a mention', () => {
    const lines = svg.match(/<line [^>]*\/>/g)!;
    expect(lines[0]).toContain('marker-end=');
    expect(lines[0]).not.toContain('marker-start=');
    expect(lines[1]).toContain('marker-start=');
    expect(lines[1]).not.toContain('marker-end=');
    expect(lines[2]).not.toMatch(/marker-/);
    for (const id of [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])) expect(svg).toContain(`<marker id="${id}"`);
  });

  it('carries its protective marking above and below the drawing', () => {
    const markings = [...svg.matchAll(/<text x="50" y="(-?\d+)"[^>]*>OFFICIAL-SENSITIVE<\/text>/g)].map((m) => Number(m[1]));
    expect(markings).toEqual([-100, 400]);
  });

  it('gives each kind its own shape and colour', () => {
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain('<circle r="22"/>');
    expect(svg).toContain('fill="#D55E00"');
    expect(svg).toMatch(/<rect x="-22" y="-22" width="44" height="44" rx="8"\/>/);
    expect(svg).toContain('fill="#009E73"');
    expect(svg).toMatch(/<polygon points="22.0,0.0 /);
  });
});

describe('the chart as SVG, framed to stand on its own', () => {
  const svg = chartSvg(
    [
      { x: 0, y: 0, kind: 'person', label: 'Ardit Hoxha', onPath: false },
      { x: 200, y: 100, kind: 'phone', label: '+447700900461', onPath: false },
    ],
    [{ from: { x: 0, y: 0 }, to: { x: 200, y: 100 }, caption: 'uses phone', reports: 1, relation: 'uses_phone', direction: 'forward', onPath: false }],
    'OFFICIAL-SENSITIVE',
    {
      title: 'Gashi & phone',
      byline: 'Drawn 4 Dec 2026 by Tom Price',
      keyTitle: 'Key',
      kinds: [
        { kind: 'person', label: 'Person' },
        { kind: 'phone', label: 'Phone' },
      ],
      relations: [{ relation: 'uses_phone', label: 'uses phone' }],
    },
  );

  it('carries its title, when and by whom it was drawn, and a key to what it shows', () => {
    expect(svg).toContain('>Gashi &#38; phone</text>');
    expect(svg).toContain('>Drawn 4 Dec 2026 by Tom Price</text>');
    for (const words of ['Key', 'Person', 'Phone', 'uses phone']) expect(svg).toContain(`>${words}</text>`);
  });

  it('keeps its marking first and last, outside the title and the key', () => {
    const texts = [...svg.matchAll(/<text [^>]*y="(-?[\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]), words: m[2] }));
    const ys = texts.map((x) => x.y);
    expect(texts.find((x) => x.y === Math.min(...ys))!.words).toBe('OFFICIAL-SENSITIVE');
    expect(texts.find((x) => x.y === Math.max(...ys))!.words).toBe('OFFICIAL-SENSITIVE');
    // Wide enough for the title and key, however small the drawing.
    expect(Number(/^<svg [^>]*? width="([\d.]+)"/.exec(svg)![1])).toBeGreaterThanOrEqual(640);
  });
});

describe('a link asserted by hand, as drawn', () => {
  const link = { from: { x: 0, y: 0 }, to: { x: 200, y: 100 }, caption: 'uses phone · 1 assertion', reports: 1, relation: 'uses_phone', direction: 'forward' };
  const nodes = [
    { x: 0, y: 0, kind: 'person', label: 'Eni Rama', onPath: false },
    { x: 200, y: 100, kind: 'phone', label: '+447700900999', onPath: false },
  ];
  const frame = { title: 'T', byline: 'B', keyTitle: 'Key', kinds: [], relations: [], asserted: 'Asserted by hand' };
  const svg = chartSvg(nodes, [{ ...link, onPath: false, asserted: true }], 'OFFICIAL-SENSITIVE', frame);

  it('is purple and dash-dot whatever it says, its arrow purple, and keyed as asserted', () => {
    const [line, keyed] = svg.match(/<line [^>]*\/>/g)!;
    expect(line).toContain('stroke="#4c2c92"');
    expect(line).toContain('stroke-dasharray="12 4 2 4"');
    expect(line).toContain('marker-end="url(#arrow-4c2c92)"');
    expect(svg).toContain('<marker id="arrow-4c2c92"');
    expect(keyed).toContain('stroke-dasharray="12 4 2 4"');
    expect(svg).toContain('>Asserted by hand</text>');
  });

  it('is drawn as what it says once a report says it too, and the key says nothing of assertions when none is drawn', () => {
    const reported = chartSvg(nodes, [{ ...link, onPath: false }], 'OFFICIAL-SENSITIVE', { ...frame, asserted: undefined });
    expect(reported).not.toContain('12 4 2 4');
    expect(reported).not.toContain('Asserted by hand');
  });
});

describe('the chart as drawn for a PDF page', () => {
  const node = { x: 0, y: 0, kind: 'person', label: 'Dafydd Ŵyn', onPath: false };
  const link = {
    from: { x: 0, y: 0 },
    to: { x: 90, y: 90 },
    caption: 'controls · 2 reports',
    reports: 2,
    relation: 'controls',
    direction: 'forward',
    onPath: false,
  };
  const svg = chartSvg([node, { ...node, x: 90, y: 90, label: 'Anna' }], [link], null, undefined, { halos: false });

  it('leaves the marking to the page, and draws labels without the halo PDFKit would paint over them', () => {
    expect(svg).not.toContain('OFFICIAL');
    expect(svg).not.toContain('paint-order');
    expect(svg).toContain('fill="#0b0c0c">Dafydd Ŵyn</text>');
    expect(svg).toContain('fill="#0b0c0c">controls · 2 reports</text>');
  });
});

describe("the analyst's groups and notes as drawn", () => {
  const node = { x: 0, y: 0, kind: 'person', label: 'Besnik Gashi', onPath: false };
  const svg = chartSvg([node, { ...node, x: 120, label: 'Ardit Hoxha' }], [], 'OFFICIAL-SENSITIVE', undefined, {
    groups: [{ label: 'Gashi household', left: -40, top: -40, right: 160, bottom: 60 }],
    notes: [{ x: 300, y: -100, text: 'Drives the workers to the plant at 5 am, seen by the night manager twice' }],
  });

  it('draws a box round a group, named, and a note wrapped in lines inside its paper', () => {
    expect(svg).toContain('<rect x="-40" y="-40" width="200" height="100"');
    expect(svg).toContain('>Gashi household</text>');
    const noteLines = [...svg.matchAll(/font-size="11" fill="#0b0c0c">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(noteLines.join(' ')).toBe('Drives the workers to the plant at 5 am, seen by the night manager twice');
    expect(noteLines.every((line) => line!.length <= 30)).toBe(true);
    // The note, far to the right, is inside the drawing.
    const [left, , width] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number);
    expect(left! + width!).toBeGreaterThan(300 + 90);
  });
});

describe('words wrapped for a note', () => {
  it('keeps every word, in order, in lines no longer than asked unless one word is', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a\nb c', 10)).toEqual(['a', 'b c']);
    expect(wrap('extraordinarily long', 5)).toEqual(['extraordinarily', 'long']);
  });
});

describe('words wrapped, for any text', () => {
  it('lose no word, reorder none, and break only where a word would cross the width', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zŵŷ]{1,12}$/), { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), (words, most) => {
        const lines = wrap(words.join(' '), most);
        expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
        for (const line of lines) expect(line.length <= most || !line.includes(' ')).toBe(true);
        for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.length + 1 + lines[i]!.split(' ')[0]!.length).toBeGreaterThan(most);
      }),
    );
  });
});
