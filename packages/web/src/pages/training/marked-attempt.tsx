import type { CourseView, MarkedAttemptView } from '@harbour/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { MarkdownText } from '../../components/markdown';
import { inLanguage } from './in-language';

/**
 * A quiz marked: passed or not, then every question with the answer chosen, the right answer and
 * why each answer is right or wrong: the feedback is where the learning is, so it is shown for all.
 */
export function MarkedAttempt({
  course,
  marked,
  onRetry,
  retrying,
  problems,
}: {
  course: CourseView;
  marked: MarkedAttemptView;
  onRetry: () => void;
  retrying: boolean;
  problems: FormProblem[];
}) {
  const { t, i18n } = useTranslation();
  const score = t('training.score', { score: marked.score, total: marked.total, percent: marked.percent });
  return (
    <>
      <ErrorSummary problems={problems} />
      {marked.passed ? (
        <div className="govuk-panel govuk-panel--confirmation" data-testid="quiz-result">
          <h1 className="govuk-panel__title">{t('training.passed')}</h1>
          <div className="govuk-panel__body">
            {score}
            {marked.certificate && (
              <>
                <br />
                {t('training.certificateNumber', { number: marked.certificate })}
              </>
            )}
          </div>
        </div>
      ) : (
        <div data-testid="quiz-result">
          <h1 className="govuk-heading-l">{t('training.notPassed')}</h1>
          <p className="govuk-body-l">
            {score} {t('training.passMarkIs', { passMark: marked.passMark })}
          </p>
        </div>
      )}
      <p className="govuk-body">{t(marked.passed ? 'training.passedNext' : 'training.notPassedNext')}</p>
      <div className="govuk-button-group">
        {marked.passed && marked.certificate && (
          <a className="govuk-button" href={`/api/training/certificates/${marked.certificate}`} download>
            {t('training.downloadCertificate')}
          </a>
        )}
        {!marked.passed && (
          <button type="button" className="govuk-button" onClick={onRetry} disabled={retrying}>
            {t('training.tryAgain')}
          </button>
        )}
        <Link className="govuk-link" to={marked.passed ? '/training' : `/training/${course.id}`}>
          {t(marked.passed ? 'training.backToCourses' : 'training.readAgainLink')}
        </Link>
      </div>
      <h2 className="govuk-heading-m">{t('training.yourAnswers')}</h2>
      <ol className="govuk-list app-marked-list" data-testid="marked-questions">
        {marked.questions.map((q, i) => (
          <li key={q.id} className="app-marked-list__question">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
              {t('training.questionOf', { number: i + 1, count: marked.questions.length })}{' '}
              <strong className={`govuk-tag ${q.right ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{t(q.right ? 'training.right' : 'training.wrong')}</strong>
            </h3>
            {q.scenario && (
              <div className="govuk-inset-text">
                <MarkdownText text={inLanguage(q.scenario, i18n.language)} />
              </div>
            )}
            <p className="govuk-body govuk-!-font-weight-bold">{inLanguage(q.prompt, i18n.language)}</p>
            {q.chosen === null && <p className="govuk-body">{t('training.unanswered')}</p>}
            <ul className="govuk-list">
              {q.options.map((o, n) => (
                <li key={n} className={`app-marked-option${o.correct ? ' app-marked-option--correct' : ''}`}>
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    {inLanguage(o.text, i18n.language)} {q.chosen === n && <strong className="govuk-tag govuk-tag--blue">{t('training.yourAnswer')}</strong>}{' '}
                    {o.correct && <strong className="govuk-tag govuk-tag--green">{t('training.rightAnswer')}</strong>}
                  </p>
                  <p className="govuk-body-s">{inLanguage(o.feedback, i18n.language)}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
