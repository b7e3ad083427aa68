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

/** Where a colleague stands with a course: never taken, current, due within 30 days, or overdue. */
export const TRAINING_STANDINGS = ['never', 'current', 'due_soon', 'overdue'] as const;

const courseId = z.object({ id: z.uuid() });
export const courseParams = courseId;
export const attemptParams = courseId;
/** A picture uploaded for a module, to put in its Markdown as `![what it shows](url)`. */
export const courseImageSchema = z.object({ id: z.uuid(), url: z.string(), width: z.int(), height: z.int() });
export type CourseImage = z.output<typeof courseImageSchema>;
export const courseImageParams = z.object({ image: z.uuid() });

export const certificateParams = z.object({ certificate: z.string().regex(/^HT-\d{4}-[A-Z0-9]{10}$/, 'A certificate number is like HT-2026-ABCDEFGHJK') });

/** A course as a colleague sees it in the list: its newest published version, and where they stand. */
export const courseSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  version: z.int(),
  title: bilingual(200),
  summary: bilingual(2_000),
  modules: z.array(z.object({ id: z.string(), title: bilingual(200) })),
  questionsPerAttempt: z.int(),
  passMark: z.int(),
  standing: z.enum(TRAINING_STANDINGS),
  completedOn: z.string().nullable(),
  refresherDue: z.string().nullable(),
  certificate: z.string().nullable(),
});
export type CourseSummary = z.output<typeof courseSummarySchema>;
export const courseListSchema = z.object({ courses: z.array(courseSummarySchema) });
export type CourseList = z.output<typeof courseListSchema>;

/** A course to read: every module whole. The quiz's answers are not in it. */
export const courseSchema = courseSummarySchema.extend({ modules: z.array(courseModuleSchema) });
export type CourseView = z.output<typeof courseSchema>;

/** An attempt begun: the questions drawn for it, without which answers are right. */
export const attemptSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  version: z.int(),
  questions: z.array(
    z.object({
      id: z.string(),
      scenario: bilingual(4_000).optional(),
      prompt: bilingual(1_000),
      options: z.array(z.object({ text: bilingual(500) })),
    }),
  ),
});
export type AttemptView = z.output<typeof attemptSchema>;

/** The answers sent: each question's id to the index of the option chosen (null: none). */
export const attemptAnswersBody = z.object({ answers: z.record(z.string().max(60), z.int().min(0).max(5).nullable()) });
export type AttemptAnswersRequest = z.input<typeof attemptAnswersBody>;

/** An attempt marked: each question with what was chosen, every option's rightness and its feedback. */
export const markedAttemptSchema = z.object({
  id: z.uuid(),
  score: z.int(),
  total: z.int(),
  percent: z.int(),
  passMark: z.int(),
  passed: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      scenario: bilingual(4_000).optional(),
      prompt: bilingual(1_000),
      chosen: z.int().nullable(),
      right: z.boolean(),
      options: z.array(quizOptionSchema),
    }),
  ),
  /** The certificate's number, when this attempt completed the course. */
  certificate: z.string().nullable(),
});
export type MarkedAttemptView = z.output<typeof markedAttemptSchema>;

/** A course as its authors see it: the newest version, draft or published, whole. */
export const authoredCourseSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  version: z.int(),
  published: z.boolean(),
  content: courseContentSchema,
});
export type AuthoredCourse = z.output<typeof authoredCourseSchema>;
export const authoredCourseListSchema = z.object({ courses: z.array(authoredCourseSchema) });
export type AuthoredCourseList = z.output<typeof authoredCourseListSchema>;

export const newCourseBody = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'Use 3 to 60 lower-case letters, digits and hyphens, like spotting-exploitation'),
  content: courseContentSchema,
});
export type NewCourseRequest = z.input<typeof newCourseBody>;
export const courseDraftBody = z.object({ content: courseContentSchema });
export type CourseDraftRequest = z.input<typeof courseDraftBody>;

// The force's units and establishment, and coverage (training:manage)

export const trainingUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  localAuthority: z.string().nullable(),
  headcount: z.int(),
});
export type TrainingUnit = z.output<typeof trainingUnitSchema>;
export const trainingUnitListSchema = z.object({ units: z.array(trainingUnitSchema), establishment: z.int() });
export type TrainingUnitList = z.output<typeof trainingUnitListSchema>;

/** What a units or establishment file changed: taken whole, or refused naming every problem. */
export const establishmentChangeSchema = z.object({ units: z.int(), added: z.int(), changed: z.int(), left: z.int() });
export type EstablishmentChange = z.output<typeof establishmentChangeSchema>;

const coverageCounts = {
  headcount: z.int(),
  current: z.int(),
  dueSoon: z.int(),
  overdue: z.int(),
  never: z.int(),
  /** Trained and in date (current or due soon), as a whole percentage of the headcount. */
  percentTrained: z.int(),
};

/** A course's coverage: by unit (with the unit's latest assignment), by area, and the colleagues not up to date. */
export const coverageSchema = z.object({
  course: z.object({ id: z.uuid(), title: bilingual(200), refresherMonths: z.int() }),
  today: z.string(),
  total: z.object(coverageCounts),
  units: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      localAuthority: z.string().nullable(),
      ...coverageCounts,
      assignment: z.object({ dueOn: z.string(), outstanding: z.int(), overdue: z.boolean() }).nullable(),
    }),
  ),
  /** By the local authority each unit serves; null: units serving the whole force. */
  areas: z.array(z.object({ localAuthority: z.string().nullable(), ...coverageCounts })),
  /** Colleagues not up to date, those overdue first. */
  colleagues: z.array(
    z.object({
      staffNumber: z.string(),
      name: z.string(),
      unit: z.string(),
      standing: z.enum(TRAINING_STANDINGS),
      completedOn: z.string().nullable(),
      refresherDue: z.string().nullable(),
      /** Whether a Harbour account has their email address: without one they cannot take a course. */
      hasAccount: z.boolean(),
    }),
  ),
});
export type CoverageView = z.output<typeof coverageSchema>;
export const coverageQuery = z.object({ course: z.uuid() });

export const assignmentBody = z.object({
  courseId: z.uuid(),
  unitId: z.uuid(),
  dueOn: z.iso.date('Give the day it is due by, as YYYY-MM-DD'),
});
export type AssignmentRequest = z.input<typeof assignmentBody>;
export const assignmentSchema = z.object({ id: z.uuid(), courseId: z.uuid(), unitId: z.uuid(), dueOn: z.string() });

/** The Prepare figure of the 4P view and the problem profile: colleagues of the establishment in date with every course. */
export const preparedSchema = z
  .object({
    establishment: z.int(),
    /** In date with every published course. */
    trained: z.int(),
    /** In date with at least one. */
    trainedInAny: z.int(),
    /** Colleagues with at least one refresher overdue. */
    overdue: z.int(),
    courses: z.int(),
  })
  .nullable();
export type Prepared = z.output<typeof preparedSchema>;
