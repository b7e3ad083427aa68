import { describe, expect, it } from 'vitest';
import { PROFILE_WORDS } from '@harbour/core';
import { chartSvg } from './profile-pdf';

/** The text of each <text> element of an SVG, its tspans joined: one label should be one element. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'"),
  );
}

describe('the profile’s charts', () => {
  it('print every category name whole, on one line, in English and Welsh alike', () => {
    for (const language of ['en', 'cy'] as const) {
      const labels = Object.values(PROFILE_WORDS[language].types);
      const svg = chartSvg({ labels, values: labels.map((_, i) => i + 1) }, 480, labels.length * 22 + 30, 'categories');
      const drawn = texts(svg);
      for (const label of labels) expect(drawn, `${language}: ${label}`).toContain(label);
    }
  });

  it('print every month of a long trend whole', () => {
    const labels = Array.from(
      { length: 24 },
      (_, i) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i % 12]} ${2025 + Math.floor(i / 12)}`,
    );
    const drawn = texts(chartSvg({ labels, values: labels.map(() => 3) }, 480, 190, 'time'));
    for (const label of labels) expect(drawn).toContain(label);
  });
});
