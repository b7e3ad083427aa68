import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { REPORT_LANGUAGES } from '../pages/report/report-languages';

/** Every language the form is offered in, each named in itself, so anyone can find theirs. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="app-language-picker" aria-label={t('report.chooseLanguage')}>
      <ul className="govuk-list app-language-picker__list">
        {REPORT_LANGUAGES.map((l) => (
          <li key={l.code}>
            {i18n.language === l.code ? (
              <span className="govuk-!-font-weight-bold" lang={l.code} dir={l.dir} aria-current="true">
                {l.name}
              </span>
            ) : (
              <button type="button" className="app-link-button govuk-link" lang={l.code} dir={l.dir} onClick={() => setLanguage(l.code)}>
                {l.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
