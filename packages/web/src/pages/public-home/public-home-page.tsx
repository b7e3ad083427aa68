import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguagePicker } from '../../components/language-picker';
import { Helplines } from '../../components/layout/helplines';
import { usePageTitle } from '../../components/page-title';

export function PublicHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('publicHome.title'));
  const signs = t('publicHome.signs', { returnObjects: true }) as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t('publicHome.title')}</h1>
        <LanguagePicker />
        <p className="govuk-body-l">{t('publicHome.lead')}</p>
        <Link to="/report" className="govuk-button govuk-button--start" draggable={false}>
          {t('publicHome.reportLink')}
        </Link>
        <p className="govuk-body">
          <Link className="govuk-link" to="/report/follow-up">
            {t('publicHome.followUpLink')}
          </Link>
        </p>
        <Helplines />
        <h2 className="govuk-heading-m">{t('publicHome.signsTitle')}</h2>
        <ul className="govuk-list govuk-list--bullet">
          {signs.map((sign) => (
            <li key={sign}>{sign}</li>
          ))}
        </ul>
        <div className="govuk-inset-text">
          <p className="govuk-body">{t('publicHome.notYourFault')}</p>
          <p className="govuk-body">{t('publicHome.status')}</p>
        </div>
      </div>
      <div className="govuk-grid-column-one-third">
        <h2 className="govuk-heading-m">{t('publicHome.staffTitle')}</h2>
        <p className="govuk-body">{t('publicHome.staffText')}</p>
        <Link to="/sign-in" className="govuk-button govuk-button--secondary">
          {t('publicHome.staffLink')}
        </Link>
      </div>
    </div>
  );
}
