import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { setLanguage, type Language } from '../../i18n';
import { forgetAllCharts } from '../../pages/graph/working-chart';
import { forgetAllQuizzes } from '../../pages/training/kept-quiz';
import { useSession, useSetSession } from '../../session/session';

export function Header() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const setSession = useSetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signedIn = !!session;

  const signOut = async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setSession(null);
    client.clear();
    forgetAllCharts();
    forgetAllQuizzes();
    await navigate('/sign-in');
  };

  return (
    <header className="app-header" role="banner">
      <div className="app-header__inner-wrap">
        <div className="govuk-width-container app-header__inner">
          <Link to={session?.stage === 'complete' ? '/home' : '/'} className="app-header__brand">
            {t('common.serviceName')}
            <span className="app-header__tagline">{t('common.serviceTagline')}</span>
          </Link>
          <div className="app-header__tools">
            <button
              type="button"
              className="app-header__button"
              lang={t('common.switchToLang')}
              aria-label={t('common.switchToHint')}
              onClick={() => setLanguage(t('common.switchToLang') as Language)}
            >
              {t('common.switchTo')}
            </button>
            {signedIn ? (
              <button type="button" className="app-header__button" onClick={() => void signOut()}>
                {t('common.signOut')}
              </button>
            ) : (
              <Link className="app-header__link" to="/sign-in">
                {t('common.signIn')}
              </Link>
            )}
          </div>
        </div>
      </div>
      <div className="app-header__phase">
        <div className="govuk-width-container govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">{t('common.phaseTag')}</strong>
            {/* The public have no administrator to tell. */}
            <span className="govuk-phase-banner__text">{t(signedIn ? 'common.phaseText' : 'common.phaseTextPublic')}</span>
          </p>
        </div>
      </div>
    </header>
  );
}
