import { randomUUID } from 'node:crypto';
import { markAttempt, unitCoverage } from '@harbour/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInActors } from '../../../test/picture-helpers';
import { newTestStore, TEST_STORE, type TestStore } from '../../../test/test-store';

const NOW = new Date('2026-12-02T10:00:00Z');
const event = { actorId: null, actorRole: null, action: 'report.imported' as const, subjectType: 'training' };
const words = (en: string) => ({ en, cy: `${en} (cy)` });
const content = (title: string) => ({
  title: words(title),
  summary: words('The signs, and what to do.'),
  modules: [{ id: 'three-steps', title: words('Act, Means, Purpose'), body: words('# The three steps') }],
  questions: ['a', 'b'].map((id) => ({
    id,
    prompt: words(`Question ${id}`),
    options: [
      { text: words('Right'), correct: true, feedback: words('Yes.') },
      { text: words('Wrong'), correct: false, feedback: words('No.') },
    ],
  })),
  passMark: 100,
  questionsPerAttempt: 2,
  refresherMonths: 24,
});

describe(`training on ${TEST_STORE}`, () => {
  let t: TestStore;
  let actors: Awaited<ReturnType<typeof signedInActors<'officer' | 'supervisor'>>>;

  beforeAll(async () => {
    t = await newTestStore();
    actors = await signedInActors(t, ['officer', 'supervisor']);
  });
  afterAll(async () => t?.close());

  it('keeps units by code and the establishment by staff number: added, changed, and left (kept, not deleted)', async () => {
    const units = await t.repos.training.saveUnits([
      { code: 'NPT-CID', name: 'Newport CID', localAuthority: 'W06000022' },
      { code: 'CAE-NPT', name: 'Caerphilly NPT', localAuthority: 'W06000018' },
    ]);
    expect(units.map((u) => u.code)).toEqual(['CAE-NPT', 'NPT-CID']);
    expect((await t.repos.training.saveUnits([{ code: 'NPT-CID', name: 'Newport Criminal Investigation', localAuthority: 'W06000022' }])).length).toBe(2);

    const first = await t.repos.training.replaceEstablishment(
      [
        { staffNumber: '1001', name: 'PC Sian Morgan', email: 'OFFICER@example.org', unitCode: 'NPT-CID' },
        { staffNumber: '1002', name: 'PC Dai Price', email: null, unitCode: 'NPT-CID' },
        { staffNumber: '1003', name: 'PC Ana Lewis', email: 'ana@example.org', unitCode: 'CAE-NPT' },
      ],
      NOW,
    );
    expect(first).toEqual({ added: 3, changed: 0, left: 0 });
    const again = await t.repos.training.replaceEstablishment(
      [
        { staffNumber: '1001', name: 'PC Sian Morgan', email: 'OFFICER@example.org', unitCode: 'NPT-CID' },
        { staffNumber: '1002', name: 'PC Dai Price', email: null, unitCode: 'CAE-NPT' },
        { staffNumber: '1003', name: 'PC Ana Lewis', email: 'ana@example.org', unitCode: 'CAE-NPT' },
        { staffNumber: '1004', name: 'PC Tom Hughes', email: null, unitCode: 'CAE-NPT' },
      ],
      NOW,
    );
    expect(again).toEqual({ added: 1, changed: 1, left: 0 });
  });

  it('refuses a file naming a unit that does not exist, and keeps nothing of it', async () => {
    await expect(
      t.repos.training.transaction(async (training) =>
        training.replaceEstablishment(
          [
            { staffNumber: '2001', name: 'PC New', email: null, unitCode: 'NPT-CID' },
            { staffNumber: '2002', name: 'PC Lost', email: null, unitCode: 'NOWHERE' },
          ],
          NOW,
        ),
      ),
    ).rejects.toThrow(/NOWHERE/);
    const staff = await t.store.db.selectFrom('establishment').select('staff_number').where('staff_number', 'like', '2%').execute();
    expect(staff).toEqual([]);
  });

  it('versions a course: a published version stays as it was while the next is drafted', async () => {
    const course = await t.repos.training.createCourse('spotting-exploitation', content('Spotting exploitation'), actors.supervisor.userId, NOW);
    expect(course).toMatchObject({ version: 1, published_at: null });
    expect(await t.repos.training.published(course.course_id)).toBeUndefined();
    expect(await t.repos.training.publishedCourses()).toEqual([]);
    await t.repos.training.publish(course.course_id, actors.supervisor.userId, NOW);
    const v2 = await t.repos.training.saveDraft(course.course_id, content('Spotting exploitation, revised'), actors.supervisor.userId, NOW);
    expect(v2).toMatchObject({ version: 2, published_at: null });
    // Saved again, the draft changes in place; the published version does not change at all.
    await t.repos.training.saveDraft(course.course_id, content('Spotting exploitation, revised again'), actors.supervisor.userId, NOW);
    expect((await t.repos.training.latest(course.course_id))!.version).toBe(2);
    const published = await t.repos.training.published(course.course_id);
    expect(published).toMatchObject({ version: 1, content: { title: { en: 'Spotting exploitation' } } });
    expect((await t.repos.training.publishedCourses()).map((c) => c.version)).toEqual([1]);
    expect(await t.repos.training.publish(course.course_id, actors.supervisor.userId, NOW)).toMatchObject({ version: 2 });
    expect(await t.repos.training.publish(course.course_id, actors.supervisor.userId, NOW)).toBeUndefined();
    expect((await t.repos.training.publishedCourses()).map((c) => [c.version, (c.content as { title: { en: string } }).title.en])).toEqual([
      [2, 'Spotting exploitation, revised again'],
    ]);
  });

  it('marks an attempt once; a pass completes the course with a certificate, and coverage counts it in the unit', async () => {
    const [course] = await t.repos.training.publishedCourses();
    const questions = (course!.content as ReturnType<typeof content>).questions;
    const officer = actors.officer.userId;

    const failed = await t.repos.training.startAttempt(officer, course!.version_id, ['a', 'b'], NOW);
    const failMark = markAttempt(questions, { a: 0, b: 1 }, 100);
    const sent = await t.repos.training.submitAttempt(failed.id, { a: 0, b: 1 }, failMark, NOW, '2026-12-02');
    expect(sent).toMatchObject({ attempt: { passed: false, score: 1, total: 2 }, completion: null });
    // Sent twice (a double tap, a retry after a lost answer), it is marked once.
    expect(await t.repos.training.submitAttempt(failed.id, { a: 0, b: 0 }, markAttempt(questions, { a: 0, b: 0 }, 100), NOW, '2026-12-02')).toBeUndefined();
    expect((await t.repos.training.attempt(failed.id))!.answers).toEqual({ a: 0, b: 1 });

    const retake = await t.repos.training.startAttempt(officer, course!.version_id, ['b', 'a'], new Date(NOW.getTime() + 60_000));
    expect((await t.repos.training.lastAttempt(officer, course!.course_id))!.id).toBe(retake.id);
    const passed = await t.repos.training.submitAttempt(retake.id, { a: 0, b: 0 }, markAttempt(questions, { a: 0, b: 0 }, 100), NOW, '2026-12-02');
    expect(passed!.completion).toMatchObject({ user_id: officer, course_id: course!.course_id, version_id: course!.version_id, completed_on: '2026-12-02' });
    expect(passed!.completion!.certificate).toMatch(/^HT-2026-[0-9A-F]{10}$/);
    expect(await t.repos.training.completion(passed!.completion!.certificate)).toMatchObject({ attempt_id: retake.id });
    expect((await t.repos.training.completions(officer)).length).toBe(1);

    // The officer's account has the address of staff number 1001, written in other capitals.
    const standings = await t.repos.training.standings(course!.course_id);
    expect(standings.map((s) => [s.staff_number, s.unit, s.user_id, s.completed_on])).toEqual([
      ['1003', 'Caerphilly NPT', null, null],
      ['1002', 'Caerphilly NPT', null, null],
      ['1004', 'Caerphilly NPT', null, null],
      ['1001', 'Newport Criminal Investigation', officer, '2026-12-02'],
    ]);
    const latest = new Map(standings.flatMap((s) => (s.completed_on ? [[s.id, s.completed_on] as const] : [])));
    expect(
      unitCoverage(
        standings.map((s) => ({ id: s.id, unit: s.unit })),
        latest,
        24,
        '2026-12-02',
      ),
    ).toEqual([
      { unit: 'Caerphilly NPT', headcount: 3, current: 0, dueSoon: 0, overdue: 0, never: 3, percentTrained: 0 },
      { unit: 'Newport Criminal Investigation', headcount: 1, current: 1, dueSoon: 0, overdue: 0, never: 0, percentTrained: 100 },
    ]);

    // Left the force: no longer counted.
    await t.repos.training.replaceEstablishment(
      standings
        .filter((s) => s.staff_number !== '1004')
        .map((s) => ({ staffNumber: s.staff_number, name: s.name, email: null, unitCode: s.unit === 'Caerphilly NPT' ? 'CAE-NPT' : 'NPT-CID' })),
      NOW,
    );
    expect((await t.repos.training.standings(course!.course_id)).map((s) => s.staff_number).sort()).toEqual(['1001', '1002', '1003']);
  });

  it('assigns a course to a unit by a day, once per day', async () => {
    const [course] = await t.repos.training.publishedCourses();
    const [unit] = await t.repos.training.units();
    await t.repos.training.assign(course!.course_id, unit!.id, '2027-01-31', actors.supervisor.userId, NOW);
    await t.repos.training.assign(course!.course_id, unit!.id, '2027-01-31', actors.supervisor.userId, NOW);
    await t.repos.training.assign(course!.course_id, unit!.id, '2027-06-30', actors.supervisor.userId, NOW);
    expect((await t.repos.training.assignments(course!.course_id)).map((a) => a.due_on)).toEqual(['2027-01-31', '2027-06-30']);
    expect(await t.repos.training.assignments(randomUUID())).toEqual([]);
  });

  it('keeps an audit event with the change in one transaction', async () => {
    await t.repos.training.transaction(async (training, audit) => {
      await training.saveUnits([{ code: 'TOR-RESP', name: 'Torfaen Response', localAuthority: 'W06000020' }]);
      await audit(event);
    });
    expect((await t.repos.training.units()).map((u) => u.code)).toContain('TOR-RESP');
  });
});
