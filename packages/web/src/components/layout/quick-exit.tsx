import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

// A neutral page to land on; replace() keeps Harbour's page out of the back button.
const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

export function leaveQuickly(): void {
  document.body.innerHTML = '';
  document.title = 'BBC Weather';
  window.location.replace(NEUTRAL_SITE);
}

/** On every public page: a button, and the Escape key, that leave at once. */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') leaveQuickly();
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
