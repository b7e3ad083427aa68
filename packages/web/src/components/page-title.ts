import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** GOV.UK page titles: "Page – Service". */
export function usePageTitle(title: string, hasError = false): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${hasError ? `${t('common.errorPrefix')}: ` : ''}${title} – ${t('common.serviceName')}`;
  }, [title, hasError, t]);
}
