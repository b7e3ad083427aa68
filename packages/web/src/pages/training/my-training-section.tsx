import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inLanguage } from './in-language';
import { StandingTag } from './standing';
import { useCourses } from './training-page';

/** On a colleague's home: the courses they have still to take or take again, so a refresher falling due is seen. */
export function MyTrainingSection() {
  const { t, i18n } = useTranslation();
  const list = useCourses();
  if (!list.data) return null;
  const waiting = list.data.courses.filter((c) => c.standing !== 'current');
  return (
    <section aria-labelledby="my-training-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="my-training-title">
        {t('training.home.title')}
      </h2>
      {waiting.length === 0 ? (
        <p className="govuk-body">{t('training.home.allCurrent', { count: list.data.courses.length })}</p>
      ) : (
        <ul className="govuk-list" data-testid="my-training">
          {waiting.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/training/${c.id}`}>
                {inLanguage(c.title, i18n.language)}
              </Link>{' '}
              <StandingTag standing={c.standing} />
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/training">
          {t('training.home.all')}
        </Link>
      </p>
    </section>
  );
}
