import { describe, expect, it } from 'vitest';
import { dateLocale, LANGUAGES } from './locale';

describe('dates in the reader’s conventions', () => {
  it('never writes the month before the day', () => {
    const day = new Date('2026-03-04T12:00:00Z');
    for (const language of LANGUAGES) {
      const parts = new Intl.DateTimeFormat(dateLocale(language), { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(day);
      const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
      // Chinese writes the year, then the month, then the day; everyone else here the day first.
      expect(order, language).toEqual(language === 'zh' ? ['month', 'day'] : ['day', 'month']);
    }
    expect(new Intl.DateTimeFormat(dateLocale('en'), { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).toBe('4 Mar 2026');
  });
});

describe('dates where the browser lacks the language', () => {
  it('fall back to British English (day first), not to the browser’s own default', () => {
    for (const language of LANGUAGES) expect(dateLocale(language).at(-1), language).toBe('en-GB');
    // Intl takes the first locale it has data for: a browser without Welsh (Chrome) reads the list as this.
    const withoutFirst = ['qaa', ...dateLocale('cy').slice(1)];
    const day = new Date('2026-03-04T12:00:00Z');
    expect(new Intl.DateTimeFormat(withoutFirst, { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).toBe('4 Mar 2026');
  });
});
