import type { AttemptView, CourseView, MarkedAttemptView } from '@harbour/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { MarkdownText } from '../../components/markdown';
import { usePageTitle } from '../../components/page-title';
import { useSession } from '../../session/session';
import { useCourse } from './course-page';
import { inLanguage } from './in-language';
import { forgetQuiz, keepQuiz, loadQuiz, type KeptQuiz } from './kept-quiz';
import { MarkedAttempt } from './marked-attempt';

/**
 * A course's quiz: begun on the server (questions drawn afresh), answered here with every choice
 * kept in the tab as it is made, and sent once for marking. If the connection drops the answers
 * stay on the page and in the tab, and sending again is safe: an attempt is marked only once.
 */
export function QuizPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const userId = session?.user.id ?? '';
  const course = useCourse(id);
  const client = useQueryClient();
  const [quiz, setQuiz] = useState<KeptQuiz | null>(() => loadQuiz(userId, id));
  const [marked, setMarked] = useState<MarkedAttemptView | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  usePageTitle(t('training.quizTitle'), problems.length > 0);

  const begin = useMutation({
    mutationFn: () => api<AttemptView>('POST', `/api/training/courses/${id}/attempts`),
    onSuccess: (attempt) => {
      const started = { attempt, answers: {} };
      keepQuiz(userId, started);
      setQuiz(started);
      setMarked(null);
      setProblems([]);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });

  const send = useMutation({
    mutationFn: (kept: KeptQuiz) => api<MarkedAttemptView>('POST', `/api/training/attempts/${kept.attempt.id}`, { answers: kept.answers }),
    onSuccess: (result) => {
      forgetQuiz(userId, id);
      setQuiz(null);
      setMarked(result);
      setProblems([]);
      window.scrollTo(0, 0);
      void client.invalidateQueries({ queryKey: ['training-courses'] });
      void client.invalidateQueries({ queryKey: ['training-course', id] });
    },
    onError: (error) => {
      // An attempt this tab kept that the server does not know as theirs (another colleague signed
      // in here, say) cannot be sent: it is put aside and a new one begun.
      if (error instanceof ApiError && error.status === 404) {
        forgetQuiz(userId, id);
        setQuiz(null);
        setProblems([{ message: t('training.quizGone') }]);
        return;
      }
      setProblems(error instanceof ApiError && error.code === 'network' ? [{ message: t('training.notSent') }] : problemsFrom(error, t));
    },
  });

  const choose = (questionId: string, option: number) => {
    if (!quiz) return;
    const next = { ...quiz, answers: { ...quiz.answers, [questionId]: option } };
    keepQuiz(userId, next);
    setQuiz(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!quiz) return;
    const unanswered = quiz.attempt.questions.flatMap((q, i) =>
      quiz.answers[q.id] === undefined ? [{ field: `q-${q.id}-0`, message: t('training.answerQuestion', { number: i + 1 }) }] : [],
    );
    if (unanswered.length > 0) return setProblems(unanswered);
    send.mutate(quiz);
  };

  if (course.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  const title = course.data ? inLanguage(course.data.title, i18n.language) : t('training.title');
  return (
    <>
      <Link className="govuk-back-link" to={`/training/${id}`}>
        {title}
      </Link>
      {marked && course.data ? (
        <MarkedAttempt course={course.data} marked={marked} onRetry={() => begin.mutate()} retrying={begin.isPending} problems={problems} />
      ) : (
        <>
          <span className="govuk-caption-l">{title}</span>
          <h1 className="govuk-heading-l">{t('training.quizTitle')}</h1>
          <ErrorSummary problems={problems} />
          {(begin.isPaused || send.isPaused) && (
            <div className="govuk-warning-text" role="status">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t('training.warning')}</span>
                {t(send.isPaused ? 'training.waitingToSend' : 'training.waitingToBegin')}
              </strong>
            </div>
          )}
          {!quiz && course.data && <QuizIntro course={course.data} onBegin={() => begin.mutate()} beginning={begin.isPending} />}
          {!quiz && !course.data && <ErrorSummary problems={problemsFrom(course.error, t)} />}
          {quiz && (
            <form onSubmit={submit} noValidate>
              <p className="govuk-body">{t('training.keptHint')}</p>
              {quiz.attempt.questions.map((q, i) => {
                const error = fieldError(problems, `q-${q.id}-0`);
                return (
                  <div key={q.id} className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
                    {q.scenario && (
                      <div className="govuk-inset-text">
                        <MarkdownText text={inLanguage(q.scenario, i18n.language)} />
                      </div>
                    )}
                    <fieldset className="govuk-fieldset" aria-describedby={error ? `q-${q.id}-error` : undefined}>
                      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <span className="govuk-caption-m">{t('training.questionOf', { number: i + 1, count: quiz.attempt.questions.length })}</span>
                        {inLanguage(q.prompt, i18n.language)}
                      </legend>
                      {error && (
                        <p id={`q-${q.id}-error`} className="govuk-error-message">
                          <span className="govuk-visually-hidden">{t('common.errorPrefix')}:</span> {error}
                        </p>
                      )}
                      <div className="govuk-radios">
                        {q.options.map((o, n) => (
                          <div className="govuk-radios__item" key={n}>
                            <input
                              className="govuk-radios__input"
                              id={`q-${q.id}-${n}`}
                              name={`q-${q.id}`}
                              type="radio"
                              checked={quiz.answers[q.id] === n}
                              onChange={() => choose(q.id, n)}
                            />
                            <label className="govuk-label govuk-radios__label" htmlFor={`q-${q.id}-${n}`}>
                              {inLanguage(o.text, i18n.language)}
                            </label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                  </div>
                );
              })}
              <button type="submit" className="govuk-button" disabled={send.isPending}>
                {t('training.send')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}

function QuizIntro({ course, onBegin, beginning }: { course: CourseView; onBegin: () => void; beginning: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="govuk-body">{t('training.quizShape', { count: course.questionsPerAttempt, passMark: course.passMark })}</p>
      <p className="govuk-body">{t('training.quizIntro')}</p>
      <button type="button" className="govuk-button" onClick={onBegin} disabled={beginning}>
        {t('training.begin')}
      </button>
    </>
  );
}
