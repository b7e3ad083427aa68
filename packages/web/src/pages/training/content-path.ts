import type { TFunction } from 'i18next';

/** A box named by its place in the course, as the server names it: content.questions.2.options.1.feedback.cy is "Question 3, answer 2: Feedback (Welsh)". */
export function whereIs(path: string, t: TFunction): string {
  const parts = path.split('.');
  const language = parts.at(-1) === 'en' || parts.at(-1) === 'cy' ? parts.pop() : undefined;
  const field = (key: string) => {
    const label = t(`training.authoring.${FIELD_LABELS[key] ?? key}`);
    return language ? t(`training.authoring.inLanguage.${language}`, { label }) : label;
  };
  const [, list, i, ...rest] = parts;
  if (parts[0] !== 'content' || list === undefined) return field(parts[0] ?? path);
  if (list === 'modules' && i !== undefined) return `${t('training.authoring.moduleN', { n: Number(i) + 1 })}, ${field(rest[0] ?? 'modulesTitle')}`;
  if (list === 'questions' && i !== undefined) {
    const question = t('training.authoring.questionN', { n: Number(i) + 1 });
    if (rest[0] === 'options' && rest[1] !== undefined)
      return `${question}, ${t('training.authoring.optionN', { n: Number(rest[1]) + 1 }).toLowerCase()}, ${field(rest[2] ?? 'optionText')}`;
    return `${question}, ${field(rest[0] ?? 'prompt')}`;
  }
  return field(list);
}

/** The label each part of a course's content is written under, by its name in the content. */
const FIELD_LABELS: Record<string, string> = {
  title: 'courseTitle',
  summary: 'summary',
  id: 'contentId',
  body: 'moduleBody',
  scenario: 'scenario',
  prompt: 'prompt',
  options: 'optionText',
  text: 'optionText',
  correct: 'correct',
  feedback: 'feedback',
  modules: 'modulesTitle',
  questions: 'questionsTitle',
  passMark: 'settings.passMark',
  questionsPerAttempt: 'settings.questionsPerAttempt',
  refresherMonths: 'settings.refresherMonths',
};
