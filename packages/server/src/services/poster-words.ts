import { createRequire } from 'node:module';
import { SIGNS_BY_SETTING, type AwarenessSetting, type ReportLanguage } from '@harbour/contract';

/** Everything a poster or leaflet says, in one language, in the order it is printed. */
export interface PosterWords {
  readonly language: ReportLanguage;
  readonly direction: 'ltr' | 'rtl';
  readonly forceName: string;
  readonly headline: string;
  readonly lead: string;
  readonly signsTitle: string;
  readonly signs: readonly string[];
  readonly helplinesTitle: string;
  /**
   * 999, 101, Crimestoppers, the Modern Slavery Helpline: each a sentence with its number held
   * in a Unicode left-to-right isolate (U+2066 … U+2069), so no script reorders its digits.
   */
  readonly helplines: readonly string[];
  readonly scan: string;
  readonly orVisit: string;
}

interface PublicWords {
  common: { forceName: string };
  helplines: Record<'title' | 'emergency' | 'police' | 'crimestoppers' | 'helpline', string>;
  report: { signs: Record<string, string> };
  poster: Record<'headline' | 'lead' | 'signsTitle' | 'scan' | 'orVisit', string>;
}

const require = createRequire(import.meta.url);
export const LTR_ISOLATE = '\u2066';
export const POP_ISOLATE = '\u2069';
const RIGHT_TO_LEFT: ReadonlySet<ReportLanguage> = new Set(['ar']);

/**
 * A poster's words, from the public site's own translations, so that a helpline number or a sign
 * reads on paper exactly as it does on the reporting form: one text, translated once.
 */
export function posterWords(language: ReportLanguage, setting: AwarenessSetting): PosterWords {
  const words = require(`@harbour/web/i18n/${language}.json`) as PublicWords;
  const isolated = (text: string) => text.replace(/<tel>(.*?)<\/tel>/g, `${LTR_ISOLATE}$1${POP_ISOLATE}`);
  const { helplines, poster } = words;
  return {
    language,
    direction: RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr',
    forceName: words.common.forceName,
    headline: poster.headline,
    lead: poster.lead,
    signsTitle: poster.signsTitle,
    signs: SIGNS_BY_SETTING[setting].map((sign) => words.report.signs[sign.replace('.', '_')] ?? missing(language, sign)),
    helplinesTitle: helplines.title,
    helplines: [helplines.emergency, helplines.police, helplines.crimestoppers, helplines.helpline].map(isolated),
    scan: poster.scan,
    orVisit: poster.orVisit,
  };
}

function missing(language: string, sign: string): never {
  throw new Error(`The ${language} translation has no words for the sign ${sign}`);
}
