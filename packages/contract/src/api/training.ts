import { z } from 'zod';
import { text } from './fields';

/** Words in both of the team's languages: every course is taught in English and in Welsh. */
export const bilingual = (max: number) =>
  z.object({
    en: text(max).min(1, 'Write it in English'),
    cy: text(max).min(1, 'Write it in Welsh'),
  });
export type Bilingual = z.output<ReturnType<typeof bilingual>>;

/** A name a module or question keeps across versions, so an answer is known by it: letters, digits, hyphens. */
const contentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and hyphens, up to 60');

export const quizOptionSchema = z.object({
  text: bilingual(500),
  correct: z.boolean(),
  /** Why this answer is right or wrong: shown for every answer after the quiz is marked. */
  feedback: bilingual(2_000),
});

const anObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/** A multiple-choice question, or a scenario (a situation described, then a question on it). */
export const quizQuestionSchema = z
  .object({
    id: contentId,
    scenario: bilingual(4_000).optional(),
    prompt: bilingual(1_000),
    options: z.array(quizOptionSchema).min(2, 'Give at least two answers to choose from').max(6, 'Give at most six answers'),
  })
  .refine((q) => !Array.isArray(q.options) || q.options.some((o) => o?.correct === true), {
    path: ['options'],
    message: 'Mark at least one answer as right',
    when: anObject,
  });
export type QuizQuestion = z.output<typeof quizQuestionSchema>;

/** A module: a page of the course, written in Markdown. */
export const courseModuleSchema = z.object({
  id: contentId,
  title: bilingual(200),
  body: bilingual(50_000),
});

const distinctIds = (items: unknown) => !Array.isArray(items) || new Set(items.map((i: { id?: unknown }) => i?.id)).size === items.length;

/** What a version of a course teaches and asks. */
export const courseContentSchema = z
  .object({
    title: bilingual(200),
    summary: bilingual(2_000),
    modules: z.array(courseModuleSchema).min(1, 'A course needs at least one module').max(40),
    questions: z.array(quizQuestionSchema).min(1, 'A course needs at least one question').max(200),
    /** The percentage of right answers that passes. */
    passMark: z.int().min(1).max(100),
    /** Questions drawn afresh from the course's for each attempt. */
    questionsPerAttempt: z.int().min(1).max(50),
    /** Months after completing it that a colleague takes it again. */
    refresherMonths: z.int().min(1).max(60),
  })
  .refine((c) => distinctIds(c.modules), { path: ['modules'], message: 'Two modules have the same id', when: anObject })
  .refine((c) => distinctIds(c.questions), { path: ['questions'], message: 'Two questions have the same id', when: anObject })
  .refine((c) => !Array.isArray(c.questions) || typeof c.questionsPerAttempt !== 'number' || c.questionsPerAttempt <= c.questions.length, {
    path: ['questionsPerAttempt'],
    message: 'A quiz cannot ask more questions than the course has',
    when: anObject,
  });
export type CourseContent = z.output<typeof courseContentSchema>;
