import type { CourseList } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { hasPermission, useSession } from '../../session/session';
import { inLanguage } from './in-language';
import { StandingTag, StandingWords } from './standing';

/** The force's courses on trafficking, each with where the colleague stands: the overdue and untaken first. */
export function TrainingPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.title'));
  const { data: session } = useSession();
  const list = useCourses();
  const courses = [...(list.data?.courses ?? [])].sort((a, b) => STANDING_ORDER.indexOf(a.standing) - STANDING_ORDER.indexOf(b.standing));
  return (
    <>
      <h1 className="govuk-heading-l">{t('training.title')}</h1>
      <p className="govuk-body-l">{t('training.lead')}</p>
      {list.error && <ErrorSummary problems={problemsFrom(list.error, t)} />}
      {list.data && courses.length === 0 && <p className="govuk-body">{t('training.none')}</p>}
      <ul className="govuk-list app-course-list" data-testid="courses">
        {courses.map((course) => (
          <li key={course.id} className="app-course-list__item">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
              <Link className="govuk-link" to={`/training/${course.id}`}>
                {inLanguage(course.title, i18n.language)}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-2">
              <StandingTag standing={course.standing} />
            </p>
            <p className="govuk-body">{inLanguage(course.summary, i18n.language)}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {t('training.shape', { count: course.modules.length, questions: course.questionsPerAttempt, passMark: course.passMark })}{' '}
              <StandingWords course={course} />
            </p>
          </li>
        ))}
      </ul>
      {hasPermission(session, 'training:manage') && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/training/coverage">
            {t('training.toCoverage')}
          </Link>
        </p>
      )}
      {hasPermission(session, 'training:author') && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/training/authoring">
            {t('training.toAuthoring')}
          </Link>
        </p>
      )}
    </>
  );
}

const STANDING_ORDER = ['overdue', 'never', 'due_soon', 'current'] as const;

/** The course list, shared by the training page and the home page's reminder. */
export function useCourses() {
  return useQuery({ queryKey: ['training-courses'], queryFn: () => api<CourseList>('GET', '/api/training/courses'), retry: false });
}
