import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import cy from './cy.json';
import en from './en.json';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

// The choice lasts for this tab only: nothing is left on a shared device once it is closed.
const STORAGE_KEY = 'harbour.lang';

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'cy' || fromUrl === 'en') return fromUrl;
  const saved = window.sessionStorage.getItem(STORAGE_KEY);
  return saved === 'cy' ? 'cy' : 'en';
}

export function setLanguage(language: Language): void {
  window.sessionStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, cy: { translation: cy } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
