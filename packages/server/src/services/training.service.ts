import {
  courseContentSchema,
  type AttemptView,
  type AuthoredCourse,
  type AuthoredCourseList,
  type CourseContent,
  type CourseImage,
  type CourseList,
  type CourseSummary,
  type CourseView,
  type MarkedAttemptView,
  type QuizQuestion,
} from '@harbour/contract';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  Random,
  drawQuestions,
  localDate,
  markAttempt,
  permittedUser,
  refresherDue,
  trainingStanding,
  type Actor,
  type ForceArea,
} from '@harbour/core';
import type { CourseVersionRow, Repositories } from '@harbour/db';
import { randomUUID } from 'node:crypto';
import { auditEntry } from './audit.service';
import { certificatePdf } from './certificate-pdf';
import { cleanPhoto } from './photo-cleaner';

/**
 * The force's courses on trafficking (issue 22): colleagues read a course's modules and sit its
 * quiz, drawn afresh each time, marked with feedback on every answer; a pass completes the course
 * with a certificate. The team writes the courses in English and Welsh, in versions: what a
 * colleague completed stays as it was when they read it.
 */
export class TrainingService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every published course, with where the colleague stands with each. */
  async courses(actor: Actor): Promise<CourseList> {
    const user = permittedUser(actor, PERMISSIONS.trainingTake, 'Training is for the force’s colleagues');
    const [versions, completions] = await Promise.all([this.repos.training.publishedCourses(), this.repos.training.completions(user.userId)]);
    await this.repos.audit.append(auditEntry(user, 'training.courses-listed', null, { count: versions.length }));
    return { courses: versions.map((v) => this.summary(v, completions)) };
  }

  /** A course to read, whole: its newest published version. */
  async course(actor: Actor, courseId: string): Promise<CourseView> {
    const user = permittedUser(actor, PERMISSIONS.trainingTake, 'Training is for the force’s colleagues');
    const version = await this.repos.training.published(courseId);
    if (!version) throw new NotFound('No such course');
    const content = contentOf(version);
    return { ...this.summary(version, await this.repos.training.completions(user.userId)), modules: content.modules };
  }

  /** Begins an attempt at a course's quiz: questions drawn afresh, those not asked last time first. */
  async startAttempt(actor: Actor, courseId: string): Promise<AttemptView> {
    const user = permittedUser(actor, PERMISSIONS.trainingTake, 'Training is for the force’s colleagues');
    const version = await this.repos.training.published(courseId);
    if (!version) throw new NotFound('No such course');
    const content = contentOf(version);
    const last = await this.repos.training.lastAttempt(user.userId, courseId);
    const drawn = drawQuestions(
      content.questions.map((q) => q.id),
      content.questionsPerAttempt,
      new Random(randomUUID()),
      last?.questions ?? [],
    );
    const attempt = await this.repos.training.transaction(async (training, audit) => {
      const row = await training.startAttempt(user.userId, version.version_id, drawn, this.now());
      await audit(auditEntry(user, 'training.attempt-started', { type: 'course', id: courseId }, { version: version.version, attempt: row.id }));
      return row;
    });
    const byId = new Map(content.questions.map((q) => [q.id, q]));
    return {
      id: attempt.id,
      courseId,
      version: version.version,
      questions: drawn.map((id) => {
        const q = byId.get(id)!;
        return { ...asked(q), options: q.options.map((o) => ({ text: o.text })) };
      }),
    };
  }

  /**
   * Marks an attempt, once: sent again (a double tap, a retry after a lost connection) it answers
   * with the mark it was given, unchanged. A pass completes the course.
   */
  async submitAttempt(actor: Actor, attemptId: string, answers: Readonly<Record<string, number | null>>): Promise<MarkedAttemptView> {
    const user = permittedUser(actor, PERMISSIONS.trainingTake, 'Training is for the force’s colleagues');
    const attempt = await this.repos.training.attempt(attemptId);
    // Another colleague's attempt is as good as none: its existence is not theirs to learn.
    if (!attempt || attempt.user_id !== user.userId) throw new NotFound('No such attempt');
    const version = (await this.repos.training.version(attempt.version_id))!;
    const content = contentOf(version);
    const byId = new Map(content.questions.map((q) => [q.id, q]));
    const questions = attempt.questions.map((id) => byId.get(id)!);
    const unknown = Object.keys(answers).filter((id) => !attempt.questions.includes(id));
    if (unknown.length > 0)
      throw new Invalid('An answer is to a question not asked', [{ path: `answers.${unknown[0]}`, message: 'This question is not part of this attempt' }]);
    if (attempt.submitted_at === null) {
      const mark = markAttempt(questions, answers, content.passMark);
      const now = this.now();
      await this.repos.training.transaction(async (training, audit) => {
        const sent = await training.submitAttempt(attempt.id, pickAnswers(attempt.questions, answers), mark, now, localDate(now));
        // Marked meanwhile by the same colleague's other tab: that mark stands.
        if (!sent) return;
        await audit(
          auditEntry(
            user,
            'training.attempt-marked',
            { type: 'course', id: version.course_id },
            { attempt: attempt.id, score: mark.score, total: mark.total, passed: mark.passed },
          ),
        );
      });
    }
    const marked = (await this.repos.training.attempt(attempt.id))!;
    const given = marked.answers ?? {};
    const result = markAttempt(questions, given, content.passMark);
    const completion = marked.passed ? (await this.repos.training.completions(user.userId)).find((c) => c.attempt_id === marked.id) : undefined;
    return {
      id: marked.id,
      score: result.score,
      total: result.total,
      percent: result.percent,
      passMark: content.passMark,
      passed: result.passed,
      questions: result.questions.map((m) => {
        const q = byId.get(m.questionId)!;
        return { ...asked(q), chosen: m.chosen, right: m.right, options: q.options };
      }),
      certificate: completion?.certificate ?? null,
    };
  }

  /**
   * A colleague's certificate, as a bilingual PDF: their own only, as any other's existence is
   * not theirs to learn. Downloading it is audited like any other file that leaves Harbour.
   */
  /** A picture for a module: decoded and re-encoded, so only its pixels are kept, and given an address for the Markdown. */
  async addImage(actor: Actor, bytes: Buffer): Promise<CourseImage> {
    const user = permittedUser(actor, PERMISSIONS.trainingAuthor, 'Only the team’s authors add pictures to courses');
    const image = await cleanPhoto(bytes, 'image');
    const id = await this.repos.training.transaction(async (training, audit) => {
      const added = await training.addImage(image, user.userId, this.now());
      await audit(auditEntry(user, 'training.image-added', { type: 'course-image', id: added }, { width: image.width, height: image.height }));
      return added;
    });
    return { id, url: `/api/training/images/${id}`, width: image.width, height: image.height };
  }

  /** A module's picture, for any colleague taking the courses. */
  async image(actor: Actor, id: string): Promise<{ contentType: string; bytes: Buffer }> {
    permittedUser(actor, PERMISSIONS.trainingTake, 'Only the force’s colleagues take its courses');
    const image = await this.repos.training.image(id);
    if (!image) throw new NotFound('No such picture');
    return { contentType: image.content_type, bytes: image.bytes };
  }

  async certificate(actor: Actor, certificate: string): Promise<{ fileName: string; pdf: Buffer; marking: string }> {
    const user = permittedUser(actor, PERMISSIONS.trainingTake, 'Training is for the force’s colleagues');
    const completion = await this.repos.training.completion(certificate);
    if (!completion || completion.user_id !== user.userId) throw new NotFound('No such certificate');
    const [version, colleague] = await Promise.all([this.repos.training.version(completion.version_id), this.repos.users.get(user.userId)]);
    const content = contentOf(version!);
    const pdf = await certificatePdf({
      certificate,
      name: colleague!.display_name,
      force: { en: this.area.force, cy: this.area.forceCy },
      course: content.title,
      version: version!.version,
      completedOn: completion.completed_on,
      refresherDue: refresherDue(completion.completed_on, content.refresherMonths),
    });
    await this.repos.audit.append(auditEntry(user, 'training.certificate-downloaded', { type: 'course', id: completion.course_id }, { certificate }));
    return { fileName: `certificate-${certificate}.pdf`, pdf, marking: 'OFFICIAL' };
  }

  // Authoring

  /** Every course as its authors see it: the newest version, draft or published. */
  async authored(actor: Actor): Promise<AuthoredCourseList> {
    permittedUser(actor, PERMISSIONS.trainingAuthor, 'Only the team writes the courses');
    const ids = await this.repos.training.courseIds();
    const latest = await Promise.all(ids.map((id) => this.repos.training.latest(id)));
    return { courses: latest.flatMap((v) => (v ? [authoredView(v)] : [])) };
  }

  async createCourse(actor: Actor, slug: string, content: CourseContent): Promise<AuthoredCourse> {
    const user = permittedUser(actor, PERMISSIONS.trainingAuthor, 'Only the team writes the courses');
    if (await this.repos.training.courseBySlug(slug))
      throw new Invalid('A course has this name already', [{ path: 'slug', message: 'A course has this name already: choose another' }]);
    const created = await this.repos.training.transaction(async (training, audit) => {
      const row = await training.createCourse(slug, content, user.userId, this.now());
      await audit(auditEntry(user, 'training.course-created', { type: 'course', id: row.course_id }, { slug }));
      return row;
    });
    return authoredView(created);
  }

  /** Saves the draft: the published version, if any, stays as colleagues read it until this is published. */
  async saveDraft(actor: Actor, courseId: string, content: CourseContent): Promise<AuthoredCourse> {
    const user = permittedUser(actor, PERMISSIONS.trainingAuthor, 'Only the team writes the courses');
    const saved = await this.repos.training.transaction(async (training, audit) => {
      const row = await training.saveDraft(courseId, content, user.userId, this.now());
      if (!row) throw new NotFound('No such course');
      await audit(auditEntry(user, 'training.course-saved', { type: 'course', id: courseId }, { version: row.version }));
      return row;
    });
    return authoredView(saved);
  }

  async publish(actor: Actor, courseId: string): Promise<AuthoredCourse> {
    const user = permittedUser(actor, PERMISSIONS.trainingAuthor, 'Only the team writes the courses');
    const published = await this.repos.training.transaction(async (training, audit) => {
      if (!(await training.latest(courseId))) throw new NotFound('No such course');
      const row = await training.publish(courseId, user.userId, this.now());
      if (!row) throw new Invalid('Nothing to publish', [{ path: 'id', message: 'This course has no draft: its newest version is published already' }]);
      await audit(auditEntry(user, 'training.course-published', { type: 'course', id: courseId }, { version: row.version }));
      return row;
    });
    return authoredView(published);
  }

  private summary(version: CourseVersionRow, completions: readonly { course_id: string; completed_on: string; certificate: string }[]): CourseSummary {
    const content = contentOf(version);
    const latest = completions.find((c) => c.course_id === version.course_id);
    const today = localDate(this.now());
    return {
      id: version.course_id,
      slug: version.slug,
      version: version.version,
      title: content.title,
      summary: content.summary,
      modules: content.modules.map((m) => ({ id: m.id, title: m.title })),
      questionsPerAttempt: content.questionsPerAttempt,
      passMark: content.passMark,
      standing: trainingStanding(latest?.completed_on ?? null, content.refresherMonths, today),
      completedOn: latest?.completed_on ?? null,
      refresherDue: latest ? refresherDue(latest.completed_on, content.refresherMonths) : null,
      certificate: latest?.certificate ?? null,
    };
  }
}

/** A version's content, read back through the contract's schema: stored content is trusted no more than sent. */
function contentOf(version: CourseVersionRow): CourseContent {
  return courseContentSchema.parse(version.content);
}

function authoredView(version: CourseVersionRow): AuthoredCourse {
  return { id: version.course_id, slug: version.slug, version: version.version, published: version.published_at !== null, content: contentOf(version) };
}

/** A question as it is asked: its scenario, if any, and its prompt. */
function asked(q: QuizQuestion): Pick<QuizQuestion, 'id' | 'scenario' | 'prompt'> {
  return { id: q.id, ...(q.scenario ? { scenario: q.scenario } : {}), prompt: q.prompt };
}

/** The answers to the questions asked, each once; any other is left out. */
function pickAnswers(asked: readonly string[], answers: Readonly<Record<string, number | null>>): Record<string, number | null> {
  return Object.fromEntries(asked.map((id) => [id, answers[id] ?? null]));
}
