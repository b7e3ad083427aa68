import { Trans, useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { PHONE_MARKUP } from '../phone-number';

export function Footer() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <footer className="govuk-footer" role="contentinfo">
      <div className="govuk-width-container">
        {/* Hidden (in the style sheet) on a page that shows the helplines itself: once a page. */}
        <div className="app-footer-helplines">
          <h2 className="govuk-heading-s">{t('helplines.title')}</h2>
          <ul className="govuk-footer__list">
            {(['emergency', 'police', 'crimestoppers', 'helpline'] as const).map((line) => (
              <li className="govuk-footer__list-item" key={line}>
                <Trans i18nKey={`helplines.${line}`} components={PHONE_MARKUP} />
              </li>
            ))}
          </ul>
        </div>
        <hr className="govuk-footer__section-break" />
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {/* For the team and the developers who serve them; nothing for the public there. */}
            {session?.stage === 'complete' && (
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/api/docs/">
                    {t('footer.apiDocs')}
                  </a>
                </li>
              </ul>
            )}
            <p className="govuk-body-s">
              {t('footer.privacy')} {t('footer.licence')}
            </p>
          </div>
          <div className="govuk-footer__meta-item">{t('common.forceName')}</div>
        </div>
      </div>
    </footer>
  );
}
