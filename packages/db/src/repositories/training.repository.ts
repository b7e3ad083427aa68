import { sql, type Kysely, type Selectable } from 'kysely';
import type { CourseAssignmentsTable, CourseCompletionsTable, DB, QuizAttemptsTable, TrainingUnitsTable } from '../schema';
import type { AuditEvent, AuditRepository } from './audit.repository';
import { auditedTransaction } from './audited-transaction';

export type TrainingUnitRow = Selectable<TrainingUnitsTable>;
export type QuizAttemptRow = Selectable<QuizAttemptsTable>;
export type CourseCompletionRow = Selectable<CourseCompletionsTable>;
export type CourseAssignmentRow = Selectable<CourseAssignmentsTable>;

/** A version of a course; `content` is the contract's CourseContent as stored. */
export interface CourseVersionRow {
  readonly course_id: string;
  readonly slug: string;
  readonly version_id: string;
  readonly version: number;
  readonly content: unknown;
  readonly published_at: Date | null;
}

/** A colleague of the establishment as a file of it names them. */
export interface ColleagueInput {
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string | null;
  readonly unitCode: string;
}

/** A colleague of the establishment with their latest completion of a course, if any. */
export interface ColleagueStanding {
  readonly id: string;
  readonly staff_number: string;
  readonly name: string;
  readonly unit_id: string;
  readonly unit: string;
  /** Their Harbour account, matched by email address. */
  readonly user_id: string | null;
  readonly completed_on: string | null;
}

/**
 * Training: units and the establishment, courses in versions, quiz attempts, completions and
 * courses assigned to units. A published version never changes; a change is a new version.
 */
