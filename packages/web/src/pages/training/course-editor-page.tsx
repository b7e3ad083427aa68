import type { AuthoredCourse, AuthoredCourseList, CourseContent, QuizQuestion } from '@harbour/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { AddAnother } from '../../components/form/add-another';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { CheckField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { useUnsavedWarning } from '../../components/unsaved-warning';
import { useAuthoredCourses } from './authoring-page';
import { BilingualField } from './bilingual-field';
import { whereIs } from './content-path';

const blank = () => ({ en: '', cy: '' });
const blankOption = (): QuizQuestion['options'][number] => ({ text: blank(), correct: false, feedback: blank() });
const blankQuestion = (n: number): QuizQuestion => ({ id: `question-${n}`, prompt: blank(), options: [blankOption(), blankOption()] });
const NEW_COURSE: CourseContent = {
  title: blank(),
  summary: blank(),
  modules: [{ id: 'module-1', title: blank(), body: blank() }],
  questions: [blankQuestion(1)],
  passMark: 75,
  questionsPerAttempt: 1,
  refresherMonths: 12,
};

/** The three numbers of a course as typed: sent as numbers, or as typed for the server to name what is wrong. */
type Settings = Record<'passMark' | 'questionsPerAttempt' | 'refresherMonths', string>;
const settingsOf = (c: CourseContent): Settings => ({
  passMark: String(c.passMark),
  questionsPerAttempt: String(c.questionsPerAttempt),
  refresherMonths: String(c.refresherMonths),
});
const asNumber = (typed: string): number | string => (/^\d+$/.test(typed.trim()) ? Number(typed) : typed);

/**
 * Writes a course, or its next version, in English and Welsh: modules in Markdown with a preview
 * of each language, questions with feedback on every answer. Saved as a draft that colleagues do
 * not see; published, it is what they take from then on, and what they completed stays as it was.
 */
export function CourseEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const list = useAuthoredCourses(id !== undefined);
  const existing = list.data?.courses.find((c) => c.id === id);
  if (id !== undefined && list.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (id !== undefined && !existing)
    return (
      <>
        <Link className="govuk-back-link" to="/training/authoring">
          {t('training.authoring.title')}
        </Link>
        <ErrorSummary problems={list.error ? problemsFrom(list.error, t) : [{ message: t('training.authoring.noSuchCourse') }]} />
      </>
    );
  // The course as stored, once: what the author then types is theirs until saved.
  return <CourseEditor key={id ?? 'new'} existing={existing} />;
}

