import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import cy from './cy.json';
import en from './en.json';
import pl from './pl.json';
import ro from './ro.json';
import sq from './sq.json';
import vi from './vi.json';
import zh from './zh.json';

import { LANGUAGES, type Language } from './locale';

export { LANGUAGES, type Language };
const RIGHT_TO_LEFT = new Set<string>(['ar']);

// The choice lasts for this tab only: nothing is left on a shared device once it is closed.
const STORAGE_KEY = 'harbour.lang';

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const saved = window.sessionStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'en';
}

export function setLanguage(language: Language): void {
  window.sessionStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = RIGHT_TO_LEFT.has(lng) ? 'rtl' : 'ltr';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    cy: { translation: cy },
    pl: { translation: pl },
    ro: { translation: ro },
    sq: { translation: sq },
    vi: { translation: vi },
    ar: { translation: ar },
    zh: { translation: zh },
  },
  lng: initialLanguage(),
  // Staff pages exist in English and Welsh; other languages fall back to English there.
  fallbackLng: { cy: [], default: ['en'] },
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', applyToDocument);
applyToDocument(i18n.language);

export default i18n;
