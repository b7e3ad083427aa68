import { courseContentSchema, type CourseContent } from '@harbour/contract';
import type { Repositories } from '@harbour/db';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The starter courses shipped with Harbour: a folder each, written for a first-year constable. */
export const STARTER_COURSES_DIR = new URL('../../content/courses', import.meta.url).pathname;

export interface StarterCourse {
  slug: string;
  content: CourseContent;
}

/**
 * Reads the starter courses. Each folder holds `course.json` (titles, questions and settings, in
 * English and Welsh) and a Markdown file for each module in each language,
 * `modules/<module id>.en.md` and `.cy.md`, so the teaching text can be read and reviewed as
 * written. Every course is checked as an author's would be: a malformed one is refused, named.
 */
export function readStarterCourses(dir = STARTER_COURSES_DIR): StarterCourse[] {
  const place = (name: string) => (TEACHING_ORDER.includes(name) ? TEACHING_ORDER.indexOf(name) : TEACHING_ORDER.length);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => place(a) - place(b) || a.localeCompare(b))
    .map((name) => readCourse(join(dir, name)));
}

/** The order a new colleague takes them in: what it is and its signs, then what to do, then who with. */
const TEACHING_ORDER = ['spotting-exploitation', 'first-response', 'partners-and-harbour'];

interface CourseFile extends Omit<CourseContent, 'modules'> {
  slug: string;
  modules: { id: string; title: CourseContent['title'] }[];
}

function readCourse(folder: string): StarterCourse {
  const file = JSON.parse(readFileSync(join(folder, 'course.json'), 'utf8')) as CourseFile;
  const { slug, ...rest } = file;
  const modules = (rest.modules ?? []).map((m) => ({ ...m, body: { en: moduleText(folder, m.id, 'en'), cy: moduleText(folder, m.id, 'cy') } }));
  const parsed = courseContentSchema.safeParse({ ...rest, modules });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`The starter course in ${folder} is not valid: ${first.path.join('.')}: ${first.message}`);
  }
  return { slug, content: parsed.data };
}

function moduleText(folder: string, id: string, language: 'en' | 'cy'): string {
  const path = join(folder, 'modules', `${id}.${language}.md`);
  if (!existsSync(path)) throw new Error(`The starter course in ${folder} has no ${language === 'en' ? 'English' : 'Welsh'} text for module ${id}: ${path}`);
  return readFileSync(path, 'utf8').trim();
}

/**
 * Publishes each starter course a store does not have yet (known by its slug), as Harbour's rather
 * than any colleague's: on every start, so a new store has them and a newer Harbour's new course
 * arrives. A course the team has since changed is theirs and is left as it is.
 */
export async function publishStarterCourses(repos: Repositories, now: Date, courses = readStarterCourses()): Promise<number> {
  let published = 0;
  for (const [i, course] of courses.entries()) {
    if (await repos.training.courseBySlug(course.slug)) continue;
    // A millisecond apart, so the course list shows them in teaching order.
    const at = new Date(now.getTime() + i);
    try {
      await repos.training.transaction(async (training, audit) => {
        const created = await training.createCourse(course.slug, course.content, null, at);
        await training.publish(created.course_id, null, at);
        const subject = { actorId: null, actorRole: null, subjectType: 'course', subjectId: created.course_id } as const;
        await audit({ ...subject, action: 'training.course-created', details: { slug: course.slug, starter: true } });
        await audit({ ...subject, action: 'training.course-published', details: { version: created.version, starter: true } });
      });
    } catch (error) {
      // Another Harbour process starting against the same database published it first.
      if (await repos.training.courseBySlug(course.slug)) continue;
      throw error;
    }
    published += 1;
  }
  return published;
}
