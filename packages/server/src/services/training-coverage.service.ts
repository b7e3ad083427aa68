import {
  courseContentSchema,
  type CoverageView,
  type EstablishmentChange,
  type Prepared,
  type TrainingUnitList,
  type AssignmentRequest,
} from '@harbour/contract';
import {
  Invalid,
  NotFound,
  PERMISSIONS,
  decodeText,
  refuseIfNotText,
  detectDelimiter,
  localDate,
  permittedUser,
  readEstablishmentFile,
  readUnitsFile,
  refresherDue,
  trainingStanding,
  unitCoverage,
  type Actor,
  type FileProblem,
  type ForceArea,
  type TrainingStanding,
} from '@harbour/core';
import type { ColleagueStanding, Repositories } from '@harbour/db';
import { auditEntry } from './audit.service';
import { records } from './import-csv';

/** Problems listed for a refused file: enough to put most files right in one go, not a wall. */
const MOST_PROBLEMS_LISTED = 50;

/**
 * Who in the force is trained (issue 22): the force's units and its establishment, taken from
 * the CSV files its HR or duty system exports; courses set for a unit by a day; and coverage, by
 * unit and area, with the colleagues who are not up to date. Colleagues are people of the
 * establishment, not accounts: a constable without a Harbour account counts, as not trained.
 */
export class TrainingCoverageService {
  constructor(
    private readonly repos: Repositories,
    private readonly area: ForceArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async units(actor: Actor): Promise<TrainingUnitList> {
    permittedUser(actor, PERMISSIONS.trainingManage, 'Only the team’s supervisors keep the establishment');
    const units = await this.repos.training.unitsWithHeadcount();
    return {
      units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, localAuthority: u.local_authority, headcount: u.headcount })),
      establishment: units.reduce((sum, u) => sum + u.headcount, 0),
    };
  }

  /** A units file: each unit added, or renamed by its code. Refused whole, every problem named, if any row is wrong. */
  async importUnits(actor: Actor, bytes: Uint8Array): Promise<EstablishmentChange> {
    const user = permittedUser(actor, PERMISSIONS.trainingManage, 'Only the team’s supervisors keep the establishment');
    const read = readUnitsFile(await rowsOf(bytes), this.area);
    if (read.problems.length) throw refused(read.problems);
    await this.repos.training.transaction(async (training, audit) => {
      await training.saveUnits(read.units);
      await audit(auditEntry(user, 'training.units-imported', null, { units: read.units.length }));
    });
    return { units: read.units.length, added: 0, changed: 0, left: 0 };
  }

  /**
   * An establishment file of the whole force: each colleague added or brought up to date by staff
   * number, those no longer named marked as having left (kept, with their completions). Refused
   * whole if any row is wrong: taken in part, the colleagues on its bad rows would be marked as left.
   */
  async importEstablishment(actor: Actor, bytes: Uint8Array): Promise<EstablishmentChange> {
    const user = permittedUser(actor, PERMISSIONS.trainingManage, 'Only the team’s supervisors keep the establishment');
    const units = await this.repos.training.units();
    const read = readEstablishmentFile(await rowsOf(bytes), new Set(units.map((u) => u.code)));
    if (read.problems.length) throw refused(read.problems);
    const changed = await this.repos.training.transaction(async (training, audit) => {
      const result = await training.replaceEstablishment(read.colleagues, this.now());
      await audit(auditEntry(user, 'training.establishment-imported', null, { colleagues: read.colleagues.length, ...result }));
      return result;
    });
    return { units: units.length, ...changed };
  }

  /** Sets a course for a unit to complete by a day. */
  async assign(actor: Actor, request: AssignmentRequest): Promise<{ id: string; courseId: string; unitId: string; dueOn: string }> {
    const user = permittedUser(actor, PERMISSIONS.trainingManage, 'Only the team’s supervisors set courses for units');
    if (!(await this.repos.training.published(request.courseId)))
      throw new Invalid('No such course', [{ path: 'courseId', message: 'Choose a published course' }]);
    if (!(await this.repos.training.units()).some((u) => u.id === request.unitId))
      throw new Invalid('No such unit', [{ path: 'unitId', message: 'Choose a unit' }]);
    const row = await this.repos.training.transaction(async (training, audit) => {
      const saved = await training.assign(request.courseId, request.unitId, request.dueOn, user.userId, this.now());
      await audit(auditEntry(user, 'training.course-assigned', { type: 'course', id: request.courseId }, { unit: request.unitId, dueOn: request.dueOn }));
      return saved;
    });
    return { id: row.id, courseId: row.course_id, unitId: row.unit_id, dueOn: row.due_on };
  }

  /** A course's coverage today: by unit and area, each unit's latest assignment, and who is not up to date. */
  async coverage(actor: Actor, courseId: string): Promise<CoverageView> {
    const user = permittedUser(actor, PERMISSIONS.trainingManage, 'Only the team’s supervisors see who is trained');
    const version = await this.repos.training.published(courseId);
    if (!version) throw new NotFound('No such course');
    const content = courseContentSchema.parse(version.content);
    const today = localDate(this.now());
    const [colleagues, units, assignments] = await Promise.all([
      this.repos.training.standings(courseId),
      this.repos.training.unitsWithHeadcount(),
      this.repos.training.assignments(courseId),
    ]);
    const standing = (c: ColleagueStanding): TrainingStanding => trainingStanding(c.completed_on, content.refresherMonths, today);
    const completions = new Map(colleagues.flatMap((c) => (c.completed_on ? [[c.id, c.completed_on] as const] : [])));
    const count = (people: readonly ColleagueStanding[], group: (c: ColleagueStanding) => string) =>
      new Map(
        unitCoverage(
          people.map((c) => ({ id: c.id, unit: group(c) })),
          completions,
          content.refresherMonths,
          today,
        ).map((u) => [u.unit, u]),
      );
    const byUnit = count(colleagues, (c) => c.unit_id);
    const laOf = new Map(units.map((u) => [u.id, u.local_authority ?? '']));
    const byArea = count(colleagues, (c) => laOf.get(c.unit_id) ?? '');
    const total = count(colleagues, () => 'all').get('all');
    const latest = new Map<string, string>();
    for (const a of assignments) if ((latest.get(a.unit_id) ?? '') < a.due_on) latest.set(a.unit_id, a.due_on);
    const empty = { headcount: 0, current: 0, dueSoon: 0, overdue: 0, never: 0, percentTrained: 0 };
    // A group's counts without its name; a unit of nobody counts noughts.
    const countsOf = (c: typeof total) => {
      if (!c) return empty;
      const { unit: _name, ...counts } = c;
      return counts;
    };
    const rank: Record<TrainingStanding, number> = { overdue: 0, never: 1, due_soon: 2, current: 3 };
    await this.repos.audit.append(auditEntry(user, 'training.coverage-viewed', { type: 'course', id: courseId }, { colleagues: colleagues.length }));
    return {
      course: { id: courseId, title: content.title, refresherMonths: content.refresherMonths },
      today,
      total: countsOf(total),
      units: units.map((u) => {
        const counts = countsOf(byUnit.get(u.id));
        const dueOn = latest.get(u.id);
        const outstanding = counts.headcount - counts.current - counts.dueSoon;
        return {
          id: u.id,
          code: u.code,
          name: u.name,
          localAuthority: u.local_authority,
          ...counts,
          assignment: dueOn ? { dueOn, outstanding, overdue: outstanding > 0 && today > dueOn } : null,
        };
      }),
      areas: [...byArea]
        .map(([la, c]) => ({ localAuthority: la || null, ...countsOf(c) }))
        .sort((a, b) => (a.localAuthority ?? '~').localeCompare(b.localAuthority ?? '~')),
      colleagues: colleagues
        .map((c) => ({ c, standing: standing(c) }))
        .filter(({ standing }) => standing !== 'current')
        .sort((a, b) => rank[a.standing] - rank[b.standing] || a.c.unit.localeCompare(b.c.unit) || a.c.name.localeCompare(b.c.name))
        .map(({ c, standing }) => ({
          staffNumber: c.staff_number,
          name: c.name,
          unit: c.unit,
          standing,
          completedOn: c.completed_on,
          refresherDue: c.completed_on ? refresherDue(c.completed_on, content.refresherMonths) : null,
          hasAccount: c.user_id !== null,
        })),
    };
  }
}

