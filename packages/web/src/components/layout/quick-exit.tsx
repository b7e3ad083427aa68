import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLeavingEscape } from './leaving-escape';

// A neutral page to land on; replace() keeps Harbour's page out of the back button.
const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

export function leaveQuickly(): void {
  // Nothing the reporter wrote stays behind in this tab (see report-draft.ts).
  window.sessionStorage.clear();
  document.body.innerHTML = '';
  document.title = 'BBC Weather';
  window.location.replace(NEUTRAL_SITE);
}

/** On every public page: a button, and the Escape key, that leave at once. */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isLeavingEscape(event)) leaveQuickly();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <aside className="app-quick-exit" aria-label={t('quickExit.button')}>
      <div className="govuk-width-container">
        <button type="button" className="govuk-button govuk-button--warning" data-module="quick-exit" onClick={leaveQuickly}>
          {t('quickExit.button')}
        </button>
        <span className="app-quick-exit__hint">{t('quickExit.hint')}</span>
      </div>
    </aside>
  );
}