function CourseEditor({ existing }: { existing: AuthoredCourse | undefined }) {
  const isNew = existing === undefined;
  const id = existing?.id;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [slug, setSlug] = useState('');
  const [content, setContent] = useState<CourseContent>(existing?.content ?? NEW_COURSE);
  const [settings, setSettings] = useState<Settings>(settingsOf(existing?.content ?? NEW_COURSE));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  // A course just created arrives here saved, and says so.
  const [done, setDone] = useState<'saved' | 'published' | null>((location.state as { done?: 'saved' | 'published' } | null)?.done ?? null);
  useUnsavedWarning(dirty);
  usePageTitle(isNew ? t('training.authoring.new') : t('training.authoring.edit'), problems.length > 0);

  const change = (next: Partial<CourseContent>) => {
    setContent((c) => ({ ...c, ...next }));
    setDirty(true);
    setDone(null);
  };
  const body = () => ({
    content: {
      ...content,
      passMark: asNumber(settings.passMark),
      questionsPerAttempt: asNumber(settings.questionsPerAttempt),
      refresherMonths: asNumber(settings.refresherMonths),
    },
  });

  const save = useMutation({
    mutationFn: async (publish: boolean) => {
      let saved: AuthoredCourse | undefined;
      if (isNew) saved = await api<AuthoredCourse>('POST', '/api/training/authoring', { slug, ...body() });
      else if (dirty || !existing?.published) saved = await api<AuthoredCourse>('PUT', `/api/training/authoring/${id}`, body());
      if (publish) saved = await api<AuthoredCourse>('POST', `/api/training/authoring/${saved?.id ?? id}/publish`);
      // A published course saved unchanged: nothing to send, and nothing lost.
      return { saved: (saved ?? existing)!, publish };
    },
    onSuccess: ({ saved, publish }) => {
      setProblems([]);
      setDirty(false);
      setDone(publish ? 'published' : 'saved');
      client.setQueryData<AuthoredCourseList>(['training-authoring'], (old) => ({
        courses: [...(old?.courses ?? []).filter((c) => c.id !== saved.id), saved],
      }));
      void client.invalidateQueries({ queryKey: ['training-courses'] });
      void client.invalidateQueries({ queryKey: ['training-course', saved.id] });
      if (isNew) void navigate(`/training/authoring/${saved.id}`, { replace: true, state: { done: publish ? 'published' : 'saved' } });
    },
    // Each problem says which box it is about: a course has hundreds, many with the same label.
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => (p.field ? { ...p, message: `${whereIs(p.field, t)}: ${p.message}` } : p))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(false);
  };

  const error = (path: string) => fieldError(problems, path);
  return (
    <>
      <Link className="govuk-back-link" to="/training/authoring">
        {t('training.authoring.title')}
      </Link>
      {done && <SuccessBanner message={t(done === 'published' ? 'training.authoring.publishedNow' : 'training.authoring.savedNow')} />}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">{isNew ? t('training.authoring.new') : t('training.authoring.edit')}</h1>
      {existing && (
        <p className="govuk-body" data-testid="editing-version">
          {t(existing.published ? 'training.authoring.editingPublished' : 'training.authoring.editingDraft', { version: existing.version })}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">{t('training.authoring.aboutTitle')}</h2>
        {isNew && (
          <TextField
            id="slug"
            label={t('training.authoring.slug')}
            hint={t('training.authoring.slugHint')}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setDirty(true);
            }}
            error={error('slug')}
            spellCheck={false}
          />
        )}
        <BilingualField
          path="content.title"
          label={t('training.authoring.courseTitle')}
          value={content.title}
          onChange={(title) => change({ title })}
          problems={problems}
          limit={200}
        />
        <BilingualField
          path="content.summary"
          label={t('training.authoring.summary')}
          value={content.summary}
          onChange={(summary) => change({ summary })}
          problems={problems}
          limit={2_000}
          rows={3}
        />
        <div className="govuk-grid-row">
          {(['passMark', 'questionsPerAttempt', 'refresherMonths'] as const).map((name) => (
            <div className="govuk-grid-column-one-third" key={name}>
              <TextField
                id={`content.${name}`}
                label={t(`training.authoring.settings.${name}`)}
                className="govuk-input--width-3"
                inputMode="numeric"
                value={settings[name]}
                onChange={(e) => {
                  setSettings((s) => ({ ...s, [name]: e.target.value }));
                  setDirty(true);
                }}
                error={error(`content.${name}`)}
              />
            </div>
          ))}
        </div>

        <h2 className="govuk-heading-m">{t('training.authoring.modulesTitle')}</h2>
        <p className="govuk-body">{t('training.authoring.modulesHint')}</p>
        {error('content.modules') && <p className="govuk-error-message">{error('content.modules')}</p>}
        <AddAnother
          id="modules"
          items={content.modules}
          legend={(n) => t('training.authoring.moduleN', { n })}
          addLabel={t('training.authoring.addModule')}
          removeLabel={(n) => t('training.authoring.removeModule', { n })}
          blank={{ id: `module-${content.modules.length + 1}`, title: blank(), body: blank() }}
          max={40}
          onChange={(modules) => change({ modules })}
        >
          {(m, i, update) => (
            <>
              <TextField
                id={`content.modules.${i}.id`}
                label={t('training.authoring.contentId')}
                hint={t('training.authoring.contentIdHint')}
                className="govuk-input--width-20"
                value={m.id}
                onChange={(e) => update({ id: e.target.value })}
                error={error(`content.modules.${i}.id`)}
                spellCheck={false}
              />
              <BilingualField
                path={`content.modules.${i}.title`}
                label={t('training.authoring.moduleTitle')}
                value={m.title}
                onChange={(title) => update({ title })}
                problems={problems}
                limit={200}
              />
              <BilingualField
                path={`content.modules.${i}.body`}
                label={t('training.authoring.moduleBody')}
                hint={t('training.authoring.markdownHint')}
                value={m.body}
                onChange={(value) => update({ body: value })}
                problems={problems}
                limit={50_000}
                rows={14}
                markdown
              />
            </>
          )}
        </AddAnother>

        <h2 className="govuk-heading-m">{t('training.authoring.questionsTitle')}</h2>
        <p className="govuk-body">{t('training.authoring.questionsHint')}</p>
        {error('content.questions') && <p className="govuk-error-message">{error('content.questions')}</p>}
        <AddAnother
          id="questions"
          items={content.questions}
          legend={(n) => t('training.authoring.questionN', { n })}
          addLabel={t('training.authoring.addQuestion')}
          removeLabel={(n) => t('training.authoring.removeQuestion', { n })}
          blank={blankQuestion(content.questions.length + 1)}
          max={200}
          onChange={(questions) => change({ questions })}
        >
          {(q, i, update) => <QuestionFields question={q} index={i} update={update} problems={problems} />}
        </AddAnother>

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.isPending}>
            {t('training.authoring.save')}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={save.isPending} onClick={() => save.mutate(true)}>
            {t('training.authoring.publish')}
          </button>
        </div>
        <p className="govuk-body-s">{t('training.authoring.publishHint')}</p>
      </form>
    </>
  );
}

