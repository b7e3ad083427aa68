import type { CourseView } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { problemsFrom } from '../../components/form/problems';
import { MarkdownText } from '../../components/markdown';
import { usePageTitle } from '../../components/page-title';
import { NotFoundPage } from '../not-found/not-found-page';
import { inLanguage } from './in-language';
import { StandingTag, StandingWords } from './standing';

/**
 * A course, fetched whole once and kept: its modules are read one page at a time, and moving
 * between them asks nothing of the server, so a module page still opens when the signal drops.
 */
export function useCourse(courseId: string) {
  return useQuery({
    queryKey: ['training-course', courseId],
    queryFn: () => api<CourseView>('GET', `/api/training/courses/${courseId}`),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

export function CoursePage() {
  const { id = '', moduleId } = useParams();
  const { t, i18n } = useTranslation();
  const course = useCourse(id);
  const title = course.data ? inLanguage(course.data.title, i18n.language) : t('training.title');
  const index = moduleId && course.data ? course.data.modules.findIndex((m) => m.id === moduleId) : -1;
  const module = index >= 0 ? course.data?.modules[index] : undefined;
  usePageTitle(module ? inLanguage(module.title, i18n.language) : title);

  if (course.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!course.data)
    return (
      <>
        <Link className="govuk-back-link" to="/training">
          {t('training.backToCourses')}
        </Link>
        <ErrorSummary problems={problemsFrom(course.error, t)} />
      </>
    );
  if (moduleId && !module) return <NotFoundPage />;
  const modules = course.data.modules;
  if (!module) return <CourseContents course={course.data} />;

  const previous = modules[index - 1];
  const next = modules[index + 1];
  return (
    <>
      <Link className="govuk-back-link" to={`/training/${id}`}>
        {title}
      </Link>
      <span className="govuk-caption-l">{t('training.moduleOf', { number: index + 1, count: modules.length })}</span>
      <h1 className="govuk-heading-l">{inLanguage(module.title, i18n.language)}</h1>
      <MarkdownText text={inLanguage(module.body, i18n.language)} />
      <nav className="govuk-pagination govuk-pagination--block" aria-label={t('training.modulesLabel')}>
        {previous && (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" rel="prev" to={`/training/${id}/modules/${previous.id}`}>
              <span className="govuk-pagination__link-title">{t('training.previousModule')}</span>
              <span className="govuk-visually-hidden">:</span>
              <span className="govuk-pagination__link-label">{inLanguage(previous.title, i18n.language)}</span>
            </Link>
          </div>
        )}
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" to={next ? `/training/${id}/modules/${next.id}` : `/training/${id}/quiz`}>
            <span className="govuk-pagination__link-title">{next ? t('training.nextModule') : t('training.toQuiz')}</span>
            {next && (
              <>
                <span className="govuk-visually-hidden">:</span>
                <span className="govuk-pagination__link-label">{inLanguage(next.title, i18n.language)}</span>
              </>
            )}
          </Link>
        </div>
      </nav>
    </>
  );
}

/** The course's front page: what it covers, where the colleague stands, its modules and its quiz. */
function CourseContents({ course }: { course: CourseView }) {
  const { t, i18n } = useTranslation();
  const first = course.modules[0];
  return (
    <>
      <Link className="govuk-back-link" to="/training">
        {t('training.backToCourses')}
      </Link>
      <h1 className="govuk-heading-l">{inLanguage(course.title, i18n.language)}</h1>
      <p className="govuk-body">
        <StandingTag standing={course.standing} />
      </p>
      <p className="govuk-body-l">{inLanguage(course.summary, i18n.language)}</p>
      <p className="govuk-body">
        <StandingWords course={course} />
      </p>
      {course.certificate && (
        <p className="govuk-body" data-testid="certificate">
          {t('training.certificateNumber', { number: course.certificate })}{' '}
          <a className="govuk-link" href={`/api/training/certificates/${course.certificate}`} download>
            {t('training.downloadCertificate')}
          </a>
        </p>
      )}
      <h2 className="govuk-heading-m">{t('training.contents')}</h2>
      <ol className="govuk-list govuk-list--number">
        {course.modules.map((m) => (
          <li key={m.id}>
            <Link className="govuk-link" to={`/training/${course.id}/modules/${m.id}`}>
              {inLanguage(m.title, i18n.language)}
            </Link>
          </li>
        ))}
        <li>
          <Link className="govuk-link" to={`/training/${course.id}/quiz`}>
            {t('training.quizTitle')}
          </Link>{' '}
          <span className="govuk-body-s">{t('training.quizShape', { count: course.questionsPerAttempt, passMark: course.passMark })}</span>
        </li>
      </ol>
      {first && (
        <Link className="govuk-button govuk-button--start" to={`/training/${course.id}/modules/${first.id}`} role="button" draggable={false}>
          {t(course.standing === 'never' ? 'training.start' : 'training.readAgain')}
        </Link>
      )}
    </>
  );
}