/**
 * The Prepare figure: colleagues of the establishment in date with every published course, and
 * those with a refresher overdue, on a day. Null until an establishment is recorded: a share of
 * nobody is not a figure, and is said so rather than shown as nought.
 */
export async function preparedFigure(repos: Repositories, today: string): Promise<Prepared> {
  const units = await repos.training.unitsWithHeadcount();
  const establishment = units.reduce((sum, u) => sum + u.headcount, 0);
  if (establishment === 0) return null;
  const courses = await repos.training.publishedCourses();
  const notTrained = new Set<string>();
  const trainedInAny = new Set<string>();
  const overdue = new Set<string>();
  for (const course of courses) {
    const months = courseContentSchema.parse(course.content).refresherMonths;
    for (const c of await repos.training.standings(course.course_id)) {
      const standing = trainingStanding(c.completed_on, months, today);
      if (standing === 'never' || standing === 'overdue') notTrained.add(c.id);
      else trainedInAny.add(c.id);
      if (standing === 'overdue') overdue.add(c.id);
    }
  }
  return {
    establishment,
    trained: courses.length === 0 ? 0 : establishment - notTrained.size,
    trainedInAny: trainedInAny.size,
    overdue: overdue.size,
    courses: courses.length,
  };
}

/** A CSV file's rows, whatever its encoding (UTF-8 or Windows-1252) and separator. */
async function rowsOf(bytes: Uint8Array): Promise<{ record: string[]; line: number }[]> {
  refuseIfNotText(bytes);
  const { text } = decodeText(bytes, 'auto');
  const rows: { record: string[]; line: number }[] = [];
  for await (const row of records(text, detectDelimiter(text))) rows.push(row);
  return rows;
}

/** A file refused: each problem a field named by its line and column, the first fifty listed and the rest counted. */
function refused(problems: readonly FileProblem[]): Invalid {
  const listed = problems.slice(0, MOST_PROBLEMS_LISTED).map((p) => ({
    path: `line.${p.line}`,
    message: `Line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`,
  }));
  const more = problems.length - listed.length;
  if (more > 0) listed.push({ path: 'file', message: `… and ${more} more problem(s)` });
  return new Invalid('The file has problems: nothing was changed', listed);
}