/** A question's fields: its id, a scenario if it has one, its prompt, and its answers each with feedback. */
function QuestionFields({
  question,
  index,
  update,
  problems,
}: {
  question: QuizQuestion;
  index: number;
  update: (patch: Partial<QuizQuestion>) => void;
  problems: FormProblem[];
}) {
  const { t } = useTranslation();
  const path = `content.questions.${index}`;
  const optionsError = fieldError(problems, `${path}.options`);
  return (
    <>
      <TextField
        id={`${path}.id`}
        label={t('training.authoring.contentId')}
        hint={t('training.authoring.contentIdHint')}
        className="govuk-input--width-20"
        value={question.id}
        onChange={(e) => update({ id: e.target.value })}
        error={fieldError(problems, `${path}.id`)}
        spellCheck={false}
      />
      <BilingualField
        path={`${path}.scenario`}
        label={t('training.authoring.scenario')}
        hint={t('training.authoring.scenarioHint')}
        value={question.scenario ?? blank()}
        onChange={(scenario) => {
          const { scenario: _old, ...rest } = question;
          update(scenario.en || scenario.cy ? { ...rest, scenario } : { ...rest, scenario: undefined });
        }}
        problems={problems}
        limit={4_000}
        rows={3}
      />
      <BilingualField
        path={`${path}.prompt`}
        label={t('training.authoring.prompt')}
        value={question.prompt}
        onChange={(prompt) => update({ prompt })}
        problems={problems}
        limit={1_000}
      />
      {optionsError && <p className="govuk-error-message">{optionsError}</p>}
      <AddAnother
        id={`question-${index}-options`}
        items={question.options}
        legend={(n) => t('training.authoring.optionN', { n })}
        addLabel={t('training.authoring.addOption')}
        removeLabel={(n) => t('training.authoring.removeOption', { n })}
        blank={blankOption()}
        max={6}
        onChange={(options) => update({ options })}
      >
        {(o, j, change) => (
          <>
            <BilingualField
              path={`${path}.options.${j}.text`}
              label={t('training.authoring.optionText')}
              value={o.text}
              onChange={(text) => change({ text })}
              problems={problems}
              limit={500}
            />
            <CheckField
              id={`${path}.options.${j}.correct`}
              label={t('training.authoring.correct')}
              checked={o.correct}
              onChange={(correct) => change({ correct })}
            />
            <BilingualField
              path={`${path}.options.${j}.feedback`}
              label={t('training.authoring.feedback')}
              value={o.feedback}
              onChange={(feedback) => change({ feedback })}
              problems={problems}
              limit={2_000}
              rows={2}
            />
          </>
        )}
      </AddAnother>
    </>
  );
}