export class TrainingRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit?: AuditRepository,
  ) {}

  transaction<T>(work: (training: TrainingRepository, audit: (event: AuditEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return auditedTransaction(this.db, this.audit, (tx) => new TrainingRepository(tx), work);
  }

  // Units and the establishment

  /** Adds units not known yet by code, and renames those that are; returns every unit. */
  async saveUnits(units: readonly { code: string; name: string; localAuthority: string | null }[]): Promise<TrainingUnitRow[]> {
    if (units.length > 0)
      await this.db
        .insertInto('training_units')
        .values(units.map((u) => ({ id: crypto.randomUUID(), code: u.code, name: u.name, local_authority: u.localAuthority })))
        .onConflict((c) => c.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name'), local_authority: (eb) => eb.ref('excluded.local_authority') }))
        .execute();
    return this.units();
  }

  units(): Promise<TrainingUnitRow[]> {
    return this.db.selectFrom('training_units').selectAll().orderBy('name').orderBy('code').execute();
  }

  /** Every unit with how many colleagues of the establishment are in it now. */
  async unitsWithHeadcount(): Promise<(Omit<TrainingUnitRow, 'created_at'> & { headcount: number })[]> {
    const rows = await this.db
      .selectFrom('training_units as u')
      .leftJoin('establishment as e', (j) => j.onRef('e.unit_id', '=', 'u.id').on('e.active', '=', true))
      .select(['u.id', 'u.code', 'u.name', 'u.local_authority', (eb) => eb.fn.count<number>('e.id').as('headcount')])
      .groupBy(['u.id', 'u.code', 'u.name', 'u.local_authority'])
      .orderBy('u.name')
      .orderBy('u.code')
      .execute();
    return rows.map((r) => ({ ...r, headcount: Number(r.headcount) }));
  }

  /**
   * Takes a file of the whole establishment: each colleague added or brought up to date by staff
   * number, and anyone the file no longer names marked as having left (kept, for their history).
   * Units are named by code and must exist. Returns how many were added, changed and left.
   */
  async replaceEstablishment(colleagues: readonly ColleagueInput[], now: Date): Promise<{ added: number; changed: number; left: number }> {
    const units = new Map((await this.units()).map((u) => [u.code, u.id]));
    const before = new Map(
      (await this.db.selectFrom('establishment').select(['staff_number', 'name', 'email', 'unit_id', 'active']).execute()).map((r) => [r.staff_number, r]),
    );
    let added = 0;
    let changed = 0;
    for (const c of colleagues) {
      const unitId = units.get(c.unitCode);
      if (!unitId) throw new Error(`no unit has the code ${c.unitCode}`);
      const was = before.get(c.staffNumber);
      if (!was) added++;
      else if (was.name !== c.name || was.email !== c.email || was.unit_id !== unitId || !was.active) changed++;
      else continue;
      await this.db
        .insertInto('establishment')
        .values({ id: crypto.randomUUID(), staff_number: c.staffNumber, name: c.name, email: c.email, unit_id: unitId, active: true, updated_at: now })
        .onConflict((k) => k.column('staff_number').doUpdateSet({ name: c.name, email: c.email, unit_id: unitId, active: true, updated_at: now }))
        .execute();
    }
    const named = colleagues.map((c) => c.staffNumber);
    const left = await this.db
      .updateTable('establishment')
      .set({ active: false, updated_at: now })
      .where('active', '=', true)
      .$if(named.length > 0, (q) => q.where('staff_number', 'not in', named))
      .executeTakeFirst();
    return { added, changed, left: Number(left.numUpdatedRows) };
  }

  /**
   * Every colleague still in the establishment, in their unit, with the day they last completed
   * the course (any version) through the account that has their email address.
   */
  async standings(courseId: string): Promise<ColleagueStanding[]> {
    const rows = await sql<ColleagueStanding>`
      select e.id, e.staff_number, e.name, e.unit_id, u.name as unit, a.id as user_id,
             (select to_char(max(c.completed_on), 'YYYY-MM-DD') from course_completions c where c.user_id = a.id and c.course_id = ${courseId}) as completed_on
      from establishment e
      join training_units u on u.id = e.unit_id
      left join users a on e.email is not null and lower(a.email) = lower(e.email)
      where e.active
      order by u.name, e.name, e.staff_number`.execute(this.db);
    return rows.rows;
  }

  // Courses and their versions

  /** A new course, its content the first version, a draft; by nobody for a course Harbour ships. */
  async createCourse(slug: string, content: unknown, by: string | null, now: Date): Promise<CourseVersionRow> {
    const courseId = crypto.randomUUID();
    await this.db.insertInto('courses').values({ id: courseId, slug, created_by: by, created_at: now }).execute();
    await this.db
      .insertInto('course_versions')
      .values({ id: crypto.randomUUID(), course_id: courseId, version: 1, content: JSON.stringify(content), created_by: by, created_at: now })
      .execute();
    return (await this.latest(courseId))!;
  }

  /**
   * Saves what an author wrote: into the draft if there is one, or as a new draft version after
   * the published one, which stays as it was.
   */
  async saveDraft(courseId: string, content: unknown, by: string, now: Date): Promise<CourseVersionRow | undefined> {
    const latest = await this.latest(courseId);
    if (!latest) return undefined;
    if (latest.published_at === null)
      await this.db
        .updateTable('course_versions')
        .set({ content: JSON.stringify(content), created_by: by, created_at: now })
        .where('id', '=', latest.version_id)
        .where('published_at', 'is', null)
        .execute();
    else
      await this.db
        .insertInto('course_versions')
        .values({
          id: crypto.randomUUID(),
          course_id: courseId,
          version: latest.version + 1,
          content: JSON.stringify(content),
          created_by: by,
          created_at: now,
        })
        .execute();
    return this.latest(courseId);
  }

  /** Publishes the draft: from now on colleagues take this version. Undefined when there is no draft. */
  async publish(courseId: string, by: string | null, now: Date): Promise<CourseVersionRow | undefined> {
    const done = await this.db
      .updateTable('course_versions')
      .set({ published_at: now, published_by: by })
      .where('course_id', '=', courseId)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0 ? this.latest(courseId) : undefined;
  }

  /** Every course's id, by name. */
  async courseIds(): Promise<string[]> {
    return (await this.db.selectFrom('courses').select('id').orderBy('slug').execute()).map((c) => c.id);
  }

  courseBySlug(slug: string): Promise<{ id: string } | undefined> {
    return this.db.selectFrom('courses').select('id').where('slug', '=', slug).executeTakeFirst();
  }

  /** The newest version of a course, draft or published. */
  latest(courseId: string): Promise<CourseVersionRow | undefined> {
    return this.versions().where('v.course_id', '=', courseId).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
  }

  /** The version colleagues take: the newest published. */
  published(courseId: string): Promise<CourseVersionRow | undefined> {
    return this.versions().where('v.course_id', '=', courseId).where('v.published_at', 'is not', null).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
  }

  version(versionId: string): Promise<CourseVersionRow | undefined> {
    return this.versions().where('v.id', '=', versionId).executeTakeFirst();
  }

  /** Every course's newest published version, for the course list: in the order the courses were made. */
  async publishedCourses(): Promise<CourseVersionRow[]> {
    return this.versions()
      .where('v.published_at', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('course_versions as n')
              .select('n.id')
              .whereRef('n.course_id', '=', 'v.course_id')
              .whereRef('n.version', '>', 'v.version')
              .where('n.published_at', 'is not', null),
          ),
        ),
      )
      .orderBy('c.created_at')
      .orderBy('c.slug')
      .execute();
  }

  private versions() {
    return this.db
      .selectFrom('course_versions as v')
      .innerJoin('courses as c', 'c.id', 'v.course_id')
      .select(['v.course_id', 'c.slug', 'v.id as version_id', 'v.version', 'v.content', 'v.published_at']);
  }

  // Attempts and completions

  async startAttempt(userId: string, versionId: string, questions: readonly string[], now: Date): Promise<QuizAttemptRow> {
    return this.db
      .insertInto('quiz_attempts')
      .values({ id: crypto.randomUUID(), user_id: userId, version_id: versionId, questions: [...questions], started_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  attempt(id: string): Promise<QuizAttemptRow | undefined> {
    return this.db.selectFrom('quiz_attempts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A colleague's latest attempt at any version of a course. */
  lastAttempt(userId: string, courseId: string): Promise<QuizAttemptRow | undefined> {
    return this.db
      .selectFrom('quiz_attempts as a')
      .innerJoin('course_versions as v', 'v.id', 'a.version_id')
      .selectAll('a')
      .where('a.user_id', '=', userId)
      .where('v.course_id', '=', courseId)
      .orderBy('a.started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Records the answers and the mark, once: an attempt already sent is not marked again
   * (returns undefined). A pass completes the course, with a certificate number, in the same
   * transaction when called inside one.
   */
  async submitAttempt(
    id: string,
    answers: Readonly<Record<string, number | null>>,
    mark: { score: number; total: number; passed: boolean },
    now: Date,
    completedOn: string,
  ): Promise<{ attempt: QuizAttemptRow; completion: CourseCompletionRow | null } | undefined> {
    const attempt = await this.db
      .updateTable('quiz_attempts')
      .set({ answers: JSON.stringify(answers), score: mark.score, total: mark.total, passed: mark.passed, submitted_at: now })
      .where('id', '=', id)
      .where('submitted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!attempt) return undefined;
    if (!mark.passed) return { attempt, completion: null };
    const version = await this.db.selectFrom('course_versions').select('course_id').where('id', '=', attempt.version_id).executeTakeFirstOrThrow();
    const completion = await this.db
      .insertInto('course_completions')
      .values({
        id: crypto.randomUUID(),
        user_id: attempt.user_id,
        course_id: version.course_id,
        version_id: attempt.version_id,
        attempt_id: attempt.id,
        completed_on: completedOn,
        certificate: certificateNumber(attempt.id, completedOn),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { attempt, completion };
  }

  /** A colleague's completions, newest first. */
  completions(userId: string): Promise<CourseCompletionRow[]> {
    return this.db.selectFrom('course_completions').selectAll().where('user_id', '=', userId).orderBy('completed_on', 'desc').orderBy('id').execute();
  }

  completion(certificate: string): Promise<CourseCompletionRow | undefined> {
    return this.db.selectFrom('course_completions').selectAll().where('certificate', '=', certificate).executeTakeFirst();
  }

  // Assignments

  async assign(courseId: string, unitId: string, dueOn: string, by: string, now: Date): Promise<CourseAssignmentRow> {
    return this.db
      .insertInto('course_assignments')
      .values({ id: crypto.randomUUID(), course_id: courseId, unit_id: unitId, due_on: dueOn, assigned_by: by, assigned_at: now })
      .onConflict((c) => c.columns(['course_id', 'unit_id', 'due_on']).doUpdateSet({ assigned_by: by, assigned_at: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  assignments(courseId?: string): Promise<CourseAssignmentRow[]> {
    return this.db
      .selectFrom('course_assignments')
      .selectAll()
      .$if(courseId !== undefined, (q) => q.where('course_id', '=', courseId!))
      .orderBy('due_on')
      .orderBy('id')
      .execute();
  }

  // Pictures in modules

  async addImage(image: { contentType: string; bytes: Buffer; width: number; height: number; sha256: string }, by: string, at: Date): Promise<string> {
    const id = crypto.randomUUID();
    await this.db
      .insertInto('course_images')
      .values({
        id,
        content_type: image.contentType,
        bytes: image.bytes,
        width: image.width,
        height: image.height,
        sha256: image.sha256,
        uploaded_by: by,
        uploaded_at: at,
      })
      .execute();
    return id;
  }

  image(id: string): Promise<{ content_type: string; bytes: Buffer } | undefined> {
    return this.db.selectFrom('course_images').select(['content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
  }
}

/** A certificate's number: the year it was earned and a part of the attempt that earned it, easy to read out. */
function certificateNumber(attemptId: string, completedOn: string): string {
  return `HT-${completedOn.slice(0, 4)}-${attemptId.replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}
