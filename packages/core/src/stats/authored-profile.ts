import { FOUR_P, type ProblemProfile, type ProfileSection, type Recommendations } from '@harbour/contract';
import { PROFILE_WORDS } from './profile-words';

/** What an analyst writes around the generated figures, and who wrote and issued it. */
export interface ProfileAuthoring {
  readonly title: string;
  readonly author: string;
  readonly keyJudgements: string;
  readonly intelligenceGaps: string;
  readonly recommendations: Recommendations;
  /** When and by whom it was issued; absent for a draft. */
  readonly issued?: { readonly at: Date; readonly by: string } | undefined;
}

/**
 * A problem profile as an analyst's product: their title; key judgements first, as a reader of
 * an intelligence product expects them; the generated figures; then the gaps in what is known
 * and recommendations under each strand of the 4P. A part not yet written says so, so that a
 * draft shows what is missing; the document is marked as the figures inside it are.
 */
export function withAnalystsWords(profile: ProblemProfile, authoring: ProfileAuthoring): ProblemProfile {
  const w = PROFILE_WORDS[profile.language];
  const locale = profile.language === 'cy' ? 'cy-GB' : 'en-GB';
  const written = (id: string, title: string, text: string): ProfileSection => {
    const paragraphs = paragraphsOf(text);
    return { id, title, paragraphs: paragraphs.length > 0 ? paragraphs : [w.authored.notWritten], tables: [] };
  };
  const status = authoring.issued
    ? w.authored.issued(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/London' }).format(authoring.issued.at), authoring.issued.by)
    : w.authored.draft;
  return {
    ...profile,
    title: authoring.title,
    subtitle: `${profile.title}. ${profile.subtitle}`,
    generated: [w.authored.preparedBy(authoring.author), profile.generated, status].join('. '),
    sections: [
      written('key-judgements', w.authored.keyJudgements, authoring.keyJudgements),
      ...profile.sections,
      written('intelligence-gaps', w.authored.intelligenceGaps, authoring.intelligenceGaps),
      ...FOUR_P.map((strand) => written(`recommend-${strand}`, w.authored.recommendations(w.fourP[strand]), authoring.recommendations[strand])),
    ],
  };
}

/** Paragraphs as the writer set them apart, by a blank line; a single line break stays inside its paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
