import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cy from './cy.json';
import en from './en.json';
import pl from './pl.json';
import ro from './ro.json';
import sq from './sq.json';
import vi from './vi.json';
import ar from './ar.json';
import zh from './zh.json';
import { FIELDS } from '../../../core/src/resolve/comparison';
import { levelKey } from '../pages/picture/level-key';

/** The endings i18next gives a key for each plural form a language has (CLDR categories). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function allKeys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => allKeys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/** A resource's keys, each plural once: languages differ in how many forms a count takes. */
function keys(value: unknown): string[] {
  return [...new Set(allKeys(value).map((k) => k.replace(PLURAL, '')))];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

describe('translations', () => {
  it('Welsh has every English key, and no others', () => {
    expect(keys(cy).sort()).toEqual(keys(en).sort());
  });

  it('every counted text has every plural form its language needs, so no count shows a bare key', () => {
    for (const [lang, resource] of Object.entries({ en, cy, pl, ro, sq, vi, ar, zh })) {
      const all = new Set(allKeys(resource));
      const counted = new Set([...all].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of counted) for (const form of forms) expect(all.has(`${key}_${form}`), `${lang}: ${key}_${form}`).toBe(true);
    }
  });

  it('every comparison level the review queue can show has its words in English and Welsh', () => {
    for (const level of FIELDS.flatMap((f) => f.levels)) {
      expect(en.picture.review.levels, level).toHaveProperty(levelKey(level));
      expect(cy.picture.review.levels, level).toHaveProperty(levelKey(level));
    }
  });

  it('no string is empty or left in English in the Welsh file', () => {
    const flat = (o: unknown, p = ''): [string, string][] =>
      o !== null && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => flat(v, `${p}.${k}`)) : [[p, String(o)]];
    const english = new Map(flat(en));
    // Names and numbers are the same in both languages.
    const same = new Set([
      '.common.serviceName',
      '.common.phaseTag',
      '.common.switchToLang',
      '.roles.partner',
      '.staffHome.title',
      '.report.areas.blaenauGwent',
      '.report.steps.who.person',
      '.referral.people.legend',
      '.picture.kind.person',
      '.picture.attributes.model',
      '.graph.chart.layouts.grid',
      '.graph.analysis.pagerank',
      '.figures.map.title',
      '.cases.htcds.fieldProblem',
      '.pursue.documents.kind.pdf',
      '.pursue.links.unlinkWhom',
      '.graph.link.sentence',
      '.prevent.make.sizes.A4',
      '.figures.partialPeriod',
      '.graph.drawn.keyLabel',
    ]);
    for (const [key, text] of flat(cy)) {
      expect(text.trim(), key).not.toBe('');
      if (!same.has(key) && !/\.(switchTo|switchToHint)$/.test(key)) expect(text, key).not.toBe(english.get(key));
    }
  });

  it('the public pages are complete in every language of the form', () => {
    // The home page, the form and its help, page not found, the header and footer around them, and
    // every error a reporter can meet.
    const publicPart = (r: typeof en) => ({
      publicHome: r.publicHome,
      notFound: r.notFound,
      report: r.report,
      quickExit: r.quickExit,
      helplines: r.helplines,
      errors: r.errors,
      characterCount: r.characterCount,
      footer: r.footer,
    });
    const publicKeys = keys(publicPart(en)).sort();
    const common = [
      'common.errorPrefix',
      'common.errorSummaryTitle',
      'common.forceName',
      'common.phaseTag',
      'common.phaseTextPublic',
      'common.serviceTagline',
      'common.signIn',
      'common.skipToContent',
    ];
    for (const [lang, resource] of Object.entries({ pl, ro, sq, vi, ar, zh })) {
      expect(keys(publicPart(resource as typeof en)).sort(), lang).toEqual(publicKeys);
      expect(
        keys(resource)
          .filter((k) => k.startsWith('common.'))
          .sort(),
        lang,
      ).toEqual(common);
      // Helpline numbers are the same in every language.
      for (const number of ['999', '101', '0800 555 111', '08000 121 700']) expect(JSON.stringify(resource.helplines), lang).toContain(number);
      expect(resource.report.steps.safety.call999, lang).toContain('<tel>999</tel>');
    }
  });

  it('components contain no hard-coded words outside translations', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const offenders: string[] = [];
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      // Text between a closing '>' and the next '<' or '{' that contains a letter is a literal string.
      for (const match of text.matchAll(/(?<!=)>(?![('])\s*([^<>{}\n]*[A-Za-z][^<>{}\n]*)\s*</g)) {
        if (!/^\s*(=>|&&|\|\||\?|:)/.test(match[1]!) && !match[1]!.includes('=>')) offenders.push(`${file.slice(src.length)}: "${match[1]!.trim()}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
