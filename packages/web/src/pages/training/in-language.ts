import type { Bilingual } from '@harbour/contract';

/** A course's words in the reader's language: Welsh for Welsh readers, English otherwise. */
export function inLanguage(words: Bilingual, language: string): string {
  return language === 'cy' ? words.cy : words.en;
}
